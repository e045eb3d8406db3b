; RESTART-CASE, INVOKE-RESTART, FIND-RESTART, WITH-SIMPLE-RESTART, USE-VALUE, CERROR.
(defun parse-entry (x)
  (restart-case (if (numberp x) x (error "not a number: ~a" x))
    (use-value (v) v)
    (skip () :report "Skip this entry" nil)))
(format t "~a~%"
        (handler-bind ((error (lambda (c) (declare (ignore c)) (invoke-restart 'use-value 0))))
          (mapcar (function parse-entry) '(1 a 3))))
(format t "~a~%"
        (handler-bind ((error (lambda (c) (declare (ignore c)) (invoke-restart 'skip))))
          (mapcar (function parse-entry) '(1 b 3))))
(format t "~a~%"
        (handler-bind ((error (lambda (c) (use-value 99 c))))
          (parse-entry 'z)))
(format t "~a~%" (restart-case (invoke-restart 'my-restart 1 2) (my-restart (a b) (+ a b))))
(format t "~a~%" (multiple-value-list
                  (handler-bind ((error (lambda (c) (declare (ignore c)) (invoke-restart 'continue))))
                    (with-simple-restart (continue "Go on") (error "x") 'not-here))))
(format t "~a~%" (handler-bind ((error (lambda (c) (declare (ignore c)) (continue))))
                   (cerror "Use nil" "something failed")
                   'continued))
(format t "~a~%" (restart-case (restart-name (find-restart (quote outer))) (outer () 1)))
(format t "~a~%" (null (find-restart 'outer)))

