;;; Complex numbers (SBCL made complex.out).
(print (list #C(1 2) #C(1.0 2) #C(3 0) (+ #C(1 2) #C(0 -2)) (* #C(0 1) #C(0 1)) (/ #C(1 1) 2) (abs #C(3 4))))
(print (list (complexp #C(0.0 2.0)) (realpart #C(3 4)) (imagpart 5) (= #C(1 2) #C(1 2)) (eql #C(1.0 0.0) #C(1.0 0.0))
             (complex 1 0) (complex 1.0)))
(print (list (+ 0.0 #C(0 2)) (numberp #C(1 2)) (realp #C(1 2)) (equalp #C(1 2) #C(1.0 2.0)) (conjugate #C(1 2))))
(print (/ #C(3 4) #C(1 2)))
