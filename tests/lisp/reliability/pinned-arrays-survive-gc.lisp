;;; A pointer from WITH-PINNED-ARRAY keeps its array (and the memory C sees) alive while the pointer
;;; is reachable, even after the form ends and nothing else refers to the array.
(defvar *pointers*
  (loop for k below 50
        collect (let ((a (make-array 1000 :element-type '(signed-byte 32) :initial-element k)))
                  (with-pinned-array (p a) p))))
(dotimes (i 3)
  (sb-ext:gc :full t)
  ;; Garbage that reuses the freed memory if the arrays were collected.
  (dotimes (j 200) (make-array 1000 :element-type '(signed-byte 32) :initial-element -1)))
(print (loop for p in *pointers* for k from 0
             always (and (= (mem-aref p :int 0) k) (= (mem-aref p :int 999) k))))
