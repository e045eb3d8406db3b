;;;; Shims for code written for other Lisps' FFIs, on EPSILON.FOREIGN: the SB-SYS, SB-ALIEN and
;;;; SB-EXT names the seed guide's examples use, and a small CFFI package for CFFI-style snippets
;;;; (the real CFFI replaces it when loaded). Read in package EPSILON.SYSTEM, after foreign.lisp.

(defpackage :sb-sys
  (:use :cl)
  (:export #:int-sap #:sap-int #:vector-sap #:with-pinned-objects #:system-area-pointer #:sap+))
(defpackage :sb-alien
  (:use :cl)
  (:export #:deref #:cast #:null-alien #:c-string-to-string #:int #:unsigned-int #:long #:unsigned-long
           #:short #:unsigned-short #:char #:unsigned-char #:double #:float #:c-string #:* #:define-alien-routine
           #:sap-alien #:alien-sap #:addr))
(defpackage :sb-ext
  (:use :cl)
  (:export #:exit #:*posix-argv* #:gc))

(%%define-class-alias 'sb-sys:system-area-pointer 'epsilon.foreign:foreign-pointer)

(defun sb-sys:int-sap (address) (make-pointer address))
(defun sb-sys:sap-int (sap) (pointer-address sap))
(defun sb-sys:sap+ (sap offset) (inc-pointer sap offset))
(defun sb-sys:vector-sap (array) (%%pin-array array))
(defmacro sb-sys:with-pinned-objects (objects &body body)
  (declare (ignore objects))
  ;; Specialized arrays live in native memory and never move: nothing to pin.
  `(progn ,@body))

(defun %alien-type-keyword (type)
  ;; sb-alien:int -> :int; (* sb-alien:int) -> (:pointer :int); sb-alien:c-string -> :string
  (cond ((and (consp type) (eq (car type) 'sb-alien:*)) (list :pointer (%alien-type-keyword (cadr type))))
        ((eq type 'sb-alien:c-string) :string)
        ((symbolp type) (intern (symbol-name type) :keyword))
        (t (error "unknown alien type ~s" type))))

(defstruct (typed-pointer (:constructor %make-typed-pointer (pointer type))) pointer type)

(defmacro sb-alien:cast (pointer type)
  `(%make-typed-pointer ,pointer ',(%alien-type-keyword type)))

(defun sb-alien:deref (alien &optional (index 0))
  (if (typed-pointer-p alien)
      (let ((type (typed-pointer-type alien)))
        (mem-aref (typed-pointer-pointer alien) (if (consp type) (cadr type) type) index))
      (mem-aref alien :pointer index)))

(define-setf-place sb-alien:deref (alien &optional (index 0)) v
  `(let ((a ,alien))
     (if (typed-pointer-p a)
         (setf (mem-aref (typed-pointer-pointer a) (cadr (typed-pointer-type a)) ,index) ,v)
         (setf (mem-aref a :pointer ,index) ,v))))

(defun sb-alien:null-alien (x)
  (null-pointer-p (if (typed-pointer-p x) (typed-pointer-pointer x) x)))

(defun sb-alien:c-string-to-string (pointer &rest ignore)
  (declare (ignore ignore))
  (foreign-string-to-lisp pointer))

(defmacro sb-alien:define-alien-routine (name return-type &rest params)
  (let ((lisp-name (if (stringp name) (intern (string-upcase (substitute #\- #\_ name))) (car name)))
        (c-name (if (stringp name) name (cadr name))))
    `(defshared ,lisp-name ,c-name "libc" ,(%alien-type-keyword return-type)
       ,@(mapcar (lambda (p) (list (car p) (%alien-type-keyword (cadr p)))) params))))

;; As SBCL sets it for a script: the program's name, then the script's arguments.
(defvar sb-ext:*posix-argv* (cons "epsilon" (argv)))

(defun sb-ext:gc (&key full gen)
  "Asks the JVM for a garbage collection (a hint: it may decline)."
  (declare (ignore full gen))
  (%%gc))

(defun sb-ext:exit (&key (code 0) abort)
  (declare (ignore abort))
  (exit code))

;;; A CFFI shim, so code migrating from CFFI (the guide's Migration Guide) runs without loading
;;; CFFI. Loading the real CFFI ((asdf:load-system :cffi)) deletes this package first; the
;;; internal symbol %EPSILON-SHIM is how it knows the package is this one.
(defpackage :cffi
  (:use :cl)
  (:intern #:%epsilon-shim)
  (:export #:defcfun #:foreign-funcall #:null-pointer #:null-pointer-p #:mem-ref #:mem-aref
           #:foreign-alloc #:foreign-free #:with-foreign-object #:foreign-string-to-lisp))

(defmacro cffi:defcfun (name return-type &rest params)
  (let ((c-name (if (consp name) (car name) name))
        (lisp-name (if (consp name) (cadr name) (intern (string-upcase (substitute #\- #\_ name))))))
    `(defshared ,lisp-name ,c-name "libc" ,return-type ,@params)))

(defmacro cffi:foreign-funcall (name &rest types-and-args)
  ;; (foreign-funcall "strlen" :string s :int): alternating types and arguments, then the return type.
  (let ((types nil) (args nil) (rest types-and-args))
    (loop (when (null (cdr rest)) (return))
          (push (pop rest) types)
          (push (pop rest) args))
    `(shared-call ',name ,(car rest) ',(reverse types) ,@(reverse args))))

(defmacro cffi:with-foreign-object ((var type &optional (count 1)) &body body)
  `(with-foreign-memory ((,var ,type :count ,count)) ,@body))

(defun cffi:null-pointer () (null-pointer))
(defun cffi:null-pointer-p (p) (null-pointer-p p))
(defun cffi:mem-ref (p type &optional (offset 0)) (mem-ref p type offset))
(defun cffi:mem-aref (p type &optional (index 0)) (mem-aref p type index))
(defun cffi:foreign-alloc (type &rest keys) (apply (function foreign-alloc) type keys))
(defun cffi:foreign-free (p) (foreign-free p))
(defun cffi:foreign-string-to-lisp (p &rest keys) (apply (function foreign-string-to-lisp) p keys))
