(defun outer () (inner-that-is-missing 1))
(outer)
