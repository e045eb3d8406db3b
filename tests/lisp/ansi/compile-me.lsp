(defmacro twice (x) `(* 2 ,x))
(defun use-twice (y) (twice y))
(eval-when (:compile-toplevel) (defparameter *seen-at-compile-time* t))
