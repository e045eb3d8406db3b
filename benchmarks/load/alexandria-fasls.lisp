;;;; Alexandria's 22 source files as fasls. With the argument "compile", compiles each file (then
;;;; loads it, as a system loader does: later files need the earlier ones) into the directory named
;;;; by the second argument; with "load", loads the fasls from there and prints the seconds it took.
;;;; benchmarks/load-fasl runs it beside benchmarks/load/alexandria-files.lisp.
(let* ((args (epsilon.system:argv))
       (mode (first args))
       (out (second args))
       (root "/usr/share/common-lisp/source/alexandria/")
       (files '("alexandria-1/package" "alexandria-1/definitions" "alexandria-1/binding" "alexandria-1/strings"
                "alexandria-1/conditions" "alexandria-1/symbols" "alexandria-1/macros" "alexandria-1/functions"
                "alexandria-1/lists" "alexandria-1/types" "alexandria-1/io" "alexandria-1/hash-tables"
                "alexandria-1/control-flow" "alexandria-1/arrays" "alexandria-1/sequences" "alexandria-1/numbers"
                "alexandria-1/features" "alexandria-2/package" "alexandria-2/arrays" "alexandria-2/control-flow"
                "alexandria-2/sequences" "alexandria-2/lists"))
       (start (get-internal-real-time)))
  (dolist (f files)
    (let ((fasl (format nil "~A/~A.efasl" out (substitute #\- #\/ f))))
      (if (string= mode "compile")
          (load (compile-file (concatenate 'string root f ".lisp") :output-file fasl))
          (load fasl))))
  (format t "~,3f~%" (/ (- (get-internal-real-time) start) internal-time-units-per-second)))
