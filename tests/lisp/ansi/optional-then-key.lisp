;;; A lambda list with &OPTIONAL before &KEY, called with fewer arguments than it has optionals: no
;;; keyword arguments, not an "odd number of &KEY arguments" (named-readtables' MAKE-READTABLE).
(defun f (&optional (name nil name-p) &key merge) (list name name-p merge))
(print (list (f) (f 'a) (f 'a :merge 1)))
(defun g (&optional name &key merge) (list name merge))
(print (list (g) (g 'a) (g 'a :merge 2)))
(defun h (x &optional (y 2 y-p) &key (z 3) &allow-other-keys) (list x y y-p z))
(print (list (h 1) (h 1 5) (h 1 5 :z 9 :w 0)))
