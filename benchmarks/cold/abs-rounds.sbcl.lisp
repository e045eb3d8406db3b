;;; (d) 20 rounds of 10^6 calls of C's abs through a CFFI DEFCFUN binding.
(cffi:defcfun ("abs" c-abs) :int (x :int))
(defun sum-abs (n) (let ((s 0)) (dotimes (i n) (incf s (c-abs (- i)))) s))
(report-rounds 20 (lambda () (sum-abs 1000000)))
