;;; Bad input that used to escape handlers, hang or kill the process is a catchable condition (issue 15).
(defmacro catching (form)
  `(handler-case ,form
     (storage-condition () 'storage-condition)
     (error (e) (list 'caught (type-of e)))))

;; A Java failure inside a function's nodes is signalled there, inside the HANDLER-CASE.
(print (catching (mem-ref (make-pointer -8) :int)))
;; Reader: #r without a radix, an absurd radix, a float too large for its format (as SBCL).
(print (catching (read-from-string "#r")))
(print (catching (read-from-string "#99999999999r1")))
(print (catching (read-from-string "1e999999")))
(print (catching (read-from-string "1d999999")))
;; Sizes that overflow are errors at once, not a hang or a wrapped size.
(print (catching (foreign-alloc :int :count (expt 2 62))))
(print (catching (foreign-alloc :int :count -1)))
(print (catching (with-pooled-memory ((p (expt 10 15))) p)))
;; C declarations: array sizes >= 2^31 or negative, bit-fields wider than their type.
(print (catching (define-c-struct-auto big "struct big { int a[3000000000]; };")))
(print (catching (define-c-struct-auto big2 "struct big2 { int a[65536][65536]; };")))
(print (catching (define-c-struct-auto neg "struct neg { int a[-1]; };")))
(print (catching (define-c-struct-auto bf "struct bf { char a : 12; };")))
(print (catching (define-c-struct-auto bf2 "struct bf2 { double a : 3; };")))
(define-c-struct-auto fine "struct fine { unsigned a : 3, b : 29; char c[0x10]; };")
(print (foreign-type-size 'fine))
;; A string read from memory Epsilon allocated stops at the block's end, NUL or not.
(let ((p (foreign-alloc :char :count 24)))
  (dotimes (i 24) (setf (mem-aref p :char i) 65))
  (print (length (foreign-string-to-lisp p)))
  (print (length (foreign-string-to-lisp p :count 5)))
  (foreign-free p))
;; NIL is not a string (as in CFFI): strlen(NULL) would crash in C.
(print (catching (shared-call '("strlen" "libc") :size '(:string) nil)))
;; Deep recursion: 50,000 frames work on the default stack (StackExhaustionTest: running out of
;; it is a STORAGE-CONDITION).
(defun deep (n) (if (= n 0) 0 (+ 1 (deep (- n 1)))))
(print (deep 50000))
;; Builtins check their arguments and name them, instead of failing inside Java (issue 14).
(dolist (thunk (list (lambda () (make-symbol 'foo)) (lambda () (write 1 42 1))
                     (lambda () (register-signature 3 :int nil)) (lambda () (slot-exists-p (make-condition 'error) 3))))
  (print (handler-case (funcall thunk) (type-error (e) (format nil "~a" e)))))
