;;; The debugger's Lisp side outside the REPL: *DEBUGGER-HOOK* sees an unhandled error first,
;;; INVOKE-RESTART-INTERACTIVELY invokes a restart with no arguments, and the REPL's history
;;; variables and evaluation (EPSILON.SYSTEM::%REPL-EVAL) print every value.
(print (block nil
         (let ((*debugger-hook* (lambda (condition hook)
                                  (declare (ignore hook))
                                  (return (list :hooked (type-of condition) (princ-to-string condition))))))
           (error "boom ~a" 1))))
(print (block nil
         (let ((*debugger-hook* (lambda (condition hook)
                                  (declare (ignore hook))
                                  (return (list :hooked (type-of condition))))))
           (car 1))))
(print (restart-case (invoke-restart-interactively 'retry)
         (retry () :retry)))
(print (with-simple-restart (skip "Skip it.") (invoke-restart-interactively (find-restart 'skip))))
(terpri)
(epsilon.system::%repl-eval "(values 1 2) (list * / +) (values)" (lambda (prompt) prompt nil))
(print (list (fboundp 'describe) (fboundp 'apropos) (fboundp 'documentation) (and (macro-function 'trace) t) (fboundp 'break)))
