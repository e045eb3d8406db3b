;;;; Generalized places: GET-SETF-EXPANSION and what is built on it (SETF, PSETF, SHIFTF, ROTATEF,
;;;; INCF, DECF, PUSH, PUSHNEW, POP, DEFINE-MODIFY-MACRO, DEFSETF, DEFINE-SETF-EXPANDER,
;;;; DEFINE-COMPILER-MACRO). Read in package EPSILON.SYSTEM after library.lisp.
;;;;
;;;; Three kinds of expander, looked up in this order: a full expander (DEFINE-SETF-EXPANDER, long
;;;; DEFSETF) returns the five values itself; a simple one (DEFINE-SETF-PLACE, short DEFSETF) maps
;;;; the store variable and the argument forms to the storing form; otherwise a macro form is
;;;; expanded and tried again, and anything else calls the function (SETF name).

(defun %macro-lambda (name lambda-list body)
  ;; The (function (named-lambda name (form env) ...)) form DEFMACRO would make: destructuring,
  ;; &whole and &environment included.
  (car (cdr (cdr (car (cdr (macroexpand-1 `(defmacro ,name ,lambda-list ,@body))))))))

(defun %set-full-setf-expander (name function)
  (%put name '%full-setf-expander function)
  name)

(defun %constant-form-p (form)
  (or (and (atom form) (not (symbolp form)))
      (keywordp form) (eq form nil) (eq form t)
      (and (consp form) (eq (car form) 'quote))))

(defun %place-arguments (args)
  ;; Temporaries for a place's argument forms, so each runs once and in order. Constant forms stay
  ;; in place: a constant MEM-REF type or STRUCT-REF path keeps the compiled access path.
  (let ((temps nil) (vals nil) (uses nil))
    (dolist (a args)
      (if (%constant-form-p a)
          (push a uses)
          (let ((g (gensym "ARG")))
            (push g temps) (push a vals) (push g uses))))
    (values (nreverse temps) (nreverse vals) (nreverse uses))))

(defun get-setf-expansion (place &optional env)
  (cond ((symbolp place)
         (multiple-value-bind (expansion expanded) (macroexpand-1 place env)
           (if expanded
               (get-setf-expansion expansion env)
               (let ((new (gensym "NEW")))
                 (values nil nil (list new) `(setq ,place ,new) place)))))
        ((not (and (consp place) (symbolp (car place))))
         (error 'simple-type-error :datum place :expected-type '(or symbol cons)
                :format-control "~S is not a place SETF can store into" :format-arguments (list place)))
        (t
         (let* ((op (car place))
                (full (get op '%full-setf-expander))
                (simple (%%setf-expander op)))
           (cond (full (funcall full place env))
                 (simple
                  (multiple-value-bind (temps vals uses) (%place-arguments (cdr place))
                    (let ((new (gensym "NEW")))
                      (values temps vals (list new) (apply simple new uses) `(,op ,@uses)))))
                 (t
                  (multiple-value-bind (expansion expanded) (macroexpand-1 place env)
                    (if expanded
                        (get-setf-expansion expansion env)
                        (multiple-value-bind (temps vals uses) (%place-arguments (cdr place))
                          (let ((new (gensym "NEW")))
                            (values temps vals (list new)
                                    `(funcall (function (setf ,op)) ,new ,@uses)
                                    `(,op ,@uses))))))))))))

(defun %bindings (temps vals)
  ;; LET* bindings of a place's temporaries to its argument forms.
  (%zip temps vals))

(defun %store-with (stores value store)
  (if (cdr stores)
      `(multiple-value-bind ,stores ,value ,store)
      `(let ((,(car stores) ,value)) ,store)))

(defun %setf-1 (place value env)
  (if (symbolp place)
      `(setq ,place ,value)
      (multiple-value-bind (temps vals stores store) (get-setf-expansion place env)
        (if temps
            `(let* ,(%bindings temps vals) ,(%store-with stores value store))
            (%store-with stores value store)))))

(defmacro setf (&rest pairs &environment env)
  (cond ((null pairs) nil)
        ((null (cdr pairs)) (error 'simple-program-error :format-control "odd number of arguments to SETF: ~S"
                                   :format-arguments (list pairs)))
        ((cddr pairs)
         (let ((forms nil))
           (do ((p pairs (cddr p))) ((null p)) (push `(setf ,(car p) ,(cadr p)) forms))
           `(progn ,@(nreverse forms))))
        (t (%setf-1 (car pairs) (cadr pairs) env))))

(defun %modify (place env make-value)
  ;; Reads PLACE once, stores (funcall make-value access-form): INCF, PUSH, DEFINE-MODIFY-MACRO.
  (if (symbolp place)
      (multiple-value-bind (expansion expanded) (macroexpand-1 place env)
        (if expanded
            (%modify expansion env make-value)
            `(setq ,place ,(funcall make-value place))))
      (multiple-value-bind (temps vals stores store access) (get-setf-expansion place env)
        `(let* (,@(%bindings temps vals) (,(car stores) ,(funcall make-value access)))
           ,store))))

(defmacro incf (place &optional (delta 1) &environment env)
  (%modify place env (lambda (access) `(+ ,access ,delta))))

(defmacro decf (place &optional (delta 1) &environment env)
  (%modify place env (lambda (access) `(- ,access ,delta))))

(defmacro push (item place &environment env)
  (if (symbolp place)
      (%modify place env (lambda (access) `(cons ,item ,access)))
      (let ((g (gensym "ITEM")))
        `(let ((,g ,item)) ,(%modify place env (lambda (access) `(cons ,g ,access)))))))

(defmacro pushnew (item place &rest keys &environment env)
  (let ((g (gensym "ITEM")))
    `(let ((,g ,item)) ,(%modify place env (lambda (access) `(adjoin ,g ,access ,@keys))))))

