;;;; CFFI-SYS for Epsilon: the backend contract CFFI's front end is written against (as
;;;; cffi-sbcl.lisp is SBCL's), implemented on EPSILON.FOREIGN. Loaded by the CFFI system that
;;;; Epsilon's ASDF defines, before CFFI's own src/package.lisp ... src/features.lisp, unchanged.
;;;;
;;;; Foreign calls with a constant signature expand to SHARED-CALL with a constant description, so
;;;; DEFCFUN and FOREIGN-FUNCALL compile to the same call site as DEFSHARED.

;; The prelude's small CFFI shim gives way to the real front end, whose package of the same name
;; would otherwise inherit the shim's symbols (CFFI-SYS:NULL-POINTER shadowed by the shim's own).
(let ((shim (find-package '#:cffi)))
  (when (and shim (find-symbol "%EPSILON-SHIM" shim))
    (delete-package shim)))

(defpackage #:cffi-sys
  (:use #:common-lisp)
  (:export
   #:canonicalize-symbol-name-case
   #:foreign-pointer
   #:pointerp
   #:pointer-eq
   #:null-pointer
   #:null-pointer-p
   #:inc-pointer
   #:make-pointer
   #:pointer-address
   #:%foreign-alloc
   #:foreign-free
   #:with-foreign-pointer
   #:%foreign-funcall
   #:%foreign-funcall-pointer
   #:%foreign-funcall-varargs
   #:%foreign-funcall-pointer-varargs
   #:%foreign-type-alignment
   #:%foreign-type-size
   #:%load-foreign-library
   #:%close-foreign-library
   #:native-namestring
   #:%mem-ref
   #:%mem-set
   #:make-shareable-byte-vector
   #:with-pointer-to-vector-data
   #:%foreign-symbol-pointer
   #:%defcallback
   #:%callback))

(in-package #:cffi-sys)

;;; Symbols resolve across every library loaded so far, as on SBCL: one namespace.
(pushnew 'flat-namespace *features*)

(defun canonicalize-symbol-name-case (name)
  (string-upcase name))

;;; Pointers

(deftype foreign-pointer () 'epsilon.foreign:foreign-pointer)

(defun pointerp (ptr) (epsilon.foreign:foreign-pointer-p ptr))
(defun pointer-eq (ptr1 ptr2) (epsilon.foreign:pointer-eq ptr1 ptr2))
(defun null-pointer () (epsilon.foreign:null-pointer))
(defun null-pointer-p (ptr) (epsilon.foreign:null-pointer-p ptr))
(defun inc-pointer (ptr offset) (epsilon.foreign:inc-pointer ptr offset))
(defun make-pointer (address) (epsilon.foreign:make-pointer address))
(defun pointer-address (ptr) (epsilon.foreign:pointer-address ptr))

;;; Allocation: checked blocks, so a stray offset is a condition rather than a corrupted heap.

(defun %foreign-alloc (size)
  (epsilon.foreign:foreign-alloc :unsigned-char :count (max size 1)))

(defun foreign-free (ptr) (epsilon.foreign:foreign-free ptr))

(defmacro with-foreign-pointer ((var size &optional size-var) &body body)
  (let ((size-var (or size-var (gensym "SIZE"))))
    `(let* ((,size-var ,size)
            (,var (%foreign-alloc ,size-var)))
       (declare (ignorable ,size-var))
       (unwind-protect (progn ,@body)
         (foreign-free ,var)))))

;;; Shareable vectors: specialized numeric arrays live in native memory and never move.

(defun make-shareable-byte-vector (size)
  (make-array size :element-type '(unsigned-byte 8)))

(defmacro with-pointer-to-vector-data ((ptr-var vector) &body body)
  `(let ((,ptr-var (epsilon.system::%%pin-array ,vector)))
     ,@body))

;;; Memory access: with a constant type, MEM-REF compiles to a typed access node.

(defun %mem-ref (ptr type &optional (offset 0))
  (epsilon.foreign:mem-ref ptr type offset))

(defun %mem-set (value ptr type &optional (offset 0))
  (epsilon.system::%%mem-set ptr type offset value))

(define-compiler-macro %mem-ref (&whole form ptr type &optional (offset 0))
  (if (keywordp type)
      `(epsilon.foreign:mem-ref ,ptr ,type ,offset)
      form))

(define-compiler-macro %mem-set (&whole form value ptr type &optional (offset 0))
  (if (keywordp type)
      (let ((v (gensym "VALUE")))
        `(let ((,v ,value))
           (epsilon.system::%%mem-set ,ptr ,type ,offset ,v)
           ,v))
      form))

(defun %foreign-type-size (type-keyword)
  (epsilon.foreign:foreign-type-size type-keyword))

(defun %foreign-type-alignment (type-keyword)
  (epsilon.foreign:foreign-type-alignment type-keyword))

;;; Foreign calls. ARGS alternate types and argument forms and end with the return type.

(defun %split-call-arguments (args)
  (let ((types nil) (forms nil))
    (loop while (cdr args)
          do (push (pop args) types)
             (push (pop args) forms))
    (values (nreverse types) (nreverse forms) (or (car args) :void))))

(defun %call-form (target return-type types forms)
  ;; A :void function returns no value, as on other backends.
  (let ((call `(epsilon.foreign:shared-call ,target ,return-type ',types ,@forms)))
    (if (eq return-type :void) `(progn ,call (values)) call)))

(defmacro %foreign-funcall (name args &key library convention)
  (declare (ignore library convention))
  (multiple-value-bind (types forms return-type) (%split-call-arguments args)
    (%call-form `'(,name :default) return-type types forms)))

(defmacro %foreign-funcall-pointer (pointer args &key convention)
  (declare (ignore convention))
  (multiple-value-bind (types forms return-type) (%split-call-arguments args)
    (%call-form pointer return-type types forms)))

;;; Variadic calls: the fixed part and the promoted variadic part, as C's ABI needs them apart.
(defmacro %foreign-funcall-varargs (name fixed-args varargs &key library convention)
  (declare (ignore library convention))
  (multiple-value-bind (fixed-types fixed-forms) (%split-call-arguments (append fixed-args '(:void)))
    (multiple-value-bind (var-types var-forms return-type) (%split-call-arguments varargs)
      (%call-form `'(,name :default) return-type `(,@fixed-types &rest ,@var-types)
                  (append fixed-forms var-forms)))))

(defmacro %foreign-funcall-pointer-varargs (pointer fixed-args varargs &key convention)
  (declare (ignore convention))
  (multiple-value-bind (fixed-types fixed-forms) (%split-call-arguments (append fixed-args '(:void)))
    (multiple-value-bind (var-types var-forms return-type) (%split-call-arguments varargs)
      (%call-form pointer return-type `(,@fixed-types &rest ,@var-types) (append fixed-forms var-forms)))))

;;; Callbacks: each name keeps one C entry point; a redefinition frees the old one.

(defvar *callbacks* (make-hash-table))

(defmacro %defcallback (name rettype arg-names arg-types body &key convention)
  (declare (ignore convention))
  `(let ((old (gethash ',name *callbacks*)))
     (setf (gethash ',name *callbacks*)
           (epsilon.foreign:make-callback (lambda ,arg-names ,body) ,rettype ',arg-types))
     (when old (epsilon.foreign:free-callback old))
     ',name))

(defun %callback (name)
  (or (gethash name *callbacks*)
      (error "Undefined callback: ~S" name)))

;;; Libraries: PATH is what CFFI's front end resolved, a file or a name for the dynamic linker.
;;; A failure is a SIMPLE-ERROR: the front end then searches its own directories and reports.

(defun %load-foreign-library (name path)
  (declare (ignore name))
  (handler-case (epsilon.system::%%load-flat-library path)
    (epsilon.foreign:foreign-error (e) (error "~A" e))))

(defun %close-foreign-library (handle)
  (epsilon.system::%%close-flat-library handle))

(defun native-namestring (pathname)
  (namestring pathname))

(defun %foreign-symbol-pointer (name library)
  (declare (ignore library))
  (epsilon.system::%%flat-symbol-address name))
