;;; (d) 20 rounds of 10^6 calls of C's abs through a DEFSHARED binding.
(defshared c-abs "abs" "libc" :int (x :int))
(defun sum-abs (n) (let ((s 0)) (dotimes (i n) (incf s (c-abs (- i)))) s))
(report-rounds 20 (lambda () (sum-abs 1000000)))