(defmacro pop (place &environment env)
  (if (symbolp place)
      (let ((g (gensym)))
        `(let ((,g ,place)) (prog1 (car ,g) (setq ,place (cdr ,g)))))
      (multiple-value-bind (temps vals stores store access) (get-setf-expansion place env)
        (let ((g (gensym "LIST")))
          `(let* (,@(%bindings temps vals) (,g ,access))
             (prog1 (car ,g)
               (let ((,(car stores) (cdr ,g))) ,store)))))))

(defmacro define-modify-macro (name lambda-list function &optional documentation)
  (let ((place (gensym "PLACE")) (env (gensym "ENV"))
        (args nil) (rest nil))
    (do ((l lambda-list (cdr l))) ((null l))
      (let ((p (car l)))
        (cond ((eq p '&optional))
              ((eq p '&rest) (setq rest (cadr l)) (setq l (cdr l)))
              (t (push (if (consp p) (car p) p) args)))))
    `(defmacro ,name (,place ,@lambda-list &environment ,env)
       ,@(when documentation (list documentation))
       (%modify ,place ,env (lambda (access) (list* ',function access (list* ,@(reverse args) ,rest)))))))

(defmacro define-setf-expander (access-fn lambda-list &body body)
  `(progn (%set-full-setf-expander ',access-fn ,(%macro-lambda access-fn lambda-list body))
          ',access-fn))

(defmacro defsetf (access-fn &rest spec)
  (if (and spec (listp (car spec)))
      ;; (defsetf name lambda-list (store-variable*) body...): the body computes the storing form
      ;; with the lambda-list variables bound to the temporaries of the argument forms.
      (let ((lambda-list (car spec)) (store-vars (cadr spec)) (body (cddr spec))
            (env-var nil) (plain nil))
        (do ((l lambda-list (cdr l))) ((null l))
          (if (eq (car l) '&environment)
              (progn (setq env-var (cadr l)) (setq l (cdr l)))
              (push (car l) plain)))
        `(%set-full-setf-expander ',access-fn
           (lambda (place env)
             (declare (ignorable env))
             (let* ((args (cdr place))
                    (temps (mapcar-1 (lambda (a) (declare (ignore a)) (gensym "ARG")) args))
                    (stores (mapcar-1 (lambda (s) (declare (ignore s)) (gensym "NEW")) ',store-vars)))
               (values temps args stores
                       (apply (apply (lambda ,(nreverse plain)
                                       (let (,@(when env-var `((,env-var env))))
                                         (lambda ,store-vars ,@body)))
                                     temps)
                              stores)
                       (cons ',access-fn temps))))))
      (let ((update-fn (car spec)))
        `(define-setf-place ,access-fn (&rest args) v `(,',update-fn ,@args ,v)))))

(define-setf-expander values (&rest places &environment env)
  (let ((temps nil) (vals nil) (stores nil) (store-forms nil) (accesses nil))
    (dolist (place places)
      (multiple-value-bind (ts vs ss store access) (get-setf-expansion place env)
        (setq temps (append temps ts) vals (append vals vs))
        (setq stores (append stores (list (car ss))))
        ;; a place of several store variables takes only the first value
        (push (if (cdr ss) `(let ,(cdr ss) ,store) store) store-forms)
        (push access accesses)))
    (values temps vals stores
            `(progn ,@(nreverse store-forms) (values ,@stores))
            `(values ,@(nreverse accesses)))))

(define-setf-expander the (type place &environment env)
  (multiple-value-bind (temps vals stores store access) (get-setf-expansion place env)
    (values temps vals stores
            `(let ((,(car stores) (the ,type ,(car stores)))) ,store)
            `(the ,type ,access))))

(define-setf-expander getf (place indicator &optional (default nil default-p) &environment env)
  (multiple-value-bind (temps vals stores store access) (get-setf-expansion place env)
    (let ((itemp (gensym "INDICATOR")) (dtemp (gensym "DEFAULT")) (new (gensym "NEW")))
      (values (append temps (list itemp) (when default-p (list dtemp)))
              (append vals (list indicator) (when default-p (list default)))
              (list new)
              `(let ((,(car stores) (%putf ,access ,itemp ,new))) ,store ,new)
              `(getf ,access ,itemp ,@(when default-p (list dtemp)))))))

(defun %accesses-and-stores (places env)
  ;; For SHIFTF, ROTATEF, PSETF: each place's bindings, store variables, store form and access form.
  (mapcar-1 (lambda (place)
              (multiple-value-bind (temps vals stores store access) (get-setf-expansion place env)
                (list (%bindings temps vals) stores store access)))
            places))

(defmacro shiftf (&rest places-and-value &environment env)
  (let* ((places (butlast places-and-value))
         (value (car (last places-and-value)))
         (xs (%accesses-and-stores places env))
         (body `(progn ,@(mapcar-1 #'third xs))))
    ;; Every access runs before any store: each place's stores take the next place's value.
    (let ((sources (append (mapcar-1 #'fourth (cdr xs)) (list value))))
      (do ((x (reverse xs) (cdr x))
           (s (reverse sources) (cdr s)))
          ((null x))
        (setq body `(multiple-value-bind ,(second (car x)) ,(car s) ,body))))
    `(let* ,(apply #'append (mapcar-1 #'first xs))
       (multiple-value-prog1 (values ,@(when xs (list (fourth (car xs)))))
         ,body))))

(defmacro rotatef (&rest places &environment env)
  (if (null places)
      nil
      (let* ((xs (%accesses-and-stores places env))
             (sources (append (mapcar-1 #'fourth (cdr xs)) (list (fourth (car xs)))))
             (body `(progn ,@(mapcar-1 #'third xs) nil)))
        (do ((x (reverse xs) (cdr x))
             (s (reverse sources) (cdr s)))
            ((null x))
          (setq body `(multiple-value-bind ,(second (car x)) ,(car s) ,body)))
        `(let* ,(apply #'append (mapcar-1 #'first xs)) ,body))))

(defmacro psetf (&rest pairs &environment env)
  (let ((xs nil) (values nil))
    (do ((p pairs (cddr p))) ((null p))
      (push (car (%accesses-and-stores (list (car p)) env)) xs)
      (push (cadr p) values))
    (let ((body `(progn ,@(mapcar-1 #'third (reverse xs)) nil)))
      (do ((x xs (cdr x)) (v values (cdr v)))
          ((null x))
        (setq body `(let* ,(first (car x)) (multiple-value-bind ,(second (car x)) ,(car v) ,body))))
      body)))

(define-setf-place car (list) v `(progn (rplaca ,list ,v) ,v))
(define-setf-place first (list) v `(progn (rplaca ,list ,v) ,v))
(define-setf-place cdr (list) v `(progn (rplacd ,list ,v) ,v))
(define-setf-place rest (list) v `(progn (rplacd ,list ,v) ,v))
(define-setf-place second (list) v `(progn (rplaca (cdr ,list) ,v) ,v))
(define-setf-place nth (n list) v `(progn (rplaca (nthcdr ,n ,list) ,v) ,v))
(define-setf-place symbol-value (symbol) v `(set ,symbol ,v))
(define-setf-place slot-value (object slot) v `(%%set-slot-value ,object ,slot ,v))

;;; Compiler macros: the analyzer applies one to a call of its global function (as SBCL does;
;;; CFFI's type translators rely on it), and COMPILER-MACRO-FUNCTION answers for code that asks.

(defmacro define-compiler-macro (name lambda-list &body body)
  (let ((key (if (consp name) (%%setf-symbol (cadr name)) name)))
    `(progn (%put ',key '%compiler-macro ,(%macro-lambda (if (consp name) key name) lambda-list body))
            ',name)))

(defun compiler-macro-function (name &optional env)
  (declare (ignore env))
  (get (if (consp name) (%%setf-symbol (cadr name)) name) '%compiler-macro))

(define-setf-place compiler-macro-function (name &optional env) v
  (declare (ignore env))
  `(progn (%put (if (consp ,name) (%%setf-symbol (cadr ,name)) ,name) '%compiler-macro ,v) ,v))

(defmacro define-symbol-macro (symbol expansion)
  `(progn (%%define-symbol-macro ',symbol ',expansion) ',symbol))

;;; Byte specifiers: (byte size position) is a cons of the two.
(defun logandc1 (a b) (logand (lognot a) b))
(defun logandc2 (a b) (logand a (lognot b)))
(defun logorc1 (a b) (logior (lognot a) b))
(defun logorc2 (a b) (logior a (lognot b)))
(defun lognand (a b) (lognot (logand a b)))
(defun lognor (a b) (lognot (logior a b)))
(defun logeqv (&rest integers) (lognot (apply #'logxor integers)))
(defun byte (size position) (cons size position))
(defun byte-size (bytespec) (car bytespec))
(defun byte-position (bytespec) (cdr bytespec))
(defun %byte-mask (bytespec) (ash (1- (ash 1 (car bytespec))) (cdr bytespec)))
(defun ldb (bytespec integer)
  (logand (ash integer (- (cdr bytespec))) (1- (ash 1 (car bytespec)))))
(defun ldb-test (bytespec integer) (/= 0 (ldb bytespec integer)))
(defun mask-field (bytespec integer) (logand integer (%byte-mask bytespec)))
(defun dpb (newbyte bytespec integer)
  (let ((mask (%byte-mask bytespec)))
    (logior (logandc2 integer mask) (logand (ash newbyte (cdr bytespec)) mask))))
(defun deposit-field (newbyte bytespec integer)
  (let ((mask (%byte-mask bytespec)))
    (logior (logandc2 integer mask) (logand newbyte mask))))

(define-setf-expander ldb (bytespec place &environment env)
  (multiple-value-bind (temps vals stores store access) (get-setf-expansion place env)
    (let ((btemp (gensym "BYTE")) (new (gensym "NEW")))
      (values (cons btemp temps) (cons bytespec vals) (list new)
              `(let ((,(car stores) (dpb ,new ,btemp ,access))) ,store ,new)
              `(ldb ,btemp ,access)))))

(define-setf-expander mask-field (bytespec place &environment env)
  (multiple-value-bind (temps vals stores store access) (get-setf-expansion place env)
    (let ((btemp (gensym "BYTE")) (new (gensym "NEW")))
      (values (cons btemp temps) (cons bytespec vals) (list new)
              `(let ((,(car stores) (deposit-field ,new ,btemp ,access))) ,store ,new)
              `(mask-field ,btemp ,access)))))

(defun (setf aref) (new array &rest subscripts) (apply #'%%aset array new subscripts))

(define-setf-expander apply (function &rest args &environment env)
  ;; (setf (apply #'name args...) v) calls (setf name) with the spread arguments.
  (declare (ignore env))
  (unless (and (consp function) (member (car function) '(function quote)) (symbolp (cadr function)))
    (error "(SETF APPLY) needs a function named by #'NAME: ~S" function))
  (let ((temps (mapcar-1 (lambda (a) (declare (ignore a)) (gensym "ARG")) args)) (new (gensym "NEW")))
    (values temps args (list new)
            `(apply (function (setf ,(cadr function))) ,new ,@temps)
            `(apply ,function ,@temps))))

(define-setf-place symbol-plist (symbol) v `(%%set-symbol-plist ,symbol ,v))
