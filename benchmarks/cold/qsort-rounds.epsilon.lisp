;;; (d) 20 rounds of C's qsort on 10^5 ints with a Lisp comparator.
(defcallback compare-ints :int ((a :pointer) (b :pointer))
  (let ((x (mem-ref a :int)) (y (mem-ref b :int))) (cond ((< x y) -1) ((> x y) 1) (t 0))))
(defun sort-round (p n)
  (dotimes (i n) (setf (mem-aref p :int i) (mod (* i 7919) n)))
  (shared-call '("qsort" "libc") :void '(:pointer :size :size :pointer) p n 4 (callback compare-ints)))
(let ((p (foreign-alloc :int :count 100000)))
  (report-rounds 20 (lambda () (sort-round p 100000))))
