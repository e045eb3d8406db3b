; Closures capture variables, share assignments, and keep per-binding state.
(defun make-counter ()
  (let ((count 0))
    (lambda () (setq count (+ count 1)) count)))
(let ((a (make-counter))
      (b (make-counter)))
  (funcall a)
  (funcall a)
  (format t "a=~a b=~a~%" (funcall a) (funcall b)))

(defun adder (n) (lambda (x) (+ x n)))
(format t "~a~%" (funcall (adder 10) 5))

(let ((x 1))
  (let ((get (lambda () x))
        (set (lambda (v) (setq x v))))
    (funcall set 42)
    (format t "~a ~a~%" (funcall get) x)))

; Three levels: the innermost closure reaches the outermost variable.
(defun nest (a)
  (lambda (b)
    (lambda (c) (list a b c))))
(format t "~a~%" (funcall (funcall (nest 1) 2) 3))

(flet ((double (x) (* 2 x)))
  (format t "~a~%" (double 21)))
(labels ((down (n) (if (= n 0) 'done (down (- n 1)))))
  (format t "~a~%" (down 1000)))
(format t "~a~%" ((lambda (x y) (+ x y)) 3 4))
