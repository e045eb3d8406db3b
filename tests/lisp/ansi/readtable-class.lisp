;;; READTABLE is a built-in class (TYPE-OF, CLASS-OF, TYPEP, TYPECASE, methods specialized on it, as
;;; named-readtables defines); characters past the BMP are constituents with no reader macro.
(print (list (type-of *readtable*) (class-name (class-of *readtable*)) (typep *readtable* 'readtable)
             (readtablep (copy-readtable)) (typep 3 'readtable) (subtypep 'readtable t)))
(defgeneric describe-it (x))
(defmethod describe-it ((x readtable)) :a-readtable)
(defmethod describe-it ((x t)) :something-else)
(print (list (describe-it *readtable*) (describe-it 3)))
(print (typecase (copy-readtable nil) (hash-table :h) (readtable :rt) (t :other)))
(print (multiple-value-list (get-macro-character (code-char 65536))))
(print (get-dispatch-macro-character #\# (code-char 65536)))
(print (multiple-value-list (get-macro-character #\a)))
