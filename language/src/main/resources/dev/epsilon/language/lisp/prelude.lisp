;;;; The core macros of Epsilon, written in Lisp. Read in package EPSILON.SYSTEM.

(defmacro defun (name lambda-list &body body)
  `(progn
     (%set-fdefinition ',name (function (named-lambda ,name ,lambda-list (block ,name ,@body))))
     ',name))

(defmacro when (test &body body)
  `(if ,test (progn ,@body) nil))

(defmacro unless (test &body body)
  `(if ,test nil (progn ,@body)))

(defmacro return (&optional value)
  `(return-from nil ,value))
