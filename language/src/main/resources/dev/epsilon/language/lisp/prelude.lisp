;;;; The core macros of Epsilon, written in Lisp. Read in package EPSILON.SYSTEM, where the special
;;;; forms, the Java builtins and DEFMACRO already exist.
;;;;
;;;; Where Java ends: an internal name that starts with %% is a Java primitive (builtins/, installed
;;;; before any Lisp is read, or a special form of the analyzer); one that starts with a single % is
;;;; a helper written in Lisp, in these files. tests/lisp/library/java-primitives.lisp checks it.

(defmacro defun (name lambda-list &body body)
  (let ((decls nil) (doc nil))
    ;; Declarations and a docstring go before the BLOCK, where the analyzer expects them.
    (tagbody
     next
       (if (if (consp body)
               (if (consp (car body))
                   (eq (car (car body)) 'declare)
                   (if (stringp (car body)) (consp (cdr body)) nil))
               nil)
           (progn (if (stringp (car body)) (setq doc (car body)))
                  (setq decls (cons (car body) decls))
                  (setq body (cdr body))
                  (go next))))
    (let ((block-name (if (consp name) (cadr name) name)))
      `(progn
         (%%set-fdefinition ,(%function-name-form name)
                           (function (named-lambda ,name ,lambda-list ,@(reverse decls) (block ,block-name ,@body))))
         ;; The docstring, for DOCUMENTATION (once system.lisp defines where it is kept).
         ,@(if (if doc (fboundp '%set-documentation) nil)
               `((%set-documentation ',name 'function ,doc)))
         ',name))))

(%%set-fdefinition '%function-name-form
  (function (named-lambda %function-name-form (name)
    ;; (SETF FOO) names the function stored under FOO's setf symbol.
    (if (consp name)
        (list 'quote (%%setf-symbol (car (cdr name))))
        (list 'quote name)))))

(defmacro when (test &body body)
  `(if ,test (progn ,@body) nil))

(defmacro unless (test &body body)
  `(if ,test nil (progn ,@body)))

(defmacro return (&optional value)
  `(return-from nil ,value))

(defmacro cond (&rest clauses)
  (if (null clauses)
      nil
      (let ((clause (car clauses)))
        (if (null (cdr clause))
            (let ((g (gensym)))
              `(let ((,g ,(car clause)))
                 (if ,g ,g (cond ,@(cdr clauses)))))
            `(if ,(car clause)
                 (progn ,@(cdr clause))
                 (cond ,@(cdr clauses)))))))

(defmacro and (&rest forms)
  (cond ((null forms) t)
        ((null (cdr forms)) (car forms))
        (t `(if ,(car forms) (and ,@(cdr forms)) nil))))

(defmacro or (&rest forms)
  (cond ((null forms) nil)
        ((null (cdr forms)) (car forms))
        (t (let ((g (gensym)))
             `(let ((,g ,(car forms)))
                (if ,g ,g (or ,@(cdr forms))))))))

(defmacro prog1 (first &body rest)
  (let ((g (gensym)))
    `(let ((,g ,first)) ,@rest ,g)))

(defmacro prog2 (first second &body rest)
  `(progn ,first (prog1 ,second ,@rest)))

(defmacro defvar (name &optional (value nil value-p) documentation)
  (declare (ignore documentation))
  `(progn
     (%%defvar ',name)
     ,@(when value-p `((unless (boundp ',name) (setq ,name ,value))))
     ',name))

(defmacro defparameter (name value &optional documentation)
  (declare (ignore documentation))
  `(progn (%%defvar ',name) (setq ,name ,value) ',name))

(defun %body-declarations (body)
  (if (if (consp (car body)) (eq (car (car body)) 'declare) nil)
      (cons (car body) (%body-declarations (cdr body)))
      nil))

(defun %body-forms (body)
  (if (if (consp (car body)) (eq (car (car body)) 'declare) nil)
      (%body-forms (cdr body))
      body))

(defmacro dotimes ((var count &optional result) &body body)
  ;; A counted loop (sys::%%counted-loop) over a hidden counter; VAR is bound afresh for each
  ;; iteration, so closures made in the body keep their own value, and is the count for RESULT.
  (let ((limit (gensym "LIMIT")) (counter (gensym "COUNTER")))
    `(block nil
       (let ((,limit ,count) (,counter 0))
         (%%counted-loop ,counter ,limit
           (let ((,var ,counter)) (declare (ignorable ,var)) ,@(%body-declarations body)
             (tagbody ,@(%body-forms body))))
         (let ((,var ,counter)) (declare (ignorable ,var)) ,result)))))

(defmacro dolist ((var list &optional result) &body body)
  (let ((tail (gensym "TAIL")) (top (gensym "TOP")))
    `(block nil
       (let ((,tail ,list) (,var nil))
         ,@(%body-declarations body)
         (tagbody
            ,top
            (when ,tail
              (setq ,var (car ,tail))
              ,@(%body-forms body)
              (setq ,tail (cdr ,tail))
              (go ,top)))
         (let ((,var nil)) (declare (ignorable ,var)) ,result)))))

(defun %do-expansion (bindings end-clause body sequential)
  (let ((top (gensym "TOP"))
        (vars nil) (steps nil))
    ;; STEPS collects value, var back to front; reversed it reads var1 step1 var2 step2 ...
    (dolist (b bindings)
      (if (consp b)
          (progn (setq vars (cons (list (car b) (cadr b)) vars))
                 (when (cddr b) (setq steps (cons (caddr b) (cons (car b) steps)))))
          (setq vars (cons (list b nil) vars))))
    `(block nil
       (,(if sequential 'let* 'let) ,(reverse vars)
         ,@(%body-declarations body)
         (tagbody
            ,top
            (unless ,(car end-clause)
              ,@(%body-forms body)
              (,(if sequential 'setq 'psetq) ,@(reverse steps))
              (go ,top)))
         ,@(cdr end-clause)))))

(defmacro do (bindings (end-test &rest result) &body body)
  (%do-expansion bindings (cons end-test result) body nil))

(defmacro do* (bindings (end-test &rest result) &body body)
  (%do-expansion bindings (cons end-test result) body t))

(defmacro psetq (&rest pairs)
  ;; Evaluate every value first, then assign.
  (let ((temps nil) (sets nil))
    (tagbody
     next
       (when pairs
         (let ((g (gensym)))
           (setq temps (cons (list g (cadr pairs)) temps))
           (setq sets (cons `(setq ,(car pairs) ,g) sets)))
         (setq pairs (cddr pairs))
         (go next)))
    `(let ,(reverse temps) ,@(reverse sets) nil)))

(defmacro setf (&rest pairs)
  (cond ((null pairs) nil)
        ((cddr pairs) `(progn (setf ,(car pairs) ,(cadr pairs)) (setf ,@(cddr pairs))))
        (t (%setf-expansion (car pairs) (cadr pairs)))))

(defun %setf-expansion (place value)
  (cond ((symbolp place) `(setq ,place ,value))
        ((and (consp place) (symbolp (car place)) (macro-function (car place)))
         (%setf-expansion (macroexpand-1 place) value))
        ((consp place)
         (let ((op (car place)) (args (cdr place)) (v (gensym "NEW")))
           (cond ((member op '(car first)) `(let ((,v ,value)) (rplaca ,(car args) ,v) ,v))
                 ((member op '(cdr rest)) `(let ((,v ,value)) (rplacd ,(car args) ,v) ,v))
                 ((eq op 'second) `(let ((,v ,value)) (rplaca (cdr ,(car args)) ,v) ,v))
                 ((eq op 'nth) `(let ((,v ,value)) (rplaca (nthcdr ,(car args) ,(cadr args)) ,v) ,v))
                 ((eq op 'symbol-value) `(set ,(car args) ,value))
                 ((eq op 'slot-value) `(%%set-slot-value ,(car args) ,(cadr args) ,value))
                 ((%%setf-expander op) (apply (%%setf-expander op) value args))
                 (t (let ((temps (mapcar-1 (lambda (a) (declare (ignore a)) (gensym)) args)))
                      `(let ,(%zip temps args)
                         (funcall (function (setf ,op)) ,value ,@temps)))))))
        (t (error "SETF of ~s is not supported" place))))

(defmacro incf (place &optional (delta 1))
  `(setf ,place (+ ,place ,delta)))

(defmacro decf (place &optional (delta 1))
  `(setf ,place (- ,place ,delta)))

(defmacro push (item place)
  `(setf ,place (cons ,item ,place)))

(defmacro pop (place)
  (let ((g (gensym)))
    `(let ((,g (car ,place)))
       (setf ,place (cdr ,place))
       ,g)))

(defmacro case (key &rest clauses)
  (let ((k (gensym "KEY")))
    `(let ((,k ,key))
       (cond ,@(mapcar-1 (lambda (c)
                           (let ((keys (car c)))
                             (cond ((member keys '(t otherwise)) `(t ,@(cdr c)))
                                   ((listp keys) `((member ,k ',keys) ,@(cdr c)))
                                   (t `((eql ,k ',keys) ,@(cdr c))))))
                         clauses)))))

(defun %zip (a b)
  (if (and a b) (cons (list (car a) (car b)) (%zip (cdr a) (cdr b))) nil))

(defun mapcar-1 (f list)
  (let ((out nil))
    (dolist (x list) (setq out (cons (funcall f x) out)))
    (reverse out)))

(defmacro loop (&body body)
  ;; The simple LOOP: forms repeated until RETURN. The extended LOOP comes with the full library.
  (let ((top (gensym "TOP")))
    `(block nil (tagbody ,top ,@body (go ,top)))))

(defmacro multiple-value-bind (vars form &body body)
  (let ((rest (gensym "REST")))
    `(multiple-value-call (lambda (&optional ,@vars &rest ,rest)
                            (declare (ignore ,rest))
                            ,@body)
       ,form)))

(defmacro multiple-value-list (form)
  `(multiple-value-call (function list) ,form))

(defmacro nth-value (n form)
  `(nth ,n (multiple-value-list ,form)))

(defmacro multiple-value-setq (vars form)
  (let ((temps (mapcar-1 (lambda (v) (declare (ignore v)) (gensym)) vars))
        (sets nil))
    (let ((ts temps))
      (dolist (v vars)
        (setq sets (cons `(setq ,v ,(car ts)) sets))
        (setq ts (cdr ts))))
    `(multiple-value-bind ,temps ,form
       ,@(reverse sets)
       ,(car temps))))
