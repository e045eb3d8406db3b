;;; Synonym and echo streams (SBCL made the .out).
(defvar *sink* (make-string-output-stream))
(defvar *syn* (make-synonym-stream '*sink*))
(format *syn* "one ")
(let ((*sink* (make-string-output-stream)))
  (format *syn* "two")
  (print (get-output-stream-string *sink*)))
(print (get-output-stream-string *sink*))
(print (synonym-stream-symbol *syn*))
(defvar *src* (make-string-input-stream "(a b) c"))
(print (read (make-synonym-stream '*src*)))
(print (read-char *src*))
(print (let ((s (make-echo-stream (make-string-input-stream "xy") (make-string-output-stream))))
         (list (read-char s) (read-char s) (get-output-stream-string (echo-stream-output-stream s)))))

(let ((s (make-two-way-stream (make-string-input-stream "") (make-string-output-stream))))
  (write-string "abc" s) (print (fresh-line s)))

