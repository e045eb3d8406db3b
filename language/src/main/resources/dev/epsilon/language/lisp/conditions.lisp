;;;; The condition system: condition classes, SIGNAL/ERROR/WARN, HANDLER-BIND/HANDLER-CASE,
;;;; RESTART-CASE and the standard restarts, ASSERT, CHECK-TYPE. Read in package EPSILON.SYSTEM.

(defmacro define-condition (name supers slots &rest options)
  (%expand-defclass name (or supers '(condition)) slots options :condition))

(define-condition serious-condition (condition) ())
(define-condition error (serious-condition) ())
(define-condition warning (condition) ())
(define-condition style-warning (warning) ())
(define-condition storage-condition (serious-condition) ())
(define-condition simple-condition (condition)
  ((format-control :initarg :format-control :initform nil :reader simple-condition-format-control)
   (format-arguments :initarg :format-arguments :initform nil :reader simple-condition-format-arguments))
  (:report (lambda (c stream)
             (apply (function format) stream (simple-condition-format-control c)
                    (simple-condition-format-arguments c)))))
(define-condition simple-error (simple-condition error) ())
(define-condition simple-warning (simple-condition warning) ())
(define-condition type-error (error)
  ((datum :initarg :datum :initform nil :reader type-error-datum)
   (expected-type :initarg :expected-type :initform t :reader type-error-expected-type))
  (:report (lambda (c stream)
             (format stream "The value ~s is not of type ~s" (type-error-datum c) (type-error-expected-type c)))))
(define-condition simple-type-error (simple-condition type-error) ())
(define-condition program-error (error) ())
(define-condition simple-program-error (simple-condition program-error) ())
(define-condition control-error (error) ())
(define-condition parse-error (error) ())
(define-condition cell-error (error)
  ((name :initarg :name :initform nil :reader cell-error-name)))
(define-condition unbound-variable (cell-error) ()
  (:report (lambda (c stream) (format stream "The variable ~s is unbound." (cell-error-name c)))))
(define-condition undefined-function (cell-error) ()
  (:report (lambda (c stream) (format stream "The function ~s is undefined." (cell-error-name c)))))
(define-condition unbound-slot (cell-error)
  ((instance :initarg :instance :initform nil :reader unbound-slot-instance))
  (:report (lambda (c stream) (format stream "The slot ~s is unbound." (cell-error-name c)))))
(define-condition arithmetic-error (error)
  ((operation :initarg :operation :initform nil :reader arithmetic-error-operation)
   (operands :initarg :operands :initform nil :reader arithmetic-error-operands)))
(define-condition division-by-zero (arithmetic-error) ()
  (:report "arithmetic error DIVISION-BY-ZERO signalled"))
(define-condition floating-point-overflow (arithmetic-error) ())
(define-condition floating-point-invalid-operation (arithmetic-error) ())
(define-condition package-error (error)
  ((package :initarg :package :initform nil :reader package-error-package)))
(define-condition stream-error (error)
  ((stream :initarg :stream :initform nil :reader stream-error-stream)))
(define-condition end-of-file (stream-error) ())
(define-condition reader-error (parse-error stream-error) ())
(define-condition file-error (error)
  ((pathname :initarg :pathname :initform nil :reader file-error-pathname)))
(define-condition print-not-readable (error)
  ((object :initarg :object :initform nil :reader print-not-readable-object)))
(define-condition format-error (simple-error) ())
;; A Java failure that no user input should cause (a failed cast, a null): a bug in Epsilon, as
;; SBCL's SB-INT:BUG is one in SBCL. Catchable like any error, never reported as the user's TYPE-ERROR.
(define-condition internal-error (error) ())
(export 'internal-error)
;; What the embedder did not allow this context (the polyglot Context.Builder permissions): IO,
;; native access, threads. One condition per refusal; the file and foreign kinds are also the
;; FILE-ERROR and FOREIGN-ERROR that code handling those expects.
(define-condition access-denied (error) ())
(define-condition file-access-denied (access-denied file-error) ())
(export '(access-denied file-access-denied))
;; A failure on the other side of a polyglot call (a Java exception in a host function).
(define-condition polyglot-error (error) ())
(export 'polyglot-error)
(import 'polyglot-error "EPSILON.POLYGLOT")
(export 'polyglot-error "EPSILON.POLYGLOT")

(defun make-condition (type &rest initargs)
  (apply (function make-instance) type initargs))

(defun %coerce-condition (datum arguments default-type)
  (cond ((typep datum 'condition) datum)
        ((symbolp datum) (apply (function make-condition) datum arguments))
        ((stringp datum) (make-condition default-type :format-control datum :format-arguments arguments))
        (t (error 'type-error :datum datum :expected-type '(or condition symbol string)))))

(defun signal (datum &rest arguments)
  (%%signal (%coerce-condition datum arguments 'simple-condition))
  nil)

(defun error (datum &rest arguments)
  (let ((c (%coerce-condition datum arguments 'simple-error)))
    (%%signal c)
    ;; Unhandled: the debugger (debugger.lisp) in the REPL; elsewhere the error unwinds out.
    (if (fboundp 'invoke-debugger)
        (invoke-debugger c)
        (%%error-unhandled c))))

(defmacro handler-bind (bindings &body body)
  `(%%handler-bind (list ,@(mapcar-1 (lambda (b) `(cons ',(car b) ,(cadr b))) bindings))
                  (lambda () ,@body)))

(defmacro handler-case (form &rest clauses)
  (let ((block (gensym "HANDLER-CASE")) (condition (gensym "CONDITION"))
        (bindings nil) (bodies nil) (no-error nil))
    (dolist (clause clauses)
      (if (eq (car clause) :no-error)
          (setq no-error clause)
          (let ((tag (gensym "CLAUSE"))
                (var (car (cadr clause))))
            (multiple-value-bind (decls forms) (%split-body (cddr clause))
              (push `(cons ',(car clause) (lambda (c) (setq ,condition c) (go ,tag))) bindings)
              (push tag bodies)
              (push `(return-from ,block
                       ,(if var
                            `(let ((,var ,condition)) ,@decls ,@forms)
                            `(locally ,@decls ,@forms)))
                    bodies)))))
    (let ((protected `(%%handler-bind (list ,@(reverse bindings)) (lambda () ,form))))
      `(block ,block
         (let ((,condition nil))
           (declare (ignorable ,condition))
           (tagbody
              (return-from ,block
                ,(if no-error
                     `(multiple-value-call (lambda ,(cadr no-error) ,@(cddr no-error)) ,protected)
                     protected))
              ,@(reverse bodies)))))))

(defmacro ignore-errors (&body body)
  `(handler-case (progn ,@body)
     (error (condition) (values nil condition))))

(defmacro restart-case (form &rest clauses)
  (let ((block (gensym "RESTART-CASE")) (arguments (gensym "ARGUMENTS"))
        (restarts nil) (bodies nil))
    (dolist (clause clauses)
      (let ((name (car clause)) (lambda-list (cadr clause)) (rest (cddr clause))
            (report nil) (tag (gensym "RESTART")))
        (tagbody
         next
           (when (member (car rest) '(:report :interactive :test))
             (when (eq (car rest) :report) (setq report (cadr rest)))
             (setq rest (cddr rest))
             (go next)))
        (push `(%%make-restart ',name
                              (lambda (&rest a) (setq ,arguments a) (go ,tag))
                              ,(cond ((null report) nil)
                                     ((stringp report) report)
                                     (t `(function ,report))))
              restarts)
        (push tag bodies)
        (push `(return-from ,block (apply (lambda ,lambda-list ,@rest) ,arguments)) bodies)))
    `(block ,block
       (let ((,arguments nil))
         (tagbody
            (return-from ,block (%%with-restarts (list ,@(reverse restarts)) (lambda () ,form)))
            ,@(reverse bodies))))))

(defmacro with-simple-restart ((name format-control &rest format-arguments) &body body)
  `(restart-case (progn ,@body)
     (,name ()
       :report (lambda (stream) (format stream ,format-control ,@format-arguments))
       (values nil t))))

(defun %invoke-if-active (name &rest arguments)
  (let ((r (find-restart name)))
    (when r (apply (function invoke-restart) r arguments))))

(defun abort (&optional condition)
  (declare (ignore condition))
  (%invoke-if-active 'abort)
  (error 'control-error))

(defun continue (&optional condition)
  (declare (ignore condition))
  (%invoke-if-active 'continue))

(defun muffle-warning (&optional condition)
  (declare (ignore condition))
  (%invoke-if-active 'muffle-warning)
  (error 'control-error))

(defun store-value (value &optional condition)
  (declare (ignore condition))
  (%invoke-if-active 'store-value value))

(defun use-value (value &optional condition)
  (declare (ignore condition))
  (%invoke-if-active 'use-value value))

(defun restart-report (restart) (%%restart-report restart))

(defun warn (datum &rest arguments)
  (let ((c (%coerce-condition datum arguments 'simple-warning)))
    (restart-case
        (progn
          (%%signal c)
          (format *error-output* "~&WARNING: ~a~%" c))
      (muffle-warning () nil))
    nil))

(defun cerror (continue-format datum &rest arguments)
  (with-simple-restart (continue "~?" continue-format arguments)
    (apply (function error) datum arguments))
  nil)

(defmacro assert (test &optional places datum &rest arguments)
  (declare (ignore places))
  `(unless ,test
     ,(if datum
          `(error ,datum ,@arguments)
          `(error 'simple-error :format-control "The assertion ~s failed." :format-arguments '(,test)))))

;; CHECK-TYPE, CCASE and CTYPECASE offer a STORE-VALUE restart: a value given to it is stored into
;; the place and the check runs again (CLHS 5.3, as SBCL does).
(defmacro check-type (place type &optional type-string)
  (let ((again (gensym "AGAIN")) (done (gensym "DONE")) (v (gensym "VALUE")))
    `(block ,done
       (tagbody
          ,again
          (when (typep ,place ',type) (return-from ,done nil))
          (restart-case
              (error 'simple-type-error
                     :datum ,place :expected-type ',type
                     :format-control "The value of ~s is ~s, which is not ~a."
                     :format-arguments (list ',place ,place ,(or type-string `(format nil "of type ~s" ',type))))
            (store-value (,v)
              :report (lambda (stream) (format stream "Supply a new value for ~s." ',place))
              (setf ,place ,v)))
          (go ,again)))))

(defmacro typecase (key &rest clauses)
  (let ((k (gensym "KEY")))
    `(let ((,k ,key))
       (cond ,@(mapcar-1 (lambda (c)
                           (if (member (car c) '(t otherwise))
                               `(t ,@(cdr c))
                               `((typep ,k ',(car c)) ,@(cdr c))))
                         clauses)))))

(defmacro etypecase (key &rest clauses)
  (let ((k (gensym "KEY")))
    `(let ((,k ,key))
       (typecase ,k ,@clauses
         (t (error 'type-error :datum ,k :expected-type '(or ,@(mapcar-1 (function car) clauses))))))))

(defun %correctable-case (operator keyplace clauses expected-type)
  ;; CCASE and CTYPECASE: OPERATOR (CASE or TYPECASE) over the value of KEYPLACE; no clause taken
  ;; is a TYPE-ERROR whose STORE-VALUE restart sets KEYPLACE and tries the clauses again.
  (let ((again (gensym "AGAIN")) (done (gensym "DONE")) (k (gensym "KEY")) (v (gensym "VALUE")))
    `(block ,done
       (tagbody
          ,again
          (let ((,k ,keyplace))
            (return-from ,done
              (,operator ,k ,@clauses
                (t (restart-case (error 'type-error :datum ,k :expected-type ',expected-type)
                     (store-value (,v)
                       :report (lambda (stream) (format stream "Supply a new value for ~s." ',keyplace))
                       (setf ,keyplace ,v)
                       (go ,again)))))))))))

(defmacro ctypecase (keyplace &rest clauses)
  (%correctable-case 'typecase keyplace clauses `(or ,@(mapcar-1 (function car) clauses))))

(defun %case-keys (clauses)
  ;; The keys of CASE clauses, for the expected type of ECASE's and CCASE's error.
  (apply (function append) (mapcar-1 (lambda (c) (if (listp (car c)) (car c) (list (car c)))) clauses)))

(defmacro ecase (key &rest clauses)
  (let ((k (gensym "KEY")))
    `(let ((,k ,key))
       (case ,k ,@clauses
         (t (error 'type-error :datum ,k :expected-type '(member ,@(%case-keys clauses))))))))

(defmacro ccase (keyplace &rest clauses)
  (%correctable-case 'case keyplace clauses `(member ,@(%case-keys clauses))))

(defun %load-toplevel (pending file)
  ;; One top-level form of a file being loaded, with the restarts SBCL's LOAD offers.
  (loop
    (restart-case (return (%%eval-pending-form pending))
      (retry ()
        :report (lambda (stream) (format stream "Retry EVAL of current toplevel form."))
        nil)
      (continue ()
        :report (lambda (stream) (format stream "Ignore error and continue loading file ~S." file))
        (return nil))
      (abort ()
        :report (lambda (stream) (format stream "Abort loading file ~S." file))
        (return (%%abort-load-marker))))))

(defun %expand-compiler-macro (function form environment)
  ;; A compiler macro that fails leaves the call as written (SBCL warns and does the same).
  (handler-case (funcall function form environment)
    (error () form)))

(defun %expand-macro (function form environment)
  ;; The expansion, or NIL and the error that expanding signalled (the analyzer makes the form
  ;; signal it when it runs, as SBCL's compiler does).
  (handler-case (values (funcall function form environment) nil)
    (error (condition) (values nil condition))))
