;;; For golden files whose reports contain addresses, which differ from run to run.
(defun scrub (text)
  "TEXT with each hexadecimal address shown as 0x..."
  (let ((at (search "0x" text)))
    (if (null at)
        text
        (let ((end (or (position-if-not (lambda (c) (digit-char-p c 16)) text :start (+ at 2)) (length text))))
          (concatenate 'string (subseq text 0 at) "0x..." (scrub (subseq text end)))))))
