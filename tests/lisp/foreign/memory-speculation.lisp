;; An access site that keeps seeing one allocation speculates on it (its extent a constant, its
;; liveness an assumption). The checks must hold once the site is hot and compiled: freeing the
;; block, an index past its end, and a second block at the same site.
(defun sum-ints (p n)
  (let ((s 0))
    (dotimes (i n) (setq s (+ s (mem-aref p :int i))))
    s))

(defun outcome (thunk)
  (handler-case (funcall thunk)
    (foreign-memory-error (e) (if (search "freed" (princ-to-string e)) 'use-after-free 'out-of-bounds))))

(let ((a (foreign-alloc :int :count 100 :initial-element 2)))
  (dotimes (k 3000) (sum-ints a 100))
  (format t "hot sum ~a~%" (sum-ints a 100))
  (format t "past the end ~a~%" (outcome (lambda () (sum-ints a 101))))
  (foreign-free a)
  (format t "after free ~a~%" (outcome (lambda () (sum-ints a 100)))))

(let ((b (foreign-alloc :int :count 10 :initial-element 5))
      (c (foreign-alloc :int :count 10 :initial-element 7)))
  (dotimes (k 3000) (sum-ints b 10))
  (format t "second block ~a~%" (sum-ints c 10))
  (dotimes (k 3000) (sum-ints b 10) (sum-ints c 10))
  (foreign-free c)
  (format t "first block still ~a~%" (sum-ints b 10))
  (format t "freed second ~a~%" (outcome (lambda () (sum-ints c 10))))
  (foreign-free b))

;; The site also speculates on the pointer's own address; a pointer moved within the same block
;; turns that off, and the checks still hold.
(let ((d (foreign-alloc :int :count 8 :initial-element 1)))
  (setf (mem-aref d :int 7) 100)
  (dotimes (k 3000) (sum-ints d 8))
  (format t "moved pointer ~a~%" (sum-ints (inc-pointer d 4) 7))
  (format t "moved past the end ~a~%" (outcome (lambda () (sum-ints (inc-pointer d 4) 8))))
  ;; An index whose byte offset overflows 64 bits is out of bounds, not a wrapped-around hit.
  (format t "huge index ~a~%" (outcome (lambda () (mem-aref d :int (expt 2 62)))))
  (foreign-free d))

;; The same through the MEM-AREF function (a type known only at run time).
(let ((d (foreign-alloc :int :count 8)) (ty :int))
  (format t "huge index, computed type ~a~%" (outcome (lambda () (mem-aref d ty (expt 2 62)))))
  (format t "huge index store ~a~%" (outcome (lambda () (setf (mem-aref d ty (expt 2 62)) 1))))
  (format t "element 0 untouched ~a~%" (mem-aref d :int 0))
  (foreign-free d))
