;;; (d) 20 rounds of C's qsort on 10^5 ints with a Lisp comparator (CFFI).
(cffi:defcallback compare-ints :int ((a :pointer) (b :pointer))
  (let ((x (cffi:mem-ref a :int)) (y (cffi:mem-ref b :int))) (cond ((< x y) -1) ((> x y) 1) (t 0))))
(defun sort-round (p n)
  (dotimes (i n) (setf (cffi:mem-aref p :int i) (mod (* i 7919) n)))
  (cffi:foreign-funcall "qsort" :pointer p :size n :size 4 :pointer (cffi:callback compare-ints) :void))
(let ((p (cffi:foreign-alloc :int :count 100000)))
  (report-rounds 20 (lambda () (sort-round p 100000))))
