;;;; The pretty printer's interface, for code that prints through it (PRINT-OBJECT methods,
;;;; FORMAT ~/.../ functions). Epsilon does not pretty-print (*PRINT-PRETTY* has no effect), so
;;;; conditional newlines, indentation and tabs print nothing, as CLHS specifies when pretty
;;;; printing is off, and a logical block prints its prefix, body and suffix in a line.
;;;; Read in package EPSILON.SYSTEM after system.lisp.

(defun pprint-newline (kind &optional stream)
  (declare (ignore kind stream))
  nil)

(defun pprint-indent (relative-to n &optional stream)
  (declare (ignore relative-to n stream))
  nil)

(defun pprint-tab (kind colnum colinc &optional stream)
  (declare (ignore kind colnum colinc stream))
  nil)

(defmacro pprint-logical-block ((stream-symbol object &key (prefix "") (per-line-prefix nil) (suffix ""))
                                &body body)
  ;; PPRINT-POP takes the next element of OBJECT; PPRINT-EXIT-IF-LIST-EXHAUSTED leaves the block.
  ;; A non-list OBJECT is printed as by WRITE.
  (let ((list (gensym "LIST")) (block (gensym "BLOCK")) (s (gensym "STREAM")))
    `(let* ((,s (%output-stream ,stream-symbol))
            (,list ,object))
       (if (not (listp ,list))
           (write ,list :stream ,s)
           (let ((,stream-symbol ,s))
             (write-string (or ,per-line-prefix ,prefix) ,stream-symbol)
             (block ,block
               (macrolet ((pprint-pop ()
                            '(if (atom ,list)
                                 (progn (when ,list (write-string ". " ,stream-symbol) (write ,list :stream ,stream-symbol))
                                        (setq ,list nil)
                                        (return-from ,block nil))
                                 (pop ,list)))
                          (pprint-exit-if-list-exhausted ()
                            '(when (null ,list) (return-from ,block nil))))
                 ,@body))
             (write-string ,suffix ,stream-symbol)))
       nil)))

(defun %pprint-list (stream list colon-p separator)
  (let ((stream (%output-stream stream)))
    (if (not (listp list))
        (write list :stream stream)
        (progn
          (when colon-p (write-string "(" stream))
          (do ((l list (cdr l)) (first t nil))
              ((atom l) (when l (write-string " . " stream) (write l :stream stream)))
            (unless first (write-string separator stream))
            (write (car l) :stream stream))
          (when colon-p (write-string ")" stream))))
    nil))

(defun pprint-fill (stream list &optional (colon-p t) at-sign-p)
  (declare (ignore at-sign-p))
  (%pprint-list stream list colon-p " "))

(defun pprint-linear (stream list &optional (colon-p t) at-sign-p)
  (declare (ignore at-sign-p))
  (%pprint-list stream list colon-p " "))

(defun pprint-tabular (stream list &optional (colon-p t) at-sign-p (tabsize 16))
  (declare (ignore at-sign-p tabsize))
  (%pprint-list stream list colon-p " "))

(defmacro formatter (control-string)
  `(lambda (stream &rest arguments)
     (apply #'format stream ,control-string arguments)
     nil))
