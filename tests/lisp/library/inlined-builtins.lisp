;;; Calls of small builtins run a copy of the builtin at the call site (InlinedBuiltin): the same
;;; results, the same errors, and TRACE still sees the calls.
(defun head (x) (car x))
(defun bump (n) (1+ n))
(defun wrap (a b) (mod a b))
(print (list (head '(1 2)) (bump 41) (wrap -7 3) (wrap (expt 2 70) 7)))
(print (handler-case (head 42) (type-error (e) (list :type-error (type-error-datum e)))))
(print (handler-case (eval '(car 1 2)) (program-error () :program-error)))
(print (handler-case (wrap 1 0) (division-by-zero () :division-by-zero)))
;; Warm the sites past the compilation thresholds, then check again.
(dotimes (i 100000) (head '(1)) (bump i) (wrap i 7))
(print (list (head '(3)) (bump 1) (wrap 10 4) (wrap (expt 2 70) 7)))
(print (handler-case (head 42) (type-error (e) (list :type-error (type-error-datum e)))))
(trace bump)
(bump 1)
(untrace bump)
(print :done)
