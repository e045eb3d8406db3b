;;; The boundary between Java and Lisp is visible in a name: an internal function whose name starts
;;; with %% is written in Java, one that starts with a single % is written in Lisp. Checked over
;;; every function of every package after the prelude has loaded.

(defun java-p (symbol)
  (epsilon.system::%%primitive-p (or (macro-function symbol) (fdefinition symbol))))

(let ((java-without-mark nil) (lisp-with-mark nil) (java 0) (lisp 0))
  (dolist (package (list-all-packages))
    (do-symbols (s package)
      (when (and (eq (symbol-package s) package) (fboundp s) (not (special-operator-p s))
                 (char= (char (symbol-name s) 0) #\%))
        (let ((marked (and (> (length (symbol-name s)) 1) (char= (char (symbol-name s) 1) #\%))))
          (cond ((java-p s) (incf java) (unless marked (pushnew s java-without-mark)))
                (t (incf lisp) (when marked (pushnew s lisp-with-mark))))))))
  (format t "Java primitives named %%: more than 100: ~a~%" (> java 100))
  (format t "Lisp helpers named %: more than 50: ~a~%" (> lisp 50))
  (format t "Java primitives without the mark: ~s~%" java-without-mark)
  (format t "Lisp functions with the mark: ~s~%" lisp-with-mark))

;; The boot-time MEMBER and ASSOC of Java are replaced by the full ones of the library.
(format t "~s ~s~%" (java-p 'member) (member "b" '("a" "b") :test #'string=))
(format t "~s ~s~%" (java-p 'caddr) (caddr '(1 2 3)))
