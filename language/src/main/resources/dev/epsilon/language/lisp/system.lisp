;;;; Packages, files, streams macros, time, and the running image. Read in package EPSILON.SYSTEM.

(defmacro in-package (name)
  `(eval-when (:compile-toplevel :load-toplevel :execute)
     (setq *package* (%find-package-or-error ',name))))

(defun %find-package-or-error (name)
  (or (find-package name) (error 'package-error :package name
                                 :format-control "The package ~s does not exist." :format-arguments (list name))))

(defmacro defpackage (name &rest options)
  (let ((args nil) (use nil) (use-given nil) (exports nil) (nicknames nil) (imports nil)
        (shadows nil) (locals nil) (interns nil) (shadowing-imports nil))
    (dolist (o options)
      (case (car o)
        (:use (setq use-given t) (setq use (append use (cdr o))))
        (:export (setq exports (append exports (cdr o))))
        (:nicknames (setq nicknames (append nicknames (cdr o))))
        (:import-from (push (cdr o) imports))
        (:shadow (setq shadows (append shadows (cdr o))))
        (:local-nicknames (setq locals (append locals (cdr o))))
        (:intern (setq interns (append interns (cdr o))))
        (:shadowing-import-from (push (cdr o) shadowing-imports))
        (t nil)))
    (setq args (list :nicknames `',nicknames :export `',exports :import-from `',(reverse imports)
                     :shadow `',shadows :local-nicknames `',locals :intern `',interns
                     :shadowing-import-from `',(reverse shadowing-imports)))
    (when use-given (setq args (append args (list :use `',use))))
    `(eval-when (:compile-toplevel :load-toplevel :execute)
       (%%defpackage ',name ,@args))))

(defmacro do-symbols ((var &optional (package '*package*) result) &body body)
  `(dolist (,var (%%package-symbols ,package nil) ,result) ,@body))

(defmacro do-external-symbols ((var &optional (package '*package*) result) &body body)
  `(dolist (,var (%%package-symbols ,package t) ,result) ,@body))

(defmacro do-all-symbols ((var &optional result) &body body)
  (let ((p (gensym)))
    `(dolist (,p (list-all-packages) ,result)
       (dolist (,var (%%package-symbols ,p nil)) ,@body))))

(defmacro with-output-to-string ((var &optional string &key element-type) &body body)
  (declare (ignore element-type))
  (if string
      ;; Output goes to the end of STRING (which has a fill pointer); the result is the body's.
      (let ((target (gensym "STRING")))
        `(let* ((,target ,string) (,var (make-string-output-stream)))
           (unwind-protect (progn ,@body)
             (loop for c across (get-output-stream-string ,var) do (vector-push-extend c ,target)))))
      `(let ((,var (make-string-output-stream)))
         ,@(%body-declarations body)
         ,@(%body-forms body)
         (get-output-stream-string ,var))))

(defmacro with-input-from-string ((var string &key (start 0) end) &body body)
  `(let ((,var (make-string-input-stream ,string ,start ,end)))
     ,@body))

(defmacro with-open-stream ((var stream) &body body)
  `(let ((,var ,stream))
     (unwind-protect (progn ,@body)
       (when ,var (close ,var)))))

(defmacro with-open-file ((var filespec &rest options) &body body)
  `(with-open-stream (,var (open ,filespec ,@options)) ,@body))

(defmacro time (form)
  (let ((start (gensym)))
    `(let ((,start (get-internal-real-time)))
       (multiple-value-prog1 ,form
         (format *trace-output* "~&Evaluation took ~,3f seconds of real time~%"
                 (/ (- (get-internal-real-time) ,start) (float internal-time-units-per-second)))))))

(defun compile (name &optional definition)
  (cond (definition
         (let ((f (if (functionp definition) definition (coerce definition 'function))))
           (when name (%%set-fdefinition name f))
           (values (or name f) nil nil)))
        (t (values name nil nil))))

(defmacro with-standard-io-syntax (&body body)
  `(let ((*package* (find-package "COMMON-LISP-USER"))
         (*print-array* t) (*print-base* 10) (*print-case* :upcase) (*print-circle* nil)
         (*print-escape* t) (*print-gensym* t) (*print-length* nil) (*print-level* nil)
         (*print-lines* nil) (*print-miser-width* nil) (*print-pretty* nil) (*print-radix* nil)
         (*print-readably* t) (*print-right-margin* nil) (*read-base* 10)
         (*read-default-float-format* 'single-float) (*read-eval* t) (*read-suppress* nil)
         (*readtable* (copy-readtable nil)))
     ,@body))
(defmacro with-compilation-unit (options &body body)
  (declare (ignore options))
  `(progn ,@body))

(defconstant most-positive-fixnum 9223372036854775807)
(defconstant most-negative-fixnum -9223372036854775808)
(defconstant pi 3.141592653589793d0)
(defconstant internal-time-units-per-second 1000000)
(defconstant array-dimension-limit 2147483647)
(defconstant array-total-size-limit 2147483647)
(defconstant char-code-limit #x110000)
(defconstant lambda-parameters-limit 4611686018427387903)
(defconstant call-arguments-limit 4611686018427387903)

(defvar *print-escape* t)
(defvar *print-readably* nil)
(defvar *print-pretty* nil)
(defvar *print-base* 10)
(defvar *print-radix* nil)
(defvar *print-case* :upcase)
(defvar *print-circle* nil)
(defvar *print-length* nil)
(defvar *print-level* nil)
(defvar *print-array* t)
(defvar *print-gensym* t)
(defvar *print-lines* nil)
(defvar *print-miser-width* nil)
(defvar *print-right-margin* nil)
(defvar *print-pprint-dispatch* nil)
(defvar *load-print* nil)
(defvar *load-verbose* nil)
(defvar *compile-print* nil)
(defvar *compile-verbose* nil)
(defvar *compile-file-truename* nil)
(defvar *read-base* 10)
(defvar *read-eval* t)
(defvar *read-default-float-format* 'single-float)
(defvar *load-pathname* nil)
(defvar *load-truename* nil)
(defvar *compile-file-pathname* nil)
(defvar *random-state* t)
(defvar *gensym-counter* 0)
(defvar *break-on-signals* nil)
(defvar *debugger-hook* nil)
(defvar *macroexpand-hook* 'funcall)
(defvar *default-pathname-defaults* #p"")

(defun lisp-implementation-type () "Epsilon")
(defun lisp-implementation-version () (%%epsilon-version))
(defun software-type () "Linux")
(defun machine-type () (if (member :arm64 *features*) "ARM64" "X86-64"))

(export '(truffle-runtime-name exit argv getenv))

(defconstant lambda-list-keywords
  '(&allow-other-keys &aux &body &environment &key &optional &rest &whole))

;;; Documentation strings, by (name . doc-type). DEFUN and DEFMACRO record theirs.
(defvar *documentation* (make-hash-table :test 'equal))

(defun documentation (x doc-type)
  (values (gethash (cons (if (functionp x) (%%function-name x) x) doc-type) *documentation*)))

(defun %set-documentation (x doc-type string)
  (setf (gethash (cons (if (functionp x) (%%function-name x) x) doc-type) *documentation*) string))

(define-setf-place documentation (x doc-type) v `(%set-documentation ,x ,doc-type ,v))

(defun read-sequence (sequence stream &key (start 0) end)
  (let ((end (or end (length sequence)))
        (reader (if (%%binary-stream-p stream) #'read-byte #'read-char)))
    (do ((i start (1+ i)))
        ((>= i end) i)
      (let ((c (funcall reader stream nil :eof)))
        (when (eq c :eof) (return i))
        (setf (elt sequence i) c)))))

(defun write-sequence (sequence stream &key (start 0) end)
  (let ((end (or end (length sequence)))
        (writer (if (%%binary-stream-p stream) #'write-byte #'write-char)))
    (do ((i start (1+ i)))
        ((>= i end) sequence)
      (funcall writer (elt sequence i) stream))))

(defun %output-stream (designator)
  ;; An output stream designator: NIL is *STANDARD-OUTPUT*, T is *TERMINAL-IO*.
  (cond ((null designator) *standard-output*) ((eq designator t) *terminal-io*) (t designator)))

;; Streams are character streams, but for files opened with an octet element type.
(defun stream-element-type (stream)
  (if (%%binary-stream-p stream) '(unsigned-byte 8) 'character))

(defun interactive-stream-p (stream)
  (declare (ignore stream))
  nil)

(defun listen (&optional stream)
  (and (peek-char nil stream nil nil) t))

(defun clear-input (&optional stream)
  (declare (ignore stream))
  nil)

(defun clear-output (&optional stream)
  (declare (ignore stream))
  nil)

;;; Modules: REQUIRE of ASDF loads Epsilon's system loader; once it is loaded, REQUIRE of any other
;;; name loads the system of that name.
(defvar *modules* nil)

(defun provide (module)
  (pushnew (string module) *modules* :test #'string=)
  t)

(defun require (module &optional pathnames)
  (let ((name (string module)))
    (unless (member name *modules* :test #'string=)
      (cond (pathnames
             (dolist (p (if (listp pathnames) pathnames (list pathnames))) (load p)))
            ((string-equal name "ASDF")
             (%%load-library-file "asdf.lisp"))
            ((find-package "ASDF")
             (funcall (intern "LOAD-SYSTEM" "ASDF") (string-downcase name)))
            (t (error "REQUIRE: no module named ~A (try (require :asdf) first)" name)))
      (provide name))
    t))

(define-setf-place readtable-case (readtable) v `(%%set-readtable-case ,readtable ,v))

(defun %package-iterator-entries (packages types)
  ;; (symbol status package) for every symbol of PACKAGES whose status is among TYPES.
  (let ((out nil))
    (dolist (designator (if (listp packages) packages (list packages)))
      (let ((package (%find-package-or-error designator)) (seen (make-hash-table :test 'eq)))
        (do-symbols (s package)
          (unless (gethash s seen)
            (setf (gethash s seen) t)
            (let ((status (nth-value 1 (find-symbol (symbol-name s) package))))
              (when (member status types)
                (push (list s status package) out)))))))
    (nreverse out)))

(defmacro %next-package-entry (entries)
  (let ((e (gensym)))
    `(let ((,e (pop ,entries)))
       (if ,e (values t (first ,e) (second ,e) (third ,e)) nil))))

(defmacro with-package-iterator ((name package-list &rest symbol-types) &body body)
  (let ((entries (gensym "ENTRIES")))
    `(let ((,entries (%package-iterator-entries ,package-list ',symbol-types)))
       (macrolet ((,name () (list '%next-package-entry ',entries)))
         ,@body))))

;;; COMPILE-FILE processes the file's forms as CLHS 3.2.3.1 says (EVAL-WHEN by its situations,
;;; definitions later forms need made at compile time, nothing else run) and writes a fasl: the forms
;;; with their macros expanded, in a binary form LOAD recognizes and reads faster than source.
(defun compile-file-pathname (input-file &key output-file &allow-other-keys)
  (if output-file
      (pathname output-file)
      (let* ((name (namestring input-file))
             (slash (or (position #\/ name :from-end t) -1))
             (dot (position #\. name :from-end t :start (1+ slash))))
        (pathname (concatenate 'string (subseq name 0 (or dot (length name))) ".efasl")))))

(defun compile-file (input-file &key output-file verbose print external-format)
  (declare (ignore print external-format))
  (let* ((input (if (probe-file input-file) input-file (concatenate 'string (namestring input-file) ".lisp")))
         (output (compile-file-pathname input :output-file output-file))
         (*package* *package*)
         (*readtable* *readtable*)
         (*compile-file-pathname* (pathname input))
         (*compile-file-truename* (truename input))
         (written nil))
    (when verbose (format t "~&; compiling file ~S~%" (namestring input)))
    (handler-case
        (unless (setq written (%%compile-file input output))
          (format *error-output* "~&; ~A holds a literal object no fasl can keep (a function, a hash table,~%;   a foreign pointer): load its source instead~%" (namestring input)))
      (error (e)
        (format *error-output* "~&; caught ERROR while compiling ~A:~%;   ~A~%" (namestring input) e)))
    (cond (written
           (when verbose (format t "~&; wrote ~S~%" (namestring output)))
           (values (truename output) nil nil))
          (t (values nil t t)))))

(defun decode-universal-time (universal-time &optional time-zone)
  (%%decode-universal-time universal-time time-zone))

(defun encode-universal-time (second minute hour date month year &optional time-zone)
  (%%encode-universal-time second minute hour date month year time-zone))

(defun get-decoded-time () (decode-universal-time (get-universal-time)))

(defun read-char-no-hang (&optional stream (eof-error-p t) eof-value recursive-p)
  (declare (ignore recursive-p))
  ;; String and file input never has to wait: a character is there or the stream is at its end.
  (read-char stream eof-error-p eof-value))

(defun y-or-n-p (&optional control &rest arguments)
  (%ask-yes-no control arguments "(y or n) " '("y" "yes") '("n" "no")))

(defun yes-or-no-p (&optional control &rest arguments)
  (%ask-yes-no control arguments "(yes or no) " '("yes") '("no")))

(defun %ask-yes-no (control arguments prompt yes no)
  (loop
    (fresh-line *query-io*)
    (when control (apply #'format *query-io* control arguments) (write-string " " *query-io*))
    (write-string prompt *query-io*)
    (finish-output *query-io*)
    (let ((answer (string-trim " " (or (read-line *query-io* nil) (return nil)))))
      (cond ((member answer yes :test #'string-equal) (return t))
            ((member answer no :test #'string-equal) (return nil))))))

(defun apropos-list (string &optional package)
  (let ((out nil) (string (string string)))
    (flet ((consider (s) (when (search string (symbol-name s) :test #'char-equal) (pushnew s out))))
      (if package
          (do-symbols (s package) (consider s))
          (do-all-symbols (s) (consider s))))
    (sort out #'string< :key #'symbol-name)))

(defun apropos (string &optional package)
  (dolist (s (apropos-list string package))
    (format t "~&~s~:[~; (fbound)~]~:[~; (bound)~]~%" s (fboundp s) (boundp s)))
  (values))

(defun describe (object &optional stream)
  (let ((stream (%output-stream stream)))
    (format stream "~&~s~%  [~s]~%" object (type-of object))
    (when (symbolp object)
      (when (boundp object) (format stream "  Value: ~s~%" (symbol-value object)))
      (when (fboundp object) (format stream "  Function: ~s~%" (symbol-function object)))
      (when (symbol-plist object) (format stream "  Plist: ~s~%" (symbol-plist object))))
    (let ((doc (and (symbolp object) (or (documentation object 'function) (documentation object 'variable)))))
      (when doc (format stream "  Documentation: ~a~%" doc))))
  (values))

(defmacro restart-bind (bindings &body forms)
  ;; (name function &key report-function ...): restarts that call FUNCTION without unwinding.
  `(%%with-restarts
    (list ,@(mapcar (lambda (b)
                      (destructuring-bind (name function &key report-function &allow-other-keys) b
                        `(%%make-restart ',name ,function ,report-function)))
                    bindings))
    (lambda () ,@forms)))

;;; TRACE and UNTRACE: a traced function's definition is replaced by one that reports each call and
;;; its values on *TRACE-OUTPUT*, indented by depth, as SBCL prints them.
(defvar *trace-depth* 0)
(defvar *traced-functions* nil)

(defun %trace (name)
  (unless (fboundp name) (error "TRACE: ~S is not a function" name))
  (unless (get name '%untraced-definition)
    (let ((original (fdefinition name)))
      (%put name '%untraced-definition original)
      (setf (fdefinition name)
            (lambda (&rest arguments)
              (let ((depth *trace-depth*))
                (format *trace-output* "~&~v@T~d: ~s~%" (* 2 (1+ depth)) depth (cons name arguments))
                (let ((values (let ((*trace-depth* (1+ depth))) (multiple-value-list (apply original arguments)))))
                  (format *trace-output* "~&~v@T~d: ~s returned~{ ~s~}~%" (* 2 (1+ depth)) depth name values)
                  (values-list values)))))
      (pushnew name *traced-functions*)))
  name)

(defun %untrace (name)
  (let ((original (get name '%untraced-definition)))
    (when original
      (setf (fdefinition name) original)
      (remprop name '%untraced-definition)
      (setq *traced-functions* (remove name *traced-functions*))))
  name)

(defmacro trace (&rest names)
  (if names `(mapcar #'%trace ',names) '*traced-functions*))

(defmacro untrace (&rest names)
  (if names `(mapcar #'%untrace ',names) '(mapcar #'%untrace *traced-functions*)))
