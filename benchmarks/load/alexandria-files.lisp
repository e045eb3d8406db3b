;;;; Loads alexandria's 22 source files, in its system's order, and prints the seconds it took.
;;;; The same file runs on Epsilon and on SBCL (benchmarks/load-sbcl runs both).
(let ((start (get-internal-real-time))
      (root "/usr/share/common-lisp/source/alexandria/"))
  (dolist (f '("alexandria-1/package" "alexandria-1/definitions" "alexandria-1/binding" "alexandria-1/strings"
               "alexandria-1/conditions" "alexandria-1/symbols" "alexandria-1/macros" "alexandria-1/functions"
               "alexandria-1/lists" "alexandria-1/types" "alexandria-1/io" "alexandria-1/hash-tables"
               "alexandria-1/control-flow" "alexandria-1/arrays" "alexandria-1/sequences" "alexandria-1/numbers"
               "alexandria-1/features" "alexandria-2/package" "alexandria-2/arrays" "alexandria-2/control-flow"
               "alexandria-2/sequences" "alexandria-2/lists"))
    (load (concatenate 'string root f ".lisp")))
  (format t "~,3f~%" (/ (- (get-internal-real-time) start) internal-time-units-per-second)))
