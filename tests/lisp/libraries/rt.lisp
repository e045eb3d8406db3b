;;; RT, loaded unchanged through ASDF: DO-TESTS runs and reports as on SBCL (SBCL made rt.out;
;;; how a condition prints is implementation-specific, so no test here signals one).
(require :asdf)
(asdf:load-system :rt)
(rtest:deftest adds (+ 1 2) 3)
(rtest:deftest two-values (floor 7 2) 3 1)
(rtest:deftest fails (list 1 2) (1 3))
(print (rtest:do-test 'adds))
(print (rtest:do-tests))
(rtest:rem-all-tests)
(rtest:deftest only-one (values) )
(print (rtest:do-tests))
