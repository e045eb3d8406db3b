;;; (b) a script that computes (fib 30) once.
(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(print (fib 30))
