;;; Running out of heap is a STORAGE-CONDITION that HANDLER-CASE catches (not an ERROR, as in CL),
;;; and the program goes on. These requests are past what the JVM can allocate at all, so they fail
;;; at once without using memory; a program that fills the heap gets the same condition.
(defun report (c)   ; the JVM's own words after the colon may vary
  (let ((text (princ-to-string c))) (subseq text 0 (position #\: text))))
(print (handler-case (length (make-array (- array-dimension-limit 1)))
         (storage-condition (c) (list :storage-condition (report c)))))
(print (handler-case (length (make-string (- array-dimension-limit 1)))
         (storage-condition (c) (list :storage-condition (report c)))))
(defun big-vector (n) (make-array n :initial-element 0))
(print (handler-case (big-vector (- array-dimension-limit 1))
         (error () :not-an-error)
         (storage-condition () :storage-condition)))
(print (length (big-vector 10)))
