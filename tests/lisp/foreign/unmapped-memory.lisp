;;; A raw pointer into memory that is not mapped (or not writable) is a FOREIGN-MEMORY-ERROR before
;;; Lisp touches it, inside the user address space too: the runtime asks the kernel about the page
;;; (issue 15). Addresses differ from run to run, so reports show them as 0x...
(load (merge-pathnames "addresses.lsp" *load-truename*))   ; SCRUB
(defun try (label thunk)
  (format t "~a: ~s~%" label
          (handler-case (funcall thunk)
            (error (e) (list (type-of e) (scrub (princ-to-string e)))))))

;; 16 TiB: inside the 47-bit user address space, and mapped by nothing.
(defvar *wild* (make-pointer #x100000000000))
(try "read" (lambda () (mem-ref *wild* :int)))
(try "write" (lambda () (setf (mem-ref *wild* :int) 1)))
(try "foreign-string-to-lisp" (lambda () (foreign-string-to-lisp *wild*)))
(try ":string result" (lambda () (shared-call '("fx_echo_ptr" "libepsilon-fixture") :string '(:pointer) *wild*)))
(try "a callback's :string argument"
     (lambda () (with-callback (cb (lambda (s) (length s) (null-pointer)) :pointer '(:string))
                  (shared-call '("fx_apply_pointer_callback" "libepsilon-fixture") :pointer '(:pointer :pointer)
                               cb *wild*))))

;; A string literal in the library's read-only data: reading works, writing is refused.
(defvar *literal* (shared-call '("fx_static_name" "libepsilon-fixture") :pointer '()))
(try "read a literal" (lambda () (code-char (mem-ref *literal* :char))))
(try "write a literal" (lambda () (setf (mem-ref *literal* :char) 65)))

;; A page C maps and unmaps: readable while mapped, an error afterwards, at the same call site.
(defun first-int (p) (mem-ref p :int))
(defvar *page* (shared-call '("mmap" "libc") :pointer '(:pointer :size :int :int :int :long)
                            (null-pointer) 4096 3 34 -1 0))   ; PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS
(try "mapped page" (lambda () (setf (mem-ref *page* :int) 42) (dotimes (i 1000) (first-int *page*)) (first-int *page*)))
(shared-call '("munmap" "libc") :int '(:pointer :size) *page* 4096)
(try "after munmap" (lambda () (first-int *page*)))
(try "a string there" (lambda () (foreign-string-to-lisp *page*)))

;; Memory from malloc is raw too: reads and writes go through, in a loop as well.
(defvar *heap* (shared-call '("malloc" "libc") :pointer '(:size) 64))
(defun sum-ints (p n) (let ((s 0)) (dotimes (i n s) (incf s (mem-ref p :int)))))
(try "malloc" (lambda () (setf (mem-ref *heap* :int) 7) (sum-ints *heap* 10000)))
(shared-call '("free" "libc") :void '(:pointer) *heap*)
(print :alive)
