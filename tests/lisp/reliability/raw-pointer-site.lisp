;;; A MEM-AREF site that keeps seeing one raw pointer speculates on its address; a wild address,
;;; another pointer or an offset out of the address space still gets the full checks.
(defvar *p* (foreign-alloc :int :count 4 :initial-element 7))
(defvar *raw* (make-pointer (pointer-address *p*)))
(defun rd (p i) (mem-aref p :int i))
(dotimes (k 100000) (rd *raw* 1))
(print (rd *raw* 1))
(print (handler-case (rd (make-pointer 8) 0) (error (e) (type-of e))))
(print (rd *p* 2))
(print (handler-case (rd *raw* -100000000000000) (error (e) (type-of e))))
