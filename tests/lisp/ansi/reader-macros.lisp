;;; The reader (SBCL made reader-macros.out): feature expressions skip what they suppress, #. #* #nA
;;; #n= #C, *READ-BASE*, readtable case, and reader macros written in Lisp.
(print '(1 #+no-such-lisp no-such-package:symbol #-no-such-lisp 2 #+(or) (junk:thing #.(error "no")) 3))
(print '(#+(and) a #-(or common-lisp) b #+(not no-such-feature) c))
(print #.(+ 1 2))
(print #*1011)
(print (length #5*1))
(print #2A((1 2) (3 4)))
(print (array-dimensions #2A((1 2 3) (4 5 6))))
(print (let ((x '#1=(a b . #1#))) (list (first x) (second x) (eq x (cddr x)))))
(print (let ((v '#(#2=(x) #2#))) (eq (aref v 0) (aref v 1))))
(print #C(1 2))
(print (let ((*read-base* 16)) (read-from-string "ff")))
(print (read-from-string "#x-1F"))
(print (let ((*read-suppress* t)) (read-from-string "(unknown-package:x #\\no-such-char)")))

(defun read-bracket (stream char)
  (declare (ignore char))
  (cons 'bracket (read-delimited-list #\] stream t)))
(let ((*readtable* (copy-readtable nil)))
  (set-macro-character #\[ #'read-bracket)
  (set-macro-character #\] (get-macro-character #\)))
  (print (read-from-string "[1 2 [3 4]]")))

(let ((*readtable* (copy-readtable nil)))
  (set-dispatch-macro-character #\# #\! (lambda (stream char arg) (declare (ignore char)) (list 'bang arg (read stream t nil t))))
  (print (read-from-string "(a #3!b c)")))

(let ((*readtable* (copy-readtable nil)))
  (setf (readtable-case *readtable*) :preserve)
  (print (symbol-name (read-from-string "MixedCase"))))

(let ((*readtable* (copy-readtable nil)))
  (setf (readtable-case *readtable*) :invert)
  (print (mapcar #'symbol-name (read-from-string "(abc ABC aBc)"))))

(let ((original (get-dispatch-macro-character #\# #\\))
      (*readtable* (copy-readtable nil)))
  (set-dispatch-macro-character #\# #\\
    (lambda (stream char arg)
      (let ((c (funcall original stream char arg)))
        (if (char= c #\a) :an-a c))))
  (print (read-from-string "(#\\a #\\b #\\Space)")))

(print (let ((s (make-concatenated-stream (make-string-input-stream "(1 2") (make-string-input-stream " 3)"))))
         (read s)))
(print ``(a ,,(+ 1 2) ,',(+ 3 4)))
(print (eval (let ((x '(1 2))) ``(list ,,@x))))
(let ((*readtable* (copy-readtable nil)))
  ;; A macro that returns no values reads nothing, like a comment.
  (set-macro-character #\! (lambda (stream char) (declare (ignore char)) (read-line stream) (values)))
  (print (read-from-string "(a ! the rest of this line
 b)")))
(defmacro broken () (error "expanding BROKEN fails"))
(print (ignore-errors (broken) :not-reached))
(print (list #2A((1 2) (3 4)) #2A("ab" "cd") #0A7 (array-dimensions #3A(((1) (2)) ((3) (4))))))
(print (list #x1F #b-101 #o17/3 (ignore-errors (read-from-string "#x1G"))))
(print (functionp (get-dispatch-macro-character #\# #\C)))
(let ((*readtable* (copy-readtable nil)))
  (set-macro-character #\[ (lambda (s c) (declare (ignore c)) (read-delimited-list #\] s t)))
  (set-macro-character #\] (get-macro-character #\)))
  (print (read-from-string "[1 ; comment
 2 #| block |# [3] ]")))
