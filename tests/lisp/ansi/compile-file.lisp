;;; COMPILE-FILE writes a fasl without loading the file (only compile-time situations run), and
;;; LOAD of the fasl does what loading the source does: literals of every kind (circular and shared
;;; structure, bignums, wide characters, arrays, uninterned symbols), EVAL-WHEN situations, macros
;;; expanded in place, local and symbol macros (SBCL made compile-file.out).
(defvar *here* *load-truename*)
(defvar *fasl* "/tmp/epsilon-compile-file-subject.fasl")
(multiple-value-bind (out warnings failure)
    (compile-file (merge-pathnames "compile-file-subject.lsp" *here*) :output-file *fasl* :external-format :utf-8
                  :verbose nil :print nil)
  (print (list (pathname-name out) warnings failure)))
;; Compiling ran the compile-time forms only: the package exists, the functions do not.
(print (list (not (null (find-package :fasl-subject)))
             (not (null (fboundp (find-symbol "REPORT" :fasl-subject))))
             (not (null (fboundp (find-symbol "HELPER" :fasl-subject))))
             (boundp (find-symbol "*LOG*" :fasl-subject))))
(setf (symbol-value (find-symbol "*EXPANSIONS*" :fasl-subject)) 0)
(load *fasl*)
(let ((*print-circle* t))
  (dolist (x (funcall (find-symbol "REPORT" :fasl-subject)))
    (print x)))
;; A fasl form that fails names the source file and line it came from.
(with-open-file (out "/tmp/epsilon-compile-file-bad.lisp" :direction :output :if-exists :supersede)
  (write-line "(defun fine () 1)" out)
  (write-line "" out)
  (write-line "(error \"boom at line three\")" out))
(compile-file "/tmp/epsilon-compile-file-bad.lisp" :output-file "/tmp/epsilon-compile-file-bad.fasl" :verbose nil :print nil)
(print (handler-case (load "/tmp/epsilon-compile-file-bad.fasl") (error (e) (format nil "~a" e))))
