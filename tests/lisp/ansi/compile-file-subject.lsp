;;; Compiled by compile-file.lisp into a fasl, then loaded: each kind of literal, macro and
;;; top-level form a fasl must carry.
(defpackage :fasl-subject (:use :common-lisp) (:export #:report))
(in-package :fasl-subject)

(defvar *log* nil)
(defmacro note (x) `(push ,x *log*))

;; EVAL-WHEN by its situations.
(eval-when (:compile-toplevel) (defparameter *compile-only* t))
(eval-when (:load-toplevel) (note :load-toplevel-only))
(eval-when (:execute) (note :execute-only))
(eval-when (:compile-toplevel :load-toplevel :execute)
  (defun helper (x) (* x 10)))
(defmacro uses-helper (x) (helper x))   ; HELPER runs at compile time: it must be there
(progn (note :in-progn) (eval-when (:load-toplevel) (note :nested-load-toplevel)))

;; Literals.
(defparameter *numbers* (list 12345678901234567890123 -7/3 #c(1 2) 1.5 2.25d0 -123456789012 -1))
(defparameter *characters* (list #\a #\Space #\Newline (code-char #x1F600) "😀 wide" "plain"))
(defparameter *arrays* (list #(1 (2) "three") #*10110 #2A((1 2) (3 4)) #p"/tmp/some-file.lisp"))
(defparameter *circle* '#1=(a b . #1#))
(defparameter *shared* '(#2=(x y) #2#))
(defparameter *read-time* #.(+ 1 2))
(defparameter *uninterned* '(#:lonely #:lonely))

;; Macros: ordinary, local, symbol macros, and ones that put a form in twice.
(defmacro show (form) `(list ',form ,form))
(defmacro x-meaning (&environment env) `',(macroexpand-1 'x env))
(defmacro both-ways (f) `(list ,f (symbol-macrolet ((x 10)) ,f)))
(defmacro with-counter ((name) &body body)
  (let ((g (gensym "COUNT")))
    `(let ((,g 0)) (flet ((,name () (incf ,g))) ,@body))))
(defun counted () (with-counter (tick) (tick) (tick) (tick)))
(defun local-macros ()
  (macrolet ((square (v) `(* ,v ,v)))
    (symbol-macrolet ((seven 7))
      (list (square 3) seven (square seven)))))
(let ((hidden 41)) (defun closure-value () (1+ hidden)))
(defstruct point x y)
(defconstant +limit+ 3)
(deftype small () `(integer 0 ,+limit+))
(defun small-p (n) (typep n 'small))
(defun loop-sum () (loop for i from 1 to 4 sum i into s finally (return (+ (uses-helper 1) s))))
(defun ltv () (load-time-value (length *log*)))
;; Loading the fasl does not expand macros again.
(eval-when (:compile-toplevel :load-toplevel :execute) (defvar *expansions* 0))
(defmacro counted-macro () (incf *expansions*) 1)
(defun uses-counted-macro () (counted-macro))

(defun report ()
  (list (reverse *log*)
        (boundp '*compile-only*)
        *numbers* *characters* (length (fifth *characters*))
        (aref (third *arrays*) 1 0) (first *arrays*) (second *arrays*) (namestring (fourth *arrays*))
        (eq (cddr *circle*) *circle*) (eq (first *shared*) (second *shared*)) *read-time*
        (eq (first *uninterned*) (second *uninterned*)) (symbol-package (first *uninterned*))
        (show (when t 1)) (both-ways (x-meaning))
        (counted) (local-macros) (closure-value) (point-y (make-point :x 1 :y 2))
        (small-p 2) (small-p 5) (loop-sum) (uses-helper 4) (integerp (ltv))
        (uses-counted-macro) *expansions*))
