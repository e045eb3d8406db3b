;;; Generalized places (SBCL made places.out): each subform of a place runs once, left to right.
(defvar *log* nil)
(defun note (x) (push x *log*) x)

(let ((v (vector 1 2 3)) (i 0))
  (setf (aref v (note (incf i))) (note 'x))
  (print (list v i (reverse *log*))))

(let ((l (list 1 2 3)))
  (incf (car l) 10)
  (decf (third l))
  (push 0 (cdr l))
  (print l)
  (print (pop (cdr l)))
  (print l))

(let ((a 1) (b 2) (c 3))
  (rotatef a b c)
  (print (list a b c))
  (print (shiftf a b c 9))
  (print (list a b c))
  (psetf a b b a)
  (print (list a b c)))

(let (q r)
  (setf (values q r) (floor 17 5))
  (print (list q r)))

(define-modify-macro appendf (&rest lists) append)
(let ((l (list 1))) (appendf l '(2) '(3 4)) (print l))

(defvar *plist* nil)
(setf (getf *plist* :a) 1)
(incf (getf *plist* :b 10) 5)
(print *plist*)

(defun middle (x) (second x))
(defun (setf middle) (new x) (setf (second x) new))
(let ((x (list 1 2 3))) (setf (middle x) 'two) (print x))

(defun kar (x) (car x))
(defsetf kar (x) (new) `(progn (rplaca ,x ,new) ,new))
(let ((x (list 1 2))) (print (list (setf (kar x) 'a) x)))

(define-setf-expander ends (place &environment env)
  (multiple-value-bind (temps vals stores store access) (get-setf-expansion place env)
    (declare (ignore stores store))
    (let ((new (gensym)))
      (values temps vals (list new) `(progn (setf (car (last ,access)) ,new) ,new) `(car (last ,access))))))
(let ((x (list 1 2 3))) (setf (ends x) 'end) (print x))

(let ((h (make-hash-table)))
  (setf (gethash :k h) 1)
  (incf (gethash :k h))
  (incf (gethash :new h 100))
  (print (list (gethash :k h) (gethash :new h))))

(defstruct point x y)
(let ((p (make-point :x 1 :y 2)))
  (rotatef (point-x p) (point-y p))
  (print (list (point-x p) (point-y p))))

(symbol-macrolet ((it (car cell)))
  (let ((cell (list 5)))
    (incf it)
    (print cell)))

(define-compiler-macro kar (&whole form x) (declare (ignore x)) form)
(print (functionp (compiler-macro-function 'kar)))
