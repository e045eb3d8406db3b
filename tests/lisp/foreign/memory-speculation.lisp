;; An access site that keeps seeing one allocation speculates on it (its extent a constant, its
;; liveness an assumption). The checks must hold once the site is hot and compiled: freeing the
;; block, an index past its end, and a second block at the same site.
(defun sum-ints (p n)
  (let ((s 0))
    (dotimes (i n) (setq s (+ s (mem-aref p :int i))))
    s))

(defun outcome (thunk)
  (handler-case (funcall thunk)
    (foreign-memory-error (e) (if (search "freed" (princ-to-string e)) 'use-after-free 'out-of-bounds))))

(let ((a (foreign-alloc :int :count 100 :initial-element 2)))
  (dotimes (k 3000) (sum-ints a 100))
  (format t "hot sum ~a~%" (sum-ints a 100))
  (format t "past the end ~a~%" (outcome (lambda () (sum-ints a 101))))
  (foreign-free a)
  (format t "after free ~a~%" (outcome (lambda () (sum-ints a 100)))))

(let ((b (foreign-alloc :int :count 10 :initial-element 5))
      (c (foreign-alloc :int :count 10 :initial-element 7)))
  (dotimes (k 3000) (sum-ints b 10))
  (format t "second block ~a~%" (sum-ints c 10))
  (dotimes (k 3000) (sum-ints b 10) (sum-ints c 10))
  (foreign-free c)
  (format t "first block still ~a~%" (sum-ints b 10))
  (format t "freed second ~a~%" (outcome (lambda () (sum-ints c 10))))
  (foreign-free b))
