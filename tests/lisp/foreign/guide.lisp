;;; The examples of epsilon-ffi-guide.md (Basic Usage, Memory Management, Error Handling, Type
;;; Marshalling, Advanced Features, Migration Guide), as written. The guide leaves some functions to
;;; the reader (use-foreign-memory, call-1 ...); they are defined first, as a program would.
(defvar *log* nil)
(defun use-foreign-memory (ptr) (setf (mem-aref ptr :int 9) 90) (push (mem-aref ptr :int 9) *log*))
(defun use-temporary-memory (ptr) (setf (mem-aref ptr :int 99) 7) (push (mem-aref ptr :int 99) *log*))
(defun call-1 (&rest args) (push (list 'call-1 args) *log*))
(defun call-2 (&rest args) (push (list 'call-2 args) *log*))
(defun call-3 (&rest args) (push (list 'call-3 args) *log*))

;; Basic Usage: Function Calls
(print (shared-call '("strlen" "libc") :unsigned-long '(:string) "hello"))
(defshared my-strlen "strlen" "libc" :unsigned-long (s :string))
(print (my-strlen "world"))

;; Library Management
(let ((handle (lib-open "libssl")))
  (print (not (null handle)))
  (print (lib-close handle)))
(let ((saved *library-search-paths*))
  (setf *library-search-paths* '("/usr/lib" "/opt/lib"))
  (print *library-search-paths*)
  (setf *library-search-paths* saved))

;; Memory Management: Basic Allocation
(let ((ptr (foreign-alloc :int :count 10)))
  (unwind-protect
      (use-foreign-memory ptr)
    (foreign-free ptr)))
(with-foreign-memory ((ptr :int :count 10))
  (use-foreign-memory ptr))
(print *log*)

;; Array Handling (process_bytes is the guide's own function; the fixture library provides one)
(let ((array (make-array 1000 :element-type '(unsigned-byte 8))))
  (with-pinned-array (ptr array)
    (shared-call '("fx_fill_bytes" "libepsilon-fixture") :void
                 '(:pointer :unsigned-long) ptr 1000))
  (print (list (aref array 1) (aref array 127) (aref array 999))))

;; Error Handling: Foreign Errors, Automatic Checking
(define-condition foreign-error (error)
  ((code :initarg :code :reader foreign-error-code)
   (function :initarg :function :reader foreign-error-function)))
(defshared-with-errno c-open "open" "libc" :int
  (path :string) (flags :int) (mode :int))
(print (handler-case (c-open "/no/such/file" 0 0)
         (foreign-error (e) (list (foreign-error-code e) (foreign-error-function e)))))

;; Type Marshalling: Automatic Conversion
(print (foreign-string-to-lisp (shared-call '("getenv" "libc") :pointer '(:string) "EPSILON_GUIDE_UNSET_VARIABLE_NAME")))
(print (stringp (foreign-string-to-lisp (shared-call '("getenv" "libc") :pointer '(:string) "PATH"))))
(let ((byte-array (make-array 3 :element-type '(unsigned-byte 8) :initial-contents '(111 107 10)))
      (fd (shared-call '("open" "libc") :int '(:string :int) "/dev/null" 1)))
  (with-pinned-array (ptr byte-array)
    (print (shared-call '("write" "libc") :long
                        '(:int :pointer :unsigned-long) fd ptr (length byte-array))))
  (shared-call '("close" "libc") :int '(:int) fd))

;; Custom Converters
(defmethod convert-to-foreign ((value pathname) (type (eql :string)))
  (namestring value))
(defmethod convert-from-foreign ((value sb-sys:system-area-pointer)
                                 (type (eql :string)))
  (unless (sb-alien:null-alien value)
    (sb-alien:c-string-to-string value)))
(print (shared-call '("strlen" "libc") :unsigned-long '(:string) #p"/tmp/a.txt"))
(print (convert-from-foreign (foreign-string-alloc "from C") :string))
(print (convert-from-foreign (null-pointer) :string))

;; Advanced Features: Signature Registry
(register-signature 'strlen :unsigned-long '(:string))
(print (find-signature 'strlen))
(print (eq (get-or-create-trampoline :unsigned-long '(:string))
           (get-or-create-trampoline :unsigned-long '(:string))))
(print (funcall (get-or-create-trampoline :unsigned-long '(:string)) (lib-function "libc" "strlen") "trampoline"))

;; Memory Pools
(with-pooled-memory ((ptr :int :count 100))
  (use-temporary-memory ptr))
(print (car *log*))

;; Batch Operations
(with-foreign-batch
  (call-1 1)
  (call-2 2)
  (call-3 3))
(print (subseq *log* 0 3))

;; Callbacks: the qsort example, through a pointer read back with SBCL's alien shims
(let ((p (foreign-alloc :int :count 2 :initial-contents '(5 9))))
  (print (list (sb-alien:deref (sb-alien:cast p (* sb-alien:int)) 0)
               (sb-alien:deref (sb-alien:cast (sb-sys:sap+ p 4) (* sb-alien:int)) 0)))
  (foreign-free p))

;; Migration Guide
(sb-alien:define-alien-routine "strlen" sb-alien:int
  (str sb-alien:c-string))
(print (strlen "sb-alien"))
(defshared strlen "strlen" "libc" :unsigned-long (str :string))
(print (strlen "epsilon"))
(cffi:defcfun "strlen" :int (str :string))
(print (strlen "cffi!"))
(terpri)
