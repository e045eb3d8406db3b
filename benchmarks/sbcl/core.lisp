;;; The programs of CoreLanguageBenchmark, timed in SBCL: 10 runs after 3 warm-up runs, median in ms.
(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(defun sum-loop (n) (let ((s 0)) (dotimes (i n) (setq s (+ s i))) s))
(defun median-ms (thunk)
  (dotimes (i 3) (funcall thunk))
  (let ((times (loop repeat 10
                     collect (let ((t0 (get-internal-real-time)))
                               (funcall thunk)
                               (/ (* 1000.0 (- (get-internal-real-time) t0)) internal-time-units-per-second)))))
    (nth 5 (sort times #'<))))
(format t "sbcl fib30 ~,2f ms~%" (median-ms (lambda () (fib 30))))
(format t "sbcl dotimes1e8 ~,2f ms~%" (median-ms (lambda () (sum-loop 100000000))))
