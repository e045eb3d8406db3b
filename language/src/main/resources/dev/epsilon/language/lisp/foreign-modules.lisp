;;;; The FFI's modules as packages: each names one part of the same machinery that EPSILON.FOREIGN
;;;; offers whole (the symbols are EPSILON.FOREIGN's own, not copies), and adds what is particular
;;;; to it: the inline libc functions, pool statistics, the switch for compiled call sites.
;;;; Read in package EPSILON.SYSTEM.

(defpackage "EPSILON.FOREIGN.TRAMPOLINE"
  (:use)
  (:documentation "One calling function per signature, made once and cached: calls through function pointers.")
  (:import-from "EPSILON.FOREIGN" "GET-OR-CREATE-TRAMPOLINE" "REGISTER-SIGNATURE" "FIND-SIGNATURE" "LIB-FUNCTION")
  (:export "GET-OR-CREATE-TRAMPOLINE" "REGISTER-SIGNATURE" "FIND-SIGNATURE" "LIB-FUNCTION"))

(defpackage "EPSILON.FOREIGN.MARSHALLING"
  (:use)
  (:documentation "How Lisp values become C values and back: the conversion generic functions, strings.")
  (:import-from "EPSILON.FOREIGN" "CONVERT-TO-FOREIGN" "CONVERT-FROM-FOREIGN" "FOREIGN-STRING-ALLOC"
                "FOREIGN-STRING-TO-LISP" "FOREIGN-TYPE-SIZE" "FOREIGN-TYPE-ALIGNMENT" "FOREIGN-ERROR")
  (:export "CONVERT-TO-FOREIGN" "CONVERT-FROM-FOREIGN" "FOREIGN-STRING-ALLOC" "FOREIGN-STRING-TO-LISP"
           "FOREIGN-TYPE-SIZE" "FOREIGN-TYPE-ALIGNMENT" "FOREIGN-ERROR"))

(defpackage "EPSILON.FOREIGN.STRUCT"
  (:use)
  (:documentation "C structs and unions: layouts, views over foreign memory, field access.")
  (:import-from "EPSILON.FOREIGN" "DEFINE-C-STRUCT" "DEFINE-C-UNION" "DEFINE-C-STRUCT-AUTO" "WITH-C-STRUCT"
                "MAKE-C-STRUCT" "FREE-C-STRUCT" "C-STRUCT-VIEW" "C-STRUCT-P" "STRUCT-REF" "STRUCT-POINTER"
                "STRUCT-LAYOUT-SIZE")
  (:export "DEFINE-C-STRUCT" "DEFINE-C-UNION" "DEFINE-C-STRUCT-AUTO" "WITH-C-STRUCT" "MAKE-C-STRUCT"
           "FREE-C-STRUCT" "C-STRUCT-VIEW" "C-STRUCT-P" "STRUCT-REF" "STRUCT-POINTER" "STRUCT-LAYOUT-SIZE"))

(defpackage "EPSILON.FOREIGN.CALLBACK"
  (:use)
  (:documentation "Lisp functions as C function pointers, callable from any thread.")
  (:import-from "EPSILON.FOREIGN" "MAKE-CALLBACK" "FREE-CALLBACK" "WITH-CALLBACK" "DEFCALLBACK" "CALLBACK")
  (:export "MAKE-CALLBACK" "FREE-CALLBACK" "WITH-CALLBACK" "DEFCALLBACK" "CALLBACK"))

(defpackage "EPSILON.FOREIGN.BATCH"
  (:use)
  (:documentation "Groups of foreign calls.")
  (:import-from "EPSILON.FOREIGN" "WITH-FOREIGN-BATCH")
  (:export "WITH-FOREIGN-BATCH"))

(defpackage "EPSILON.FOREIGN.MEMORY-POOL"
  (:use "COMMON-LISP")
  (:documentation "Foreign memory from pools of power-of-two size classes, with statistics.")
  (:import-from "EPSILON.FOREIGN" "WITH-POOLED-MEMORY")
  (:export "WITH-POOLED-MEMORY" "POOL-STATISTICS" "PRINT-POOL-STATISTICS"))

(defun epsilon.foreign.memory-pool:pool-statistics ()
  "The pools by size class, smallest first: plists of :size-class, :acquired (blocks handed out),
:reused (of those, taken back from the pool instead of allocated) and :waiting (free in the pool now)."
  (mapcar (lambda (row)
            (destructuring-bind (size-class acquired reused waiting) row
              (list :size-class size-class :acquired acquired :reused reused :waiting waiting)))
          (%%pool-statistics)))

(defun epsilon.foreign.memory-pool:print-pool-statistics (&optional (stream *standard-output*))
  "Prints POOL-STATISTICS as a table."
  (format stream "~&~10@a ~10@a ~10@a ~10@a~%" "size class" "acquired" "reused" "waiting")
  (dolist (row (epsilon.foreign.memory-pool:pool-statistics))
    (format stream "~10d ~10d ~10d ~10d~%" (getf row :size-class) (getf row :acquired) (getf row :reused)
            (getf row :waiting)))
  (values))

(defpackage "EPSILON.FOREIGN.INLINE"
  (:use "COMMON-LISP")
  (:documentation "libc's hot functions as leaf calls: compiled to critical downcalls, nothing in between.")
  (:export "%STRLEN" "%STRCMP" "%MEMCPY" "%MEMMOVE" "%MEMSET" "%MEMCMP" "%GETPID" "%ABS" "%LABS"))

(in-package "EPSILON.FOREIGN.INLINE")
(epsilon.foreign:defshared (%strlen :leaf t) "strlen" "libc" :size (s :string))
(epsilon.foreign:defshared (%strcmp :leaf t) "strcmp" "libc" :int (a :string) (b :string))
(epsilon.foreign:defshared (%memcpy :leaf t) "memcpy" "libc" :pointer (to :pointer) (from :pointer) (n :size))
(epsilon.foreign:defshared (%memmove :leaf t) "memmove" "libc" :pointer (to :pointer) (from :pointer) (n :size))
(epsilon.foreign:defshared (%memset :leaf t) "memset" "libc" :pointer (p :pointer) (byte :int) (n :size))
(epsilon.foreign:defshared (%memcmp :leaf t) "memcmp" "libc" :int (a :pointer) (b :pointer) (n :size))
(epsilon.foreign:defshared (%getpid :leaf t) "getpid" "libc" :int)
(epsilon.foreign:defshared (%abs :leaf t) "abs" "libc" :int (n :int))
(epsilon.foreign:defshared (%labs :leaf t) "labs" "libc" :long (n :long))
(in-package "EPSILON.SYSTEM")

(defpackage "EPSILON.FOREIGN.OPTIMIZE"
  (:use "COMMON-LISP")
  (:documentation "The compiled call sites: constant SHARED-CALLs and DEFSHARED calls become direct native
calls. They can be turned off (every call then goes through the generic path) and on again, for
code analyzed afterwards; results are the same either way.")
  (:export "%STRLEN-OPTIMIZED" "CALL-SITE-OPTIMIZATION-P" "ENABLE-CALL-SITE-OPTIMIZATION"
           "DISABLE-CALL-SITE-OPTIMIZATION"))

(defun epsilon.foreign.optimize:%strlen-optimized (string)
  "strlen as a leaf call from a compiled call site."
  (epsilon.foreign.inline:%strlen string))

(defun epsilon.foreign.optimize:call-site-optimization-p () (%%call-site-optimization-p))
(defun epsilon.foreign.optimize:enable-call-site-optimization () (%%set-call-site-optimization t))
(defun epsilon.foreign.optimize:disable-call-site-optimization () (%%set-call-site-optimization nil))
