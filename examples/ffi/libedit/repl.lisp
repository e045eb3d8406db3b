;;; A REPL with persistent history, built on the libedit manifest that ships with Epsilon
;;; (the Seq guide's "Persistent History" example):
;;;   bin/epsilon examples/ffi/libedit/repl.lisp
(include-ffi "libedit")

(defparameter *history-file* (format nil "~a/.epsilon_example_history" (or (epsilon.system:getenv "HOME") "/tmp")))

(read-history *history-file*)          ; a missing file is fine the first time
(format t "Welcome to the Epsilon example REPL (an empty line or end of input quits)~%")
(finish-output)
(loop for line = (readline "eps> ")
      while (and line (plusp (length line)))
      do (add-history line)
         (format t "~s~%" (handler-case (eval (read-from-string line))
                            (error (e) (format nil "error: ~a" e))))
         (finish-output))
(write-history *history-file*)
