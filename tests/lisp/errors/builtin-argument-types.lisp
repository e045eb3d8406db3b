;;; Every function written in Java, called with arguments of the wrong types, signals a Lisp
;;; condition that says what is wrong (a TYPE-ERROR naming the function, a PROGRAM-ERROR for a wrong
;;; count, ...). None may fail inside Java in a way only an INTERNAL-ERROR can report: that would be
;;; a bug of ours passed off as the user's. Functions that would exit, block, sleep or touch files
;;; are left out.

(defpackage :argument-types (:use :cl))
(in-package :argument-types)

(defparameter *left-out*
  '("QUIT" "EXIT" "SLEEP" "READ" "READ-LINE" "READ-CHAR" "READ-BYTE" "PEEK-CHAR" "READ-CHAR-NO-HANG"
    "READ-PRESERVING-WHITESPACE" "READ-DELIMITED-LIST" "LISTEN" "RUN-PROGRAM" "JOIN-THREAD" "%%JOIN-THREAD"
    "MAKE-THREAD" "%%MAKE-THREAD" "DELETE-FILE" "RENAME-FILE" "ENSURE-DIRECTORIES-EXIST" "LOAD"
    "COMPILE-FILE" "%%COMPILE-FILE" "REQUIRE" "BREAK" "INVOKE-DEBUGGER" "%%CONDITION-WAIT"
    "CONDITION-WAIT" "%%ACQUIRE-LOCK" "Y-OR-N-P" "YES-OR-NO-P" "ED" "INSPECT" "DRIBBLE" "%%GC" "GC"
    "%%THREAD-YIELD" "%LOAD-TOPLEVEL" "%%LOAD-LIBRARY-FILE" "%%LOAD-WRITING-FASL" "%%EVAL-PENDING-FORM"
    "%%ERROR-UNHANDLED" "OPEN"))

(defun junk () (list 5 (copy-seq "text") nil 'a-symbol -1 1.5 (list 1 2) (vector 1 2)))

(defparameter *tried* 0)
(defparameter *internal* nil)

(defun try (name function arguments)
  (incf *tried*)
  (handler-case (let ((*standard-output* (make-string-output-stream))
                      (*error-output* (make-string-output-stream)))
                  (apply function arguments))
    (epsilon.system:internal-error (e)
      (pushnew (list name (princ-to-string e)) *internal* :key #'first))
    (condition () nil)))

(dolist (package '("COMMON-LISP" "EPSILON.SYSTEM" "EPSILON.FOREIGN" "SB-SYS" "SB-ALIEN" "SB-EXT" "CFFI"))
  (do-symbols (s package)
    (when (and (eq (symbol-package s) (find-package package))
               (fboundp s) (not (macro-function s)) (not (special-operator-p s))
               (not (member (symbol-name s) *left-out* :test #'string=))
               (epsilon.system::%%primitive-p (fdefinition s)))
      (dolist (j (junk))
        (try s (fdefinition s) (list j))
        (try s (fdefinition s) (list j j))
        (try s (fdefinition s) (list j 0 j))))))

(format t "calls tried: more than 5000: ~a~%" (> *tried* 5000))
(format t "Java failures reported as internal errors: ~s~%" (reverse *internal*))

;; A wrong argument is the user's TYPE-ERROR, with the datum and the function in the report.
(handler-case (svref 5 0)
  (type-error (e) (format t "SVREF: datum ~s, ~a~%" (type-error-datum e) e)))
(handler-case (sqrt "four")
  (type-error (e) (format t "SQRT: datum ~s, ~a~%" (type-error-datum e) e)))
(handler-case (export 5)
  (type-error (e) (format t "EXPORT: datum ~s, ~a~%" (type-error-datum e) e)))
