;;;; epsilon.foreign: the parts of the FFI written in Lisp (conditions, DEFSHARED, scoped memory,
;;;; converters, callbacks, structs, manifests). The SB-SYS / SB-ALIEN / CFFI shims are in shims.lisp.
;;;; Read in package EPSILON.SYSTEM.

(define-condition foreign-error (error)
  ((code :initarg :code :initform nil :reader foreign-error-code)
   (function :initarg :function :initform nil :reader foreign-error-function))
  (:report (lambda (c stream)
             (format stream "foreign call ~a failed~@[ with code ~a~]"
                     (foreign-error-function c) (foreign-error-code c)))))
(define-condition foreign-library-error (foreign-error) ())
(define-condition foreign-symbol-error (foreign-error) ())
(define-condition foreign-memory-error (foreign-error) ())
;; A context built without allowNativeAccess(true): no library, call, allocation, callback or raw address.
(define-condition native-access-denied (access-denied foreign-error) ())

(export '(foreign-error foreign-error-code foreign-error-function foreign-library-error
          foreign-symbol-error foreign-memory-error native-access-denied
          defshared defshared-with-errno with-foreign-memory with-pinned-array with-pooled-memory
          with-foreign-batch deref-int convert-to-foreign convert-from-foreign
          shared-call shared-call-fast lib-open lib-close lib-function *library-search-paths*
          foreign-alloc foreign-free mem-ref mem-aref make-pointer pointer-address null-pointer
          null-pointer-p inc-pointer pointer-eq foreign-type-size foreign-string-alloc
          foreign-string-to-lisp register-signature get-or-create-trampoline find-signature errno
          foreign-pointer foreign-pointer-p foreign-memory-leaks)
        :epsilon.foreign)

(define-setf-place mem-ref (pointer type &optional (offset 0)) v `(%%mem-set ,pointer ,type ,offset ,v))
(define-setf-place mem-aref (pointer type &optional (index 0)) v `(%%mem-aset ,pointer ,type ,index ,v))

(defun %parameter-parts (params)
  ;; ((name type) ...) -> (values names types)
  (values (mapcar (function car) params) (mapcar (function cadr) params)))

