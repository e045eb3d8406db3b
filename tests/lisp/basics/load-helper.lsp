; Loaded by load.lisp (not a golden file itself: it does not end in .lisp).
(defun helper-function (x) (list 'helped x))
(defvar *loaded-from* (pathname-name *load-truename*))
