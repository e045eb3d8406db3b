;;; Shared by the Epsilon and SBCL round programs: runs THUNK ROUNDS times and prints each round's
;;; wall time in milliseconds, one per line. (SBCL's GET-INTERNAL-REAL-TIME moves in steps of
;;; milliseconds; its monotonic clock does not.)
(defun now-ms ()
  #+sbcl (multiple-value-bind (s ns) (sb-unix::clock-gettime 1)   ; 1: CLOCK_MONOTONIC
           (+ (* s 1000.0d0) (/ ns 1000000.0d0)))
  #-sbcl (/ (* 1000.0d0 (get-internal-real-time)) internal-time-units-per-second))

(defun report-rounds (rounds thunk)
  (dotimes (r rounds)
    (let ((start (now-ms)))
      (funcall thunk)
      (format t "~,3f~%" (- (now-ms) start))
      (finish-output))))
