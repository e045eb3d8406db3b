;;;; Epsilon's system loader: the part of ASDF that system definitions in the wild use, so that
;;;; (asdf:load-system :alexandria) loads a library from its installed sources. Loaded by
;;;; (require :asdf). The real ASDF/UIOP refuses implementations it does not know, so this one is
;;;; Epsilon's own: DEFSYSTEM with :depends-on, :components (:file, :module, :static-file),
;;;; :serial, :pathname, :if-feature, :in-order-to, :perform and :defsystem-depends-on;
;;;; LOAD-SYSTEM, TEST-SYSTEM, FIND-SYSTEM, OPERATE, and a source registry.

(defpackage :uiop
  (:use :common-lisp)
  (:export #:symbol-call #:find-symbol* #:getenv #:featurep #:read-file-string #:read-file-form
           #:read-file-forms #:subpathname #:merge-pathnames* #:ensure-directory-pathname #:os-unix-p
           #:os-windows-p #:os-macosx-p #:implementation-type #:strcat #:string-prefix-p
           #:string-suffix-p #:split-string #:ensure-list #:emptyp #:if-let #:version< #:version<=
           #:getcwd #:quit #:implementation-identifier #:delete-file-if-exists #:encoding-external-format
           #:with-temporary-file #:*temporary-directory* #:define-package
           #:command-line-arguments #:raw-command-line-arguments))

(defpackage :asdf
  (:use :common-lisp :uiop)
  (:nicknames :asdf/interface)
  (:export #:defsystem #:load-system #:test-system #:find-system #:operate #:oos #:require-system
           #:perform #:operation-done-p #:load-op #:compile-op #:test-op #:prepare-op #:load-source-op
           #:operation #:component #:system #:module #:source-file #:cl-source-file #:static-file
           #:component-name #:component-pathname #:component-version #:component-children
           #:system-source-directory #:system-relative-pathname #:find-component
           #:*central-registry* #:initialize-source-registry #:clear-system #:registered-systems
           #:already-loaded-systems #:clear-source-registry #:system-definition-pathname
           #:component-depends-on #:input-files #:output-files #:load-asd #:system-name
           #:*compile-file-warnings-behaviour* #:*compile-file-failure-behaviour* #:asdf-version
           #:missing-component #:system-definition-error #:load-systems #:*user-cache*))

(defpackage :asdf-user
  (:use :common-lisp :uiop :asdf))

;;; The part of UIOP that system definitions call.
(in-package :uiop)

(defun find-symbol* (name package-designator &optional (error t))
  (let ((package (find-package (string package-designator))))
    (multiple-value-bind (symbol status) (and package (find-symbol (string name) package))
      (cond (status (values symbol status))
            (error (error "There is no symbol ~A in package ~A" (string name) (string package-designator)))
            (t (values nil nil))))))

(defun symbol-call (package name &rest args)
  (apply (find-symbol* name package) args))

(defun getenv (name) (sys::getenv name))
(defun command-line-arguments () (sys::argv))
(defun raw-command-line-arguments () (cons "epsilon" (sys::argv)))
(defun getcwd () (probe-file "./"))
(defun quit (&optional (code 0) (finish-output t))
  (when finish-output (finish-output *standard-output*) (finish-output *error-output*))
  (sys::exit code))
(defun implementation-identifier ()
  (format nil "epsilon-~A-linux-~(~A~)" (lisp-implementation-version) (machine-type)))
(defun delete-file-if-exists (file) (when (probe-file file) (delete-file file) t))
(defun encoding-external-format (encoding) encoding)
(defvar *temporary-directory* "/tmp/")
(defun %temporary-pathname (prefix type)
  (loop (let ((p (format nil "~A~A~36R~@[.~A~]" *temporary-directory* prefix (random (expt 36 8)) type)))
          (unless (probe-file p) (return p)))))
(defmacro with-temporary-file ((&key (stream nil streamp) (pathname (gensym "PATHNAME") pathnamep)
                                     (prefix "tmp") type (direction :io) keep (element-type ''character)
                                     (external-format :default))
                               &body body)
  "Binds PATHNAME to a fresh file under *TEMPORARY-DIRECTORY* and STREAM to it open for output
(closed before BODY's last form would need it); the file is deleted afterwards unless KEEP."
  (declare (ignore direction external-format pathnamep))
  `(let ((,pathname (%temporary-pathname ,prefix ,type)))
     (unwind-protect
          ,(if streamp
               `(with-open-file (,stream ,pathname :direction :output :if-exists :supersede
                                                  :element-type ,element-type)
                  ,@body)
               `(progn (with-open-file (s ,pathname :direction :output :if-does-not-exist :create))
                       ,@body))
       (unless ,keep (delete-file-if-exists ,pathname)))))
;; The part of DEFINE-PACKAGE beyond DEFPACKAGE that libraries use: :mix and :reexport.
(defmacro define-package (name &rest clauses)
  (let ((mix (loop for c in clauses when (eq (car c) :mix) append (cdr c)))
        (reexport (loop for c in clauses when (eq (car c) :reexport) append (cdr c)))
        (plain (remove-if (lambda (c) (member (car c) '(:mix :reexport :recycle :unintern :use-reexport :mix-reexport)))
                          clauses)))
    `(prog1 (defpackage ,name ,@plain ,@(when mix `((:use ,@mix))))
       ,@(when reexport
           `((let ((p (find-package ',name)))
               (dolist (from ',reexport)
                 (do-external-symbols (s (find-package from))
                   (import s p) (export s p)))))))))
(defun featurep (expression) (asdf::%feature-true-p expression))
(defun read-file-string (file) (with-open-file (in file) (let ((s (make-string-output-stream)))
                                                          (loop for line = (read-line in nil) while line
                                                                do (write-line line s))
                                                          (get-output-stream-string s))))
(defun read-file-forms (file)
  (with-open-file (in file)
    (loop for form = (read in nil in) until (eq form in) collect form)))
(defun read-file-form (file) (first (read-file-forms file)))
(defun ensure-directory-pathname (p) (asdf::%ensure-slash p))
(defun subpathname (base sub &key type)
  (let ((s (concatenate 'string (namestring base) (namestring sub))))
    (if type (concatenate 'string s "." type) s)))
(defun merge-pathnames* (p &optional (defaults *default-pathname-defaults*)) (merge-pathnames p defaults))
(defun os-unix-p () t)
(defun os-windows-p () nil)
(defun os-macosx-p () (and (member :darwin *features*) t))
(defun implementation-type () :epsilon)
(defun strcat (&rest strings) (apply #'concatenate 'string strings))
(defun string-prefix-p (prefix string)
  (and (<= (length prefix) (length string)) (string= prefix string :end2 (length prefix))))
(defun string-suffix-p (string suffix)
  (and (<= (length suffix) (length string)) (string= suffix string :start2 (- (length string) (length suffix)))))
(defun split-string (string &key (separator '(#\Space #\Tab)))
  (let ((out nil) (start 0) (seps (coerce separator 'list)))
    (loop for i = (position-if (lambda (c) (member c seps)) string :start start)
          do (push (subseq string start i) out)
             (if i (setq start (1+ i)) (return)))
    (nreverse out)))
(defun ensure-list (x) (if (listp x) x (list x)))
(defun emptyp (x) (or (null x) (and (typep x 'sequence) (zerop (length x)))))
(defmacro if-let (bindings then &optional else)
  (let ((bindings (if (and (consp bindings) (symbolp (car bindings))) (list bindings) bindings)))
    `(let ,bindings (if (and ,@(mapcar #'car bindings)) ,then ,else))))
;; "3.3-epsilon" -> (3 3): a suffix after the digits of a part is not compared.
(defun %version-list (v)
  (mapcar (lambda (part) (or (parse-integer part :junk-allowed t) 0)) (split-string v :separator '(#\.))))
(defun version< (a b)
  (let ((x (%version-list a)) (y (%version-list b)))
    (loop (cond ((null y) (return nil)) ((null x) (return t))
                ((< (car x) (car y)) (return t)) ((> (car x) (car y)) (return nil)))
          (pop x) (pop y))))
(defun version<= (a b) (not (version< b a)))

(in-package :asdf)

(defun asdf-version () "3.3-epsilon")

(defvar *central-registry* nil
  "Directories (pathnames or strings) searched first for NAME.asd, as in ASDF.")
(defvar *compile-file-warnings-behaviour* :warn)
(defvar *compile-file-failure-behaviour* :warn)

(define-condition system-definition-error (error) ())
(define-condition missing-component (system-definition-error)
  ((requires :initarg :requires :reader missing-requires))
  (:report (lambda (c s)
             (format s "Component ~S not found in the source registry (searched ~{~A~^, ~})"
                     (missing-requires c) (source-registry-directories)))))

;;; Components

(defclass component ()
  ((name :initarg :name :reader component-name)
   (parent :initarg :parent :initform nil :reader component-parent)
   (pathname :initarg :pathname :initform nil :accessor component-pathname)
   (depends-on :initarg :depends-on :initform nil :reader component-depends-on-names)
   (if-feature :initarg :if-feature :initform nil :reader component-if-feature)
   (version :initarg :version :initform nil :reader component-version)
   (properties :initarg :properties :initform nil :accessor component-properties)))

(defclass source-file (component) ())
(defclass cl-source-file (source-file) ())
(defclass static-file (source-file) ())
;;; A Lisp file shipped inside Epsilon (a backend such as CFFI-SYS), named without its type.
(defclass epsilon-file (source-file) ())
(defclass module (component)
  ((children :initarg :children :initform nil :accessor component-children)))
(defclass system (module)
  ((source-file :initarg :source-file :initform nil :accessor system-definition-pathname)
   (system-depends-on :initarg :system-depends-on :initform nil :reader system-depends-on)
   (in-order-to :initarg :in-order-to :initform nil :reader system-in-order-to)))

(defun system-name (system) (component-name system))

(defmethod print-object ((c component) stream)
  (print-unreadable-object (c stream :type t)
    (format stream "~S" (component-name c))))

;;; Operations

(defclass operation () ())
(defclass prepare-op (operation) ())
(defclass compile-op (operation) ())
(defclass load-op (operation) ())
(defclass load-source-op (operation) ())
(defclass test-op (operation) ())

(defgeneric perform (operation component))
(defmethod perform ((o operation) (c component)) nil)
(defgeneric operation-done-p (operation component))
(defmethod operation-done-p ((o operation) (c component)) nil)
(defgeneric input-files (operation component))
(defmethod input-files ((o operation) (c component))
  (when (typep c 'source-file) (list (component-pathname c))))
(defgeneric output-files (operation component))
(defmethod output-files ((o operation) (c component)) nil)

;;; Names and the registry

(defun coerce-name (name)
  (cond ((stringp name) (string-downcase name))
        ((symbolp name) (string-downcase (symbol-name name)))
        ((typep name 'component) (component-name name))
        (t (error "~S is not a system name" name))))

(defvar *systems* (make-hash-table :test 'equal) "Defined systems by name.")
(defvar *loaded* (make-hash-table :test 'equal) "Names of the systems loaded so far.")
(defvar *loading* nil "Systems being loaded (to report a circular dependency).")

(defun registered-systems ()
  (let ((names nil)) (maphash (lambda (k v) (declare (ignore v)) (push k names)) *systems*) (sort names #'string<)))

(defun already-loaded-systems ()
  (let ((names nil)) (maphash (lambda (k v) (declare (ignore v)) (push k names)) *loaded*) (sort names #'string<)))

(defun clear-system (name)
  (remhash (coerce-name name) *systems*)
  (remhash (coerce-name name) *loaded*))

(defun %ensure-slash (dir)
  (let ((s (namestring dir)))
    (if (and (> (length s) 0) (char/= (char s (1- (length s))) #\/)) (concatenate 'string s "/") s)))

(defun source-registry-directories ()
  ;; The directories searched, in order: *central-registry*, $CL_SOURCE_REGISTRY (':'-separated; a
  ;; trailing // searches the tree below, as every directory here is), then the usual places.
  (let ((dirs nil)
        (env (sys::getenv "CL_SOURCE_REGISTRY"))
        (home (namestring (user-homedir-pathname))))
    (dolist (d *central-registry*)
      (push (%ensure-slash (if (and (symbolp d) (boundp d)) (symbol-value d) d)) dirs))
    (when env
      (dolist (d (uiop:split-string env :separator '(#\:)))
        (when (> (length d) 0)
          (push (%ensure-slash (string-right-trim "/" d)) dirs))))
    (push (concatenate 'string (%ensure-slash home) "common-lisp/") dirs)
    (push (concatenate 'string (%ensure-slash home) ".local/share/common-lisp/source/") dirs)
    (push "/usr/share/common-lisp/source/" dirs)
    (push "/usr/share/common-lisp/systems/" dirs)
    (nreverse dirs)))

(defvar *asd-index* nil "NAME.asd files found in the registry: an EQUAL hash table name -> path.")

(defun clear-source-registry () (setq *asd-index* nil))
(defun initialize-source-registry (&optional parameter)
  (declare (ignore parameter))
  (clear-source-registry))

(defun %index-directory (dir table depth)
  (dolist (entry (sys::%%directory-entries dir))
    (let ((path (concatenate 'string dir entry)))
      (cond ((char= (char entry (1- (length entry))) #\/)
             (when (and (< depth 8) (char/= (char entry 0) #\.) (string/= entry "_darcs/"))
               (%index-directory path table (1+ depth))))
            ((and (> (length entry) 4) (string= ".asd" (subseq entry (- (length entry) 4))))
             (let ((name (subseq entry 0 (- (length entry) 4))))
               (unless (gethash name table) (setf (gethash name table) path))))))))

(defun %asd-index ()
  (or *asd-index*
      (let ((table (make-hash-table :test 'equal)))
        (dolist (dir (source-registry-directories))
          (%index-directory dir table 0))
        (setq *asd-index* table))))

(defun load-asd (pathname &key name)
  (declare (ignore name))
  (let ((*package* (find-package :asdf-user))
        (*default-pathname-defaults* (directory-namestring pathname)))
    (load pathname)))

;;; Systems whose installed .asd refuses Lisps it does not list: Epsilon defines them itself.
;;; trivial-features only sets platform features, and Epsilon starts with the ones it would set
;;; (:64-bit :little-endian :x86-64 or :arm64, :linux :unix), as SBCL has them after loading it.
;;; CFFI is its installed front end, unchanged, over Epsilon's backend (CFFI-SYS, shipped with
;;; Epsilon): :located-by names the installed .asd whose directory holds the sources.
;; Epsilon has threads: Bordeaux Threads' portable files test this feature (its .asd would push it).
(pushnew :thread-support *features*)

(defparameter *epsilon-systems*
  '(("asdf" :description "This system loader, already loaded.")
    ("uiop" :description "The UIOP subset loaded with this system loader.")
    ("trivial-features"
     :description "Portable *FEATURES*: Epsilon sets them at start-up; nothing to load.")
    ("cffi"
     :located-by "cffi"
     :description "The Common Foreign Function Interface: its front end on Epsilon's CFFI-SYS."
     :depends-on (:uiop :alexandria :trivial-features :babel)
     :in-order-to ((test-op (load-op :cffi-tests)))
     :perform (test-op (o c) (operate 'asdf:test-op :cffi-tests))
     :components
     ((:epsilon-file "cffi-sys")
      (:module "src"
       :serial t
       :components
       ((:file "package") (:file "utils") (:file "libraries") (:file "early-types") (:file "types")
        (:file "enum") (:file "strings") (:file "structures") (:file "functions")
        (:file "foreign-vars") (:file "features")))))
    ;; Bordeaux Threads: its portable files as installed, with Epsilon's implementation part where
    ;; bordeaux-threads.asd picks impl-<lisp>.lisp (it would pick impl-null here).
    ("bordeaux-threads"
     :located-by "bordeaux-threads"
     :description "Portable threads, locks and condition variables, on Epsilon's threads."
     :depends-on (:alexandria)
     :components
     ((:module "src"
       :serial t
       :components
       ((:file "pkgdcl") (:file "bordeaux-threads") (:epsilon-file "bordeaux-threads")
        (:file "default-implementations")))))
    ("cffi-libffi"
     :description "Structures by value for CFFI, through Epsilon's own foreign calls (no libffi)."
     :depends-on (:cffi)
     :components ((:epsilon-file "cffi-by-value")))
    ;; CFFI's suite, its files as cffi-tests.asd lists them. Its C libraries (libtest, libtest2,
    ;; libfsbv) are built by Epsilon's build and found through EPSILON.FOREIGN:*LIBRARY-SEARCH-PATHS*;
    ;; grovel.lisp and test-asdf.lisp need CFFI-GROVEL, which does not load on Epsilon yet.
    ("cffi-tests"
     :located-by "cffi-tests"
     :description "CFFI's own test suite, on Epsilon."
     :depends-on (:cffi :cffi-libffi :bordeaux-threads :rt)
     :perform (test-op (o c) (symbol-call :cffi-tests '#:run-all-cffi-tests))
     :components
     ((:module "tests"
       :serial t
       :components
       ((:file "package") (:file "bindings") (:file "funcall") (:file "defcfun") (:file "callbacks")
        (:file "foreign-globals") (:file "memory") (:file "strings") (:file "arrays") (:file "struct")
        (:file "union") (:file "enum") (:file "fsbv") (:file "misc-types") (:file "misc")))))))

(defun %epsilon-system (name)
  (let ((definition (assoc name *epsilon-systems* :test #'string=)))
    (when definition
      (let* ((located-by (getf (cdr definition) :located-by))
             (asd (and located-by (gethash located-by (%asd-index))))
             (*load-truename* asd) (*load-pathname* asd))
        (when (and located-by (null asd))
          (error 'missing-component :requires name))
        (apply #'register-system name (cdr definition))))))

(defun find-system (name &optional (error-p t))
  (let* ((name (coerce-name name))
         (primary (subseq name 0 (or (position #\/ name) (length name)))))
    (or (gethash name *systems*)
        (%epsilon-system name)
        (let ((asd (gethash primary (%asd-index))))
          (when asd
            (load-asd asd)
            (gethash name *systems*)))
        (when error-p
          (error 'missing-component :requires name)))))

;;; DEFSYSTEM

(defun %component-type (kind)
  (ecase kind
    ((:file :cl-source-file) 'cl-source-file)
    (:static-file 'static-file)
    (:epsilon-file 'epsilon-file)
    (:module 'module)
    ((:doc-file :html-file :txt-file :source-file) 'static-file)))

(defun %parse-components (specs parent directory serial)
  ;; Each spec is (kind name &key pathname components depends-on serial if-feature ...).
  (let ((previous nil) (out nil))
    (dolist (spec specs)
      (destructuring-bind (kind name &rest options &key pathname components depends-on
                                ((:serial child-serial) nil) if-feature &allow-other-keys)
          spec
        (declare (ignore options))
        (let* ((name (coerce-name name))
               (type (%component-type kind))
               (default (if (eq type 'module)
                            (concatenate 'string name "/")
                            (if (eq type 'cl-source-file) (concatenate 'string name ".lisp") name)))
               (relative (cond ((null pathname) default)
                               ((equal (namestring pathname) "") "")
                               ((eq type 'module) (%ensure-slash pathname))
                               ((eq type 'cl-source-file)
                                (let ((p (namestring pathname)))
                                  (if (search ".lisp" p) p (concatenate 'string p ".lisp"))))
                               (t (namestring pathname))))
               (path (concatenate 'string directory relative))
               (deps (append (mapcar #'coerce-name (remove-if-not #'atom depends-on))
                             (when (and serial previous) (list previous))))
               (c (make-instance type :name name :parent parent :pathname path
                                      :depends-on deps :if-feature if-feature)))
          (when (eq type 'module)
            (setf (component-children c) (%parse-components components c path child-serial)))
          (push c out)
          (setq previous name))))
    (nreverse out)))

(defun %feature-true-p (expression)
  (cond ((null expression) t)
        ((symbolp expression) (member expression *features* :test #'string=))
        ((eq (car expression) :and) (every #'%feature-true-p (cdr expression)))
        ((eq (car expression) :or) (some #'%feature-true-p (cdr expression)))
        ((eq (car expression) :not) (not (%feature-true-p (cadr expression))))
        (t nil)))

(defun %dependency-name (spec)
  ;; A dependency: a name, (:version name v), (:feature f name) or (:require name).
  (cond ((atom spec) (coerce-name spec))
        ((eq (car spec) :version) (coerce-name (second spec)))
        ((eq (car spec) :feature) (when (%feature-true-p (second spec)) (%dependency-name (third spec))))
        ((eq (car spec) :require) nil)
        (t (coerce-name spec))))

(defun %define-perform-methods (system performs)
  ;; :perform (test-op (o c) body...): a PERFORM method on this system.
  ;; Also with a qualifier: :perform (load-op :after (o c) body...).
  (dolist (p performs)
    (let* ((op-spec (car p))
           (qualifiers (loop for x in (cdr p) while (keywordp x) collect x))
           (rest (nthcdr (length qualifiers) (cdr p)))
           (o (first (car rest))) (c (second (car rest))) (body (cdr rest))
           (op (if (consp op-spec) (car op-spec) op-spec)))
      (eval `(defmethod perform ,@qualifiers ((,o ,(intern (symbol-name op) :asdf)) (,c (eql ',system)))
               (declare (ignorable ,o ,c))
               ,@body)))))

(defun register-system (name &rest options &key pathname components depends-on serial version
                                                in-order-to perform defsystem-depends-on
                                                (class 'system) located-by &allow-other-keys)
  (declare (ignore class located-by))
  (dolist (d defsystem-depends-on)
    (let ((n (%dependency-name d))) (when n (load-system n))))
  (let* ((name (coerce-name name))
         (asd (or *load-truename* *load-pathname*))
         (base (if asd (directory-namestring asd) (namestring *default-pathname-defaults*)))
         (directory (cond ((null pathname) base)
                          ((equal (namestring pathname) "") base)
                          (t (%ensure-slash (concatenate 'string base (namestring pathname))))))
         (system (make-instance 'system :name name :pathname directory :version version
                                        :source-file (and asd (namestring asd))
                                        :system-depends-on depends-on :in-order-to in-order-to
                                        :properties options)))
    (setf (component-children system) (%parse-components components system directory serial))
    (setf (gethash name *systems*) system)
    (when perform (%define-perform-methods system (if (and perform (symbolp (car perform))) (list perform) perform)))
    system))

(defmacro defsystem (name &body options)
  `(register-system ',name ,@(loop for (k v) on options by #'cddr collect k collect `',v)))

;;; Loading

(defun %sorted-children (module)
  ;; The children in an order that respects :depends-on (a stable topological sort).
  (let ((children (component-children module)) (done nil) (out nil))
    (labels ((visit (c path)
               (unless (member c done)
                 (when (member c path) (error "circular :depends-on among ~S" (mapcar #'component-name path)))
                 (dolist (d (component-depends-on-names c))
                   (let ((dep (find d children :key #'component-name :test #'string=)))
                     (when dep (visit dep (cons c path)))))
                 (push c done)
                 (push c out))))
      (dolist (c children) (visit c nil)))
    (nreverse out)))

;;; Fasls. The first load of a source file by the system loader also writes its fasl (the file's
;;; forms with their macros expanded) into the user cache, at the source's absolute path below
;;; $XDG_CACHE_HOME/common-lisp/<implementation>/, as ASDF's output translations place them. Later
;;; loads read the fasl when it is newer than its source and no older than any fasl loaded before it
;;; for the same system and the systems it depends on: a file whose macros changed is loaded from
;;; source again, and so is everything after it.
(defvar *user-cache* :default
  "The directory fasls are kept in; :DEFAULT is $XDG_CACHE_HOME/common-lisp/<implementation>/ (or
~/.cache/...), NIL loads every system from source and keeps no fasls.")

(defvar *fasl-stamp* 0
  "The newest fasl date among what the system being loaded has loaded so far, dependencies included.")

(defvar *system-stamps* (make-hash-table :test 'equal)
  "Each loaded system's *FASL-STAMP* when it finished loading.")

(defvar *load-source-only* nil "True while LOAD-SOURCE-OP loads: fasls are neither read nor written.")

(defun %user-cache-directory ()
  (let ((cache (if (eq *user-cache* :default)
                   (let ((xdg (getenv "XDG_CACHE_HOME")))
                     (format nil "~A/common-lisp/~A/"
                             (string-right-trim "/" (if (plusp (length xdg))
                                                        xdg
                                                        (concatenate 'string (namestring (user-homedir-pathname)) ".cache")))
                             (implementation-identifier)))
                   (and *user-cache* (namestring *user-cache*)))))
    (when cache
      (if (char= (char cache (1- (length cache))) #\/) cache (concatenate 'string cache "/")))))

(defun %fasl-pathname (source)
  ;; Where SOURCE's fasl goes: its absolute path below the cache, with the type efasl.
  (let ((directory (%user-cache-directory)))
    (when directory
      (let* ((path (namestring (truename source)))
             (slash (or (position #\/ path :from-end t) -1))
             (dot (position #\. path :from-end t :start (1+ slash))))
        (concatenate 'string directory (string-left-trim "/" (subseq path 0 (or dot (length path)))) ".efasl")))))

(defun %load-source-file (source)
  (let ((fasl (and (not *load-source-only*) (ignore-errors (%fasl-pathname source)))))
    (cond ((null fasl) (load source))
          ((and (probe-file fasl)
                (> (file-write-date fasl) (file-write-date source))
                (>= (file-write-date fasl) *fasl-stamp*)
                (sys::%%fasl-current-p fasl))
           (load fasl))
          (t (when *load-verbose* (format t "~&; loading ~S~%" (truename source)))
             (sys::%%load-writing-fasl source fasl)))
    (when (and fasl (probe-file fasl))
      (setf *fasl-stamp* (max *fasl-stamp* (file-write-date fasl))))))

(defun %load-component (c)
  (when (%feature-true-p (component-if-feature c))
    (typecase c
      (module (dolist (child (%sorted-children c)) (%load-component child)))
      (cl-source-file (%load-source-file (component-pathname c)))
      (epsilon-file (sys::%%load-library-file (concatenate 'string (component-name c) ".lisp")))
      (t nil))))

(defun %load-system (system)
  (let ((name (component-name system)))
    (unless (gethash name *loaded*)
      (when (member name *loading* :test #'string=)
        (error "circular dependency: ~{~A~^ -> ~}" (reverse (cons name *loading*))))
      (let ((*loading* (cons name *loading*))
            (*fasl-stamp* 0))
        (dolist (d (system-depends-on system))
          (let ((n (%dependency-name d)))
            (when n
              (let ((dependency (find-system n)))
                (%load-system dependency)
                (setf *fasl-stamp* (max *fasl-stamp* (gethash (component-name dependency) *system-stamps* 0)))))))
        (%load-component system)
        (perform (make-instance 'load-op) system)
        (setf (gethash name *system-stamps*) *fasl-stamp*))
      (setf (gethash name *loaded*) t))
    t))

(defun %in-order-to (system op-name)
  ;; (:in-order-to ((test-op (test-op "x-tests")))): the (operation system) pairs to do first.
  (let ((out nil))
    (dolist (entry (system-in-order-to system))
      (when (string= (symbol-name (car entry)) op-name)
        (dolist (dep (cdr entry))
          (dolist (target (cdr dep))
            (push (list (symbol-name (car dep)) (coerce-name target)) out)))))
    (nreverse out)))

(defun operate (operation system &rest args &key force &allow-other-keys)
  (declare (ignore args))
  (let* ((op-name (string-upcase (if (symbolp operation) (symbol-name operation)
                                     (symbol-name (type-of operation)))))
         (system (if (typep system 'system) system (find-system system))))
    (when force (remhash (component-name system) *loaded*))
    (cond ((string= op-name "LOAD-SOURCE-OP")
           (let ((*load-source-only* t)) (%load-system system)))
          ((member op-name '("LOAD-OP" "COMPILE-OP" "PREPARE-OP") :test #'string=)
           (%load-system system))
          ((string= op-name "TEST-OP")
           (%load-system system)
           (dolist (pair (%in-order-to system "TEST-OP"))
             (operate (intern (first pair) :asdf) (second pair)))
           (perform (make-instance 'test-op) system))
          (t (error "unsupported operation ~S" operation)))
    (values operation system)))

(defun oos (operation system &rest args) (apply #'operate operation system args))
(defun load-system (system &rest args) (apply #'operate 'load-op system args) t)
(defun load-systems (&rest systems) (mapc #'load-system systems) nil)
(defun require-system (system &rest args) (apply #'load-system system args))
(defun test-system (system &rest args) (apply #'operate 'test-op system args) t)

(defun find-component (base path)
  (let ((base (if (typep base 'component) base (find-system base))))
    (if (null path)
        base
        (let ((name (coerce-name (if (consp path) (car path) path))))
          (let ((child (find name (component-children base) :key #'component-name :test #'string=)))
            (if (and child (consp path) (cdr path)) (find-component child (cdr path)) child))))))

(defun system-source-directory (system)
  (component-pathname (if (typep system 'system) system (find-system system))))

(defun system-relative-pathname (system name &key type)
  (let ((name (if type (concatenate 'string (namestring name) "." type) (namestring name))))
    (concatenate 'string (system-source-directory system) name)))

(pushnew :asdf *features*)
(pushnew :asdf3 *features*)
(pushnew :asdf3.1 *features*)
(provide "ASDF")
