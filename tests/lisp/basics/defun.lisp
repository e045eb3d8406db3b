; Global functions: recursion, redefinition, optional, rest and keyword parameters.
(defun fib (n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))
(format t "fib 25 = ~a~%" (fib 25))

(defun greet () "first")
(defun caller () (greet))
(format t "~a~%" (caller))
(defun greet () "second")
(format t "~a~%" (caller))

(defun opt (a &optional (b 10) (c (+ a b) c-p))
  (list a b c c-p))
(format t "~a~%" (opt 1))
(format t "~a~%" (opt 1 2))
(format t "~a~%" (opt 1 2 3))

(defun rest-args (a &rest more) (list a more))
(format t "~a~%" (rest-args 1 2 3))

(defun keys (&key (x 1) (y (* x 2)) ((:zed z) 'none z-p))
  (list x y z z-p))
(format t "~a~%" (keys))
(format t "~a~%" (keys :y 5 :x 7))
(format t "~a~%" (keys :zed 3))

(defun early (n)
  (when (> n 5) (return-from early 'big))
  'small)
(format t "~a ~a~%" (early 1) (early 9))
