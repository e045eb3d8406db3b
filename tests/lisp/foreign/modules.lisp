;;; The FFI's modules as packages (EPSILON.FOREIGN.*): the usage examples of the architecture this
;;; FFI was designed from, as they are written there, then what each module adds.
(defun my-function (a b) (+ a b))
(defun c-function-expecting-callback (cb)
  (funcall (get-or-create-trampoline :int '(:int :int)) cb 20 22))

;; Basic FFI Call
(print (epsilon.foreign:shared-call '("strlen" "libc") :unsigned-long '(:string) "hello"))
;; With Optimization
;; Compiler macro optimizes this at compile time
(print (epsilon.foreign:shared-call '("strlen" "libc") :unsigned-long '(:string) "hello"))
;; Direct optimized function
(print (epsilon.foreign.optimize:%strlen-optimized "hello"))
;; Callbacks
(print (epsilon.foreign.callback:with-callback (cb #'my-function :int '(:int :int))
  (c-function-expecting-callback cb)))
;; Memory Pooling
(print (epsilon.foreign.memory-pool:with-pooled-memory (ptr 256)
  ;; Use ptr
  (foreign-pointer-p ptr)))

;; The modules name EPSILON.FOREIGN's own functions, not copies.
(print (list (eq 'epsilon.foreign.callback:make-callback 'epsilon.foreign:make-callback)
             (eq 'epsilon.foreign.struct:struct-ref 'epsilon.foreign:struct-ref)
             (eq 'epsilon.foreign.trampoline:get-or-create-trampoline 'epsilon.foreign:get-or-create-trampoline)
             (eq 'epsilon.foreign.batch:with-foreign-batch 'epsilon.foreign:with-foreign-batch)
             (eq 'epsilon.foreign.marshalling:convert-to-foreign 'epsilon.foreign:convert-to-foreign)))

;; The inline module: libc's hot functions as leaf calls.
(with-foreign-memory ((a :char :count 8) (b :char :count 8))
  (epsilon.foreign.inline:%memset a 66 7)
  (epsilon.foreign.inline:%memcpy b a 8)
  (print (list (foreign-string-to-lisp b) (epsilon.foreign.inline:%memcmp a b 8)
               (epsilon.foreign.inline:%strcmp "abc" "abc") (epsilon.foreign.inline:%abs -3)
               (plusp (epsilon.foreign.inline:%getpid)))))

;; Pool statistics: 256 bytes are the 256-byte class; the second block comes back from the pool.
(epsilon.foreign.memory-pool:with-pooled-memory (p 256) p)
(let ((row (find 256 (epsilon.foreign.memory-pool:pool-statistics) :key (lambda (r) (getf r :size-class)))))
  (print (list (getf row :acquired) (getf row :reused) (getf row :waiting))))
(epsilon.foreign.memory-pool:print-pool-statistics)

;; Compiled call sites off and on: the same results either way.
(defshared mod-labs "labs" "libc" :long (n :long))
(defun sum-labs (n) (let ((s 0)) (dotimes (i n) (incf s (mod-labs (- i)))) s))
(defun sum-strlen (n) (let ((s 0)) (dotimes (i n) (incf s (shared-call '("strlen" "libc") :size '(:string) "four"))) s))
(let ((on (list (sum-labs 1000) (sum-strlen 1000))))
  (epsilon.foreign.optimize:disable-call-site-optimization)
  (defun sum-labs-generic (n) (let ((s 0)) (dotimes (i n) (incf s (mod-labs (- i)))) s))
  (defun sum-strlen-generic (n) (let ((s 0)) (dotimes (i n) (incf s (shared-call '("strlen" "libc") :size '(:string) "four"))) s))
  (let ((off (list (epsilon.foreign.optimize:call-site-optimization-p) (sum-labs-generic 1000) (sum-strlen-generic 1000))))
    (epsilon.foreign.optimize:enable-call-site-optimization)
    (print (list on off (epsilon.foreign.optimize:call-site-optimization-p)))))
