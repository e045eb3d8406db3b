;;; The build runs this once to train the AOT cache that bin/epsilon starts with (see
;;; train-aot-cache.sh). Whatever Java code it reaches is loaded and linked from the cache at
;;; every later start, with the profiles HotSpot gathered here. So it touches what most programs
;;; touch early: the reader, macros, CLOS, FORMAT, conditions, and a C call and a callback
;;; (through libc, which every machine has). It must stay short: it runs on every launcher build.

(defstruct point x y)
(defclass shape () ((name :initarg :name :reader shape-name)))
(defgeneric area (shape))
(defclass square (shape) ((side :initarg :side)))
(defmethod area ((s square)) (* (slot-value s 'side) (slot-value s 'side)))

(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))

(defshared c-abs "abs" "libc" :int (x :int))
(defcallback compare-ints :int ((a :pointer) (b :pointer))
  (let ((x (mem-ref a :int)) (y (mem-ref b :int))) (cond ((< x y) -1) ((> x y) 1) (t 0))))

(let ((table (make-hash-table :test 'equal))
      (p (foreign-alloc :int :count 1000)))
  (dotimes (i 1000) (setf (mem-aref p :int i) (mod (* i 7919) 1000)))
  (shared-call '("qsort" "libc") :void '(:pointer :size :size :pointer) p 1000 4 (callback compare-ints))
  (setf (gethash "sorted" table) (loop for i below 5 collect (mem-aref p :int i)))
  (foreign-free p)
  (handler-case (error "trained ~a" (area (make-instance 'square :name "s" :side 3)))
    (error (e) (setf (gethash "error" table) (princ-to-string e))))
  (format t "~{~a~^, ~} ~s ~,2f ~a ~a~%" (gethash "sorted" table) (make-point :x 1 :y 2)
          (/ 22 7.0) (c-abs -5) (fib 25)))
