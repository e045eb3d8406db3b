;;; DIRECTORY with *, ? and ** over the installed alexandria sources (SBCL made the .out).
(dolist (pattern '("/usr/share/common-lisp/source/alexandria/alexandria-2/*.lisp"
                   "/usr/share/common-lisp/source/alexandria/**/*.asd"
                   "/usr/share/common-lisp/source/alexandria/*/"
                   "/usr/share/common-lisp/source/alexandria/alexandria-?/p*.lisp"
                   "/usr/share/common-lisp/source/alexandria/alexandria.asd"
                   "/no/such/dir/*.lisp"))
  (format t "~a:~%~{  ~a~%~}" pattern (mapcar #'namestring (directory pattern))))
