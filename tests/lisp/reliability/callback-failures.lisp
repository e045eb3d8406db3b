;;; A failure inside a callback is never lost: on the calling thread or on threads C starts, an error,
;;; a THROW or a stack overflow reaches the Lisp code around the foreign call, and once an exit is
;;; held the callback returns at once until the foreign call returns (issue 15).
(defvar *calls* 0)
(defun try (label thunk)
  (setq *calls* 0)
  (format t "~a: ~s~%" label
          (handler-case (funcall thunk)
            (serious-condition (e) (list 'caught (type-of e) (princ-to-string e))))))

;; On this thread: the body stops running after the exit (calls 0 1 2 3).
(try "throw on this thread"
     (lambda () (list (catch 'out
                        (with-callback (cb (lambda (x) (incf *calls*) (if (= x 3) (throw 'out :thrown) x)) :int '(:int))
                          (shared-call '("fx_sum_callback" "libepsilon-fixture") :int64 '(:pointer :int) cb 10)))
                      *calls*)))
(try "error on this thread"
     (lambda () (with-callback (cb (lambda (x) (incf *calls*) (if (= x 3) (error "boom ~a" x) x)) :int '(:int))
                  (shared-call '("fx_sum_callback" "libepsilon-fixture") :int64 '(:pointer :int) cb 10))))
(print *calls*)
(terpri)
;; On two threads C starts: the error and the THROW reach the thread that made the foreign call.
(try "error on C threads"
     (lambda () (with-callback (cb (lambda (x) (incf *calls*) (if (= x 3) (error "boom ~a" x) x)) :int '(:int))
                  (shared-call '("fx_call_in_threads" "libepsilon-fixture") :int64 '(:pointer :int :int) cb 2 1000))))
(print (< *calls* 2000))
(terpri)
(try "throw on C threads"
     (lambda () (catch 'out
                  (with-callback (cb (lambda (x) (if (= x 3) (throw 'out :thrown) x)) :int '(:int))
                    (shared-call '("fx_call_in_threads" "libepsilon-fixture") :int64 '(:pointer :int :int) cb 2 10)))))
;; The same through a constant call site (DEFSHARED).
(defshared call-in-threads "fx_call_in_threads" "libepsilon-fixture" :int64 (f :pointer) (threads :int) (calls :int))
(try "defshared, error on C threads"
     (lambda () (with-callback (cb (lambda (x) (if (= x 5) (error "five") x)) :int '(:int))
                  (call-in-threads cb 3 10))))
;; And through the computed SHARED-CALL path (a description made at run time).
(let ((spec (list "fx_call_in_threads" (concatenate 'string "libepsilon-" "fixture"))))
  (try "computed shared-call, error on C threads"
       (lambda () (with-callback (cb (lambda (x) (if (= x 2) (error "two") x)) :int '(:int))
                    (shared-call spec :int64 '(:pointer :int :int) cb 2 10)))))
;; (A stack overflow inside a callback: StackExhaustionTest.)
;; Afterwards callbacks work as before.
(with-callback (cb (lambda (x) (* 2 x)) :int '(:int))
  (print (shared-call '("fx_call_in_threads" "libepsilon-fixture") :int64 '(:pointer :int :int) cb 2 10)))

;; C calling a freed callback gets an error in Lisp, not the code of the callback made after it.
;; (The freed pointer object itself is refused; C keeps only the address.)
(let* ((a (make-callback (lambda (x) (* 10 x)) :int '(:int)))
       (address-c-kept (make-pointer (pointer-address a))))
  (free-callback a)
  (let ((b (make-callback (lambda (x) (* 100 x)) :int '(:int))))
    ;; (Addresses differ from run to run: the condition type and the gist of the report are shown.)
    (print (handler-case (shared-call '("fx_apply_callback" "libepsilon-fixture") :int '(:pointer :int) a 1)
             (error (e) (list (type-of e) (and (search "freed" (princ-to-string e)) t)))))
    (print (handler-case (shared-call '("fx_apply_callback" "libepsilon-fixture") :int '(:pointer :int) address-c-kept 1)
             (error (e) (list (type-of e) (and (search "C called a freed callback" (princ-to-string e)) t)))))
    (print (shared-call '("fx_apply_callback" "libepsilon-fixture") :int '(:pointer :int) b 1))
    (free-callback b)))

;; However many callbacks of other code are made and freed afterwards, the freed address never runs
;; their code: a freed stub is handed out again only over the same lambda and signature.
(defun tenfold (x) (* 10 x))
(let* ((a (make-callback #'tenfold :int '(:int)))
       (address-c-kept (make-pointer (pointer-address a)))
       (addresses (make-hash-table)))
  (free-callback a)
  (dotimes (i 3000)
    (let ((other (make-callback (lambda (x) (+ x 1)) :int '(:int))))
      (setf (gethash (pointer-address other) addresses) t)
      (free-callback other)))
  (print (list (gethash (pointer-address address-c-kept) addresses)
               (handler-case (shared-call '("fx_apply_callback" "libepsilon-fixture") :int '(:pointer :int) address-c-kept 1)
                 (error (e) (list (type-of e) (and (search "C called a freed callback" (princ-to-string e)) t))))))
  ;; Over the same function it is reused, and the address runs that same code.
  (let ((again (make-callback #'tenfold :int '(:int))))
    (print (list (= (pointer-address again) (pointer-address address-c-kept))
                 (shared-call '("fx_apply_callback" "libepsilon-fixture") :int '(:pointer :int) address-c-kept 7)))
    (free-callback again)))
