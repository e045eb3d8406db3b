; DEFMACRO with backquote: unquote, splicing, optional parameters, nesting, macros defining functions.
(defmacro my-unless (test &body body)
  `(if ,test nil (progn ,@body)))
(format t "~a~%" (my-unless nil 1 2 3))

(defmacro inc! (place &optional (delta 1))
  `(setq ,place (+ ,place ,delta)))
(let ((n 5))
  (inc! n)
  (inc! n 10)
  (format t "~a~%" n))

(defmacro define-constant-function (name value)
  `(defun ,name () ,value))
(define-constant-function answer 42)
(format t "~a~%" (answer))

(defmacro with-whole (&whole form a)
  `(list ',form ,a))
(format t "~s~%" (with-whole (+ 1 2)))

(format t "~s~%" `(a ,@(list 1 2) b ,(+ 1 2) . tail))
(format t "~s~%" (let ((x 'y)) `(1 `(2 ,(3 ,x)))))