(defmacro defshared (name c-name library return-type &rest params)
  "Defines NAME as a Lisp function calling C-NAME in LIBRARY; compiled like an inline call. NAME may
be (NAME :LEAF T): a short function that never calls back into Lisp, called without the
thread-state transition (libc's abs, strlen, memcpy and the like are leaves without saying so)."
  (let ((options (if (consp name) (cdr name) nil))
        (name (if (consp name) (car name) name)))
    (multiple-value-bind (names types) (%parameter-parts params)
      `(progn
         (defun ,name ,names
           (shared-call '(,c-name ,library ,@options) ',return-type ',types ,@names))
         ;; Later calls to NAME compile to the foreign call itself, while NAME keeps this definition.
         (%%declare-foreign-inline ',name '(,c-name ,library ,@options) ',return-type ',types nil)))))

(defmacro defshared-with-errno (name c-name library return-type &rest params)
  "Like DEFSHARED; errno is captured right after the call, and a failure result (-1, or NULL for
pointers) signals FOREIGN-ERROR with the errno code and the function's name."
  (multiple-value-bind (names types) (%parameter-parts params)
    `(progn
       (defun ,name ,names
         (%shared-call-errno '(,c-name ,library) ',return-type ',types ,@names))
       (%%declare-foreign-inline ',name '(,c-name ,library) ',return-type ',types t))))

(defmacro with-foreign-memory (bindings &body body)
  "Each binding (var type &key count initial-element) is allocated, and freed when BODY exits."
  (if (null bindings)
      `(progn ,@body)
      (let ((b (car bindings)))
        `(let ((,(car b) (foreign-alloc ',(cadr b) ,@(cddr b))))
           (unwind-protect (with-foreign-memory ,(cdr bindings) ,@body)
             (foreign-free ,(car b)))))))

(defmacro with-pooled-memory (spec &body body)
  "(with-pooled-memory ((ptr :int :count 100)) ...) or (with-pooled-memory (ptr 256) ...): memory from
a size-class pool, returned to it when BODY exits."
  (cond ((null spec) `(progn ,@body))
        ((consp (car spec))
         (let* ((b (car spec)) (count (or (getf (cddr b) :count) 1)))
           `(let ((,(car b) (%%pool-acquire (* (foreign-type-size ',(cadr b)) ,count))))
              (unwind-protect (with-pooled-memory ,(cdr spec) ,@body)
                (%%pool-release ,(car b))))))
        (t `(let ((,(car spec) (%%pool-acquire ,(cadr spec))))
              (unwind-protect (progn ,@body)
                (%%pool-release ,(car spec)))))))

(defmacro with-pinned-array ((pointer array) &body body)
  "Binds POINTER to the address of ARRAY's elements (a specialized numeric array, whose elements
live in native memory): C reads and writes them in place, no copy."
  `(let ((,pointer (%%pin-array ,array)))
     ,@body))

(defmacro with-foreign-batch (&body body)
  "Groups related foreign calls. Each constant-signature call is already compiled to a direct
native call, so a batch is the calls in order."
  `(progn ,@body))

(defun deref-int (pointer &optional (index 0))
  (mem-aref pointer :int index))

(defgeneric convert-to-foreign (value type))
(defmethod convert-to-foreign ((value t) (type t)) value)
(defgeneric convert-from-foreign (value type))
(defmethod convert-from-foreign ((value t) (type t)) value)
;; A char* read as :string is the Lisp string, as in CFFI (NULL is NIL).
(defmethod convert-from-foreign ((value foreign-pointer) (type (eql :string)))
  (if (null-pointer-p value) nil (foreign-string-to-lisp value)))

(%%set-foreign-converters (function convert-to-foreign) (function convert-from-foreign))

;;; ------------------------------------------------------------ callbacks

(export '(make-callback free-callback defcallback callback with-callback) :epsilon.foreign)

(defvar *named-callbacks* (make-hash-table))

(defmacro defcallback (name return-type params &body body)
  "Defines a named C-callable function; (callback NAME) is its pointer."
  `(progn
     (let ((old (gethash ',name *named-callbacks*)))
       (when old (free-callback old)))
     (setf (gethash ',name *named-callbacks*)
           (make-callback (lambda ,(mapcar (function car) params) ,@body)
                          ,return-type ',(mapcar (function cadr) params)))
     ',name))

(defun %named-callback (name)
  (or (gethash name *named-callbacks*)
      (error 'foreign-error :function name :format-control "no callback named ~s" :format-arguments (list name))))

(defmacro callback (name)
  "The C function pointer of the DEFCALLBACK named NAME, which is not evaluated (as in CFFI);
(callback 'name) is accepted too."
  `(%named-callback ',(if (and (consp name) (eq (car name) 'quote)) (cadr name) name)))

(defmacro with-callback ((var function return-type arg-types) &body body)
  "Binds VAR to a C function pointer calling FUNCTION, freed when BODY exits."
  `(let ((,var (make-callback ,function ,return-type ,arg-types)))
     (unwind-protect (progn ,@body)
       (free-callback ,var))))

;;; ------------------------------------------------------------ structs and unions

(export '(define-c-struct define-c-union with-c-struct struct-ref struct-pointer struct-layout-size
          foreign-type-alignment c-struct-p c-struct-view make-c-struct free-c-struct)
        :epsilon.foreign)

(defmacro define-c-struct (name &rest members)
  "Defines a C struct NAME: members (field type) or (field type :count n); types are scalar
keywords, (:pointer type), (:struct name), (:union name), (:array type n)."
  `(progn (%%define-c-struct ',name nil ',members) ',name))

(defmacro define-c-union (name &rest members)
  `(progn (%%define-c-struct ',name t ',members) ',name))

(define-setf-place struct-ref (struct path) v `(%%struct-ref-set ,struct ,path ,v))

(defun c-struct-view (name pointer)
  "A struct view of NAME over any foreign pointer."
  (%%c-struct-view name pointer))

(defun make-c-struct (name)
  "A zeroed struct NAME in fresh foreign memory; FREE-C-STRUCT returns it."
  (%%allocate-c-struct name))

(defun free-c-struct (struct) (foreign-free (struct-pointer struct)))

(defmacro with-c-struct ((var name) &body body)
  "Binds VAR to a zeroed struct NAME, freed when BODY exits."
  `(let ((,var (make-c-struct ',name)))
     (unwind-protect (progn ,@body)
       (free-c-struct ,var))))

(export '(define-c-struct-auto) :epsilon.foreign)

(defmacro define-c-struct-auto (name declaration)
  "Defines the struct NAME from C declarations as a header writes them (typedefs, nested and
anonymous members, arrays, pointers, function pointers, bit-fields, comments)."
  `(progn (%%define-c-struct-auto ',name ,declaration) ',name))

;;; ------------------------------------------------------------ FFI manifests

(define-condition ffi-manifest-error (foreign-error) ())
(export '(ffi-manifest-error load-manifest include-ffi) :epsilon.foreign)
