;;; (c) 20 rounds of (fib 27) in one process.
(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(report-rounds 20 (lambda () (fib 27)))
