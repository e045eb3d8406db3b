;;; SUBTYPEP and TYPEP on compound types (SBCL made types.out).
(dolist (pair '((list (or null cons)) ((or null cons) list) (null (and symbol list))
                ((and symbol list) null) (fixnum integer) (integer fixnum) ((integer 0 10) (integer 0 *))
                ((integer 0 10) (integer 1 10)) ((member 1 2) fixnum) ((eql a) symbol)
                (single-float float) (float single-float) (string vector) (cons list) (symbol number)))
  (print (list pair (multiple-value-list (subtypep (first pair) (second pair))))))
(print (mapcar (lambda (x) (typep x '(real 0 (1)))) '(0 1/2 1 1.0 -1)))
(print (mapcar (lambda (x) (typep x 'sequence)) (list '(1) #(1) "a" #2A((1)) 1)))
(print (list (typep 1.5 'short-float) (typep 1.5d0 'long-float) (typep #C(1 2) 'complex) (typep #C(1 2) 'number)))
