;;;; CLOS: DEFCLASS, DEFGENERIC, DEFMETHOD, MAKE-INSTANCE, PRINT-OBJECT, over the Java core
;;;; (%%DEFCLASS, %%ADD-METHOD, generic dispatch with caches). Read in package EPSILON.SYSTEM.

(defun %split-body (body)
  ;; Leading declarations (and a docstring before more forms) go where the analyzer allows them.
  (let ((decls nil))
    (tagbody
     next
       (when (and (consp body)
                  (or (and (consp (car body)) (eq (caar body) 'declare))
                      (and (stringp (car body)) (consp (cdr body)))))
         (unless (stringp (car body)) (push (car body) decls))
         (setq body (cdr body))
         (go next)))
    (values (reverse decls) body)))

(defun %expand-defclass (name supers slots options kind)
  (let ((slot-forms nil) (accessor-forms nil) (option-forms nil))
    (dolist (s slots)
      (let* ((spec (if (consp s) s (list s)))
             (sname (car spec))
             (initargs nil) (initform nil) (has-initform nil) (allocation nil))
        (do ((p (cdr spec) (cddr p))) ((null p))
          (let ((k (car p)) (v (cadr p)))
            (cond ((eq k :initarg) (push v initargs))
                  ((eq k :allocation) (setq allocation v))
                  ((eq k :initform) (setq initform v has-initform t))
                  ((eq k :reader) (push (%reader-method name sname v) accessor-forms))
                  ((eq k :writer) (push (%writer-method name sname v) accessor-forms))
                  ((eq k :accessor)
                   (push (%reader-method name sname v) accessor-forms)
                   (push (%writer-method name sname (list 'setf v)) accessor-forms)))))
        (push `(list ',sname ',(reverse initargs) ,(if has-initform `(lambda () ,initform) nil) ',allocation)
              slot-forms)))
    (dolist (o options)
      (cond ((eq (car o) :default-initargs)
             (let ((plist nil))
               (do ((p (cdr o) (cddr p))) ((null p))
                 (push (car p) plist)
                 (push `(lambda () ,(cadr p)) plist))
               (push `(%%set-class-option class :default-initargs (list ,@(reverse plist))) option-forms)))
            ((eq (car o) :report)
             (let ((r (cadr o)))
               (push `(%%set-class-option class :report
                                         ,(cond ((stringp r) r)
                                                ((symbolp r) `(function ,r))
                                                (t `(function ,r))))
                     option-forms)))))
    `(progn
       (let ((class (%%defclass ',name ,kind ',supers (list ,@(reverse slot-forms)))))
         (declare (ignorable class))
         ,@(reverse option-forms)
         class)
       ,@(reverse accessor-forms)
       (find-class ',name))))

(defun %reader-method (class slot reader)
  `(defmethod ,reader ((object ,class)) (slot-value object ',slot)))

(defun %writer-method (class slot writer)
  `(defmethod ,writer (new-value (object ,class)) (%%set-slot-value object ',slot new-value)))

(defmacro defclass (name supers slots &rest options)
  (%expand-defclass name supers slots options :standard))

(defun %required-parameters (lambda-list)
  (let ((out nil))
    (dolist (p lambda-list)
      (when (member p '(&optional &rest &key &aux &body &allow-other-keys))
        (return))
      (push p out))
    (reverse out)))

(defmacro defgeneric (name lambda-list &rest options)
  (let ((methods nil))
    (dolist (o options)
      (when (eq (car o) :method)
        (push `(defmethod ,name ,@(cdr o)) methods)))
    (let* ((required (%required-parameters lambda-list))
           (order (cdr (assoc :argument-precedence-order options)))
           (positions (when order (mapcar-1 (lambda (p) (position p required)) order))))
      `(progn
         (%%ensure-generic-function ,(%function-name-form name) ,(length required))
         ,@(when positions `((%%set-precedence-order (function ,name) ',positions)))
         ,@(reverse methods)
         (function ,name)))))

(defmacro defmethod (name &rest rest)
  (let ((qualifiers nil))
    (tagbody
     next
       (when (and rest (atom (car rest)) (car rest))
         (push (pop rest) qualifiers)
         (go next)))
    (let* ((lambda-list (car rest))
           (body (cdr rest))
           (required (%required-parameters lambda-list))
           (others (nthcdr (length required) lambda-list))
           (plain (mapcar-1 (lambda (p) (if (consp p) (car p) p)) required))
           (specializers (mapcar-1 (lambda (p)
                                     (cond ((atom p) ''t)
                                           ((and (consp (cadr p)) (eq (car (cadr p)) 'eql))
                                            `(list 'eql ,(cadr (cadr p))))
                                           (t `',(cadr p))))
                                   required))
           (others (if (and (member '&key others) (not (member '&allow-other-keys others)))
                       (append others '(&allow-other-keys))
                       others))
           (block-name (if (consp name) (cadr name) name)))
      (multiple-value-bind (decls forms) (%split-body body)
        `(%%add-method (%%ensure-generic-function ,(%function-name-form name) ,(length required))
                      ',(reverse qualifiers)
                      (list ,@specializers)
                      (function
                       (named-lambda ,name (.chain. ,@plain ,@others)
                         (declare (ignorable .chain.))
                         (flet ((call-next-method (&rest args) (%%call-next-method .chain. args))
                                (next-method-p () (%%next-method-p .chain.)))
                           ,@decls
                           (block ,block-name ,@forms)))))))))

;;; The initialization protocol: MAKE-INSTANCE calls ALLOCATE-INSTANCE and INITIALIZE-INSTANCE,
;;; which (like REINITIALIZE-INSTANCE) calls SHARED-INITIALIZE, so methods on any of them run.
(defgeneric shared-initialize (instance slot-names &rest initargs))
(defmethod shared-initialize ((instance t) slot-names &rest initargs)
  (declare (ignore slot-names))
  (%%shared-initialize instance initargs)
  instance)

(defgeneric initialize-instance (instance &rest initargs))
(defmethod initialize-instance ((instance t) &rest initargs)
  (apply (function shared-initialize) instance t initargs))

(defgeneric reinitialize-instance (instance &rest initargs))
(defmethod reinitialize-instance ((instance t) &rest initargs)
  (apply (function shared-initialize) instance nil initargs))

(defgeneric allocate-instance (class &rest initargs))
(defmethod allocate-instance ((class t) &rest initargs)
  (declare (ignore initargs))
  (%%allocate-instance class))

(defun make-instance (class &rest initargs)
  (let* ((class (if (symbolp class) (find-class class) class))
         (initargs (%%default-initargs class initargs))
         (instance (apply (function allocate-instance) class initargs)))
    (apply (function initialize-instance) instance initargs)
    instance))

(defgeneric print-object (object stream))
(defmethod print-object ((object t) stream)
  (write-string (%%print-default object) stream)
  object)

(defmacro print-unreadable-object ((object stream &key type identity) &body body)
  (let ((o (gensym)) (s (gensym)))
    `(let ((,o ,object) (,s ,stream))
       (write-string "#<" ,s)
       ,@(when type `((write-string (symbol-name (class-name (class-of ,o))) ,s)
                      ,@(when body `((write-string " " ,s)))))
       ,@body
       ,@(when identity `((write-string " {" ,s) (write-string (%%identity-string ,o) ,s) (write-string "}" ,s)))
       (write-string ">" ,s)
       nil)))

(defmacro with-slots (slots instance &body body)
  (let ((o (gensym "INSTANCE")))
    `(let ((,o ,instance))
       (symbol-macrolet ,(mapcar-1 (lambda (s)
                                     (if (consp s)
                                         `(,(car s) (slot-value ,o ',(cadr s)))
                                         `(,s (slot-value ,o ',s))))
                                   slots)
         ,@body))))

(defmacro with-accessors (bindings instance &body body)
  (let ((o (gensym "INSTANCE")))
    `(let ((,o ,instance))
       (symbol-macrolet ,(mapcar-1 (lambda (b) `(,(car b) (,(cadr b) ,o))) bindings)
         ,@body))))

;;; What happens when no method applies, or a slot is unbound or missing: generic functions whose
;;; default methods signal the error, so that a program's methods can answer instead.
(defgeneric no-applicable-method (generic-function &rest arguments))
(defmethod no-applicable-method ((generic-function t) &rest arguments)
  (%%signal-no-applicable-method generic-function arguments))

(defgeneric slot-unbound (class instance slot-name))
(defmethod slot-unbound ((class t) instance slot-name)
  (%%signal-unbound-slot instance slot-name))

(defgeneric slot-missing (class object slot-name operation &optional new-value))
(defmethod slot-missing ((class t) object slot-name operation &optional new-value)
  (declare (ignore new-value))
  (%%signal-slot-missing object slot-name operation))

;;; CHANGE-CLASS keeps the values of slots both classes have; UPDATE-INSTANCE-FOR-DIFFERENT-CLASS
;;; (a generic function, given a copy of the instance as it was) then initializes the new ones from
;;; their initforms and the initargs.
(defgeneric update-instance-for-different-class (previous current &rest initargs))
(defmethod update-instance-for-different-class ((previous t) current &rest initargs)
  (apply #'shared-initialize current
         (set-difference (%%class-slot-names (class-of current)) (%%class-slot-names (class-of previous)))
         initargs))

(defgeneric change-class (instance new-class &rest initargs))
(defmethod change-class ((instance t) new-class &rest initargs)
  (let ((previous (%%copy-instance instance)))
    (%%change-class instance (if (symbolp new-class) (find-class new-class) new-class))
    (apply #'update-instance-for-different-class previous instance initargs)
    instance))
