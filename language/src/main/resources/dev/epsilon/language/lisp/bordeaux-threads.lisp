;;;; BORDEAUX-THREADS on Epsilon: the implementation part of Bordeaux Threads (as impl-sbcl.lisp is
;;;; SBCL's), on Epsilon's thread primitives. Loaded by the bordeaux-threads system that Epsilon's
;;;; ASDF defines, between the installed src/bordeaux-threads.lisp and src/default-implementations.lisp.
;;;; Threads are Truffle threads of the context; a new thread sees the global values of specials.

(in-package #:bordeaux-threads)

(deftype thread () '(satisfies threadp))

(defun %make-thread (function name)
  (epsilon.system::%%make-thread function name))

(defun current-thread () (epsilon.system::%%current-thread))
(defun threadp (object) (epsilon.system::%%threadp object))
(defun thread-name (thread) (epsilon.system::%%thread-name thread))
(defun thread-alive-p (thread) (epsilon.system::%%thread-alive-p thread))
(defun join-thread (thread) (epsilon.system::%%join-thread thread))
(defun all-threads () (epsilon.system::%%all-threads))
(defun thread-yield () (epsilon.system::%%thread-yield))

;;; Locks: a lock refuses to be taken again by the thread holding it; a recursive lock counts.

(deftype lock () '(satisfies lock-p))
(deftype recursive-lock () '(satisfies recursive-lock-p))

(defun lock-p (object) (epsilon.system::%%lockp object))
(defun recursive-lock-p (object) (epsilon.system::%%lockp object))
(defun make-lock (&optional name) (epsilon.system::%%make-lock name nil))
(defun make-recursive-lock (&optional name) (epsilon.system::%%make-lock name t))
(defun acquire-lock (lock &optional (wait-p t)) (epsilon.system::%%acquire-lock lock wait-p))
(defun release-lock (lock) (epsilon.system::%%release-lock lock))
(defun acquire-recursive-lock (lock) (epsilon.system::%%acquire-lock lock t))
(defun release-recursive-lock (lock) (epsilon.system::%%release-lock lock))

(defmacro with-lock-held ((place) &body body)
  (let ((lock (gensym "LOCK")))
    `(let ((,lock ,place))
       (acquire-lock ,lock t)
       (unwind-protect (progn ,@body) (release-lock ,lock)))))

(defmacro with-recursive-lock-held ((place &key timeout) &body body)
  (declare (ignore timeout))
  (let ((lock (gensym "LOCK")))
    `(let ((,lock ,place))
       (acquire-recursive-lock ,lock)
       (unwind-protect (progn ,@body) (release-recursive-lock ,lock)))))

;;; Condition variables

(defun make-condition-variable (&key name) (epsilon.system::%%make-condition-variable name))

(defun condition-wait (condition-variable lock &key timeout)
  (epsilon.system::%%condition-wait condition-variable lock timeout))

(defun condition-notify (condition-variable)
  (epsilon.system::%%condition-notify condition-variable nil))

(defun condition-broadcast (condition-variable)
  (epsilon.system::%%condition-notify condition-variable t))

;;; Atomic integers (the names Bordeaux Threads 2 gives them).

(defun make-atomic-integer (&key (value 0)) (epsilon.system::%%make-atomic-integer value))
(defun atomic-integer-incf (atomic &optional (delta 1)) (epsilon.system::%%atomic-integer-incf atomic delta))
(defun atomic-integer-decf (atomic &optional (delta 1)) (epsilon.system::%%atomic-integer-incf atomic (- delta)))
(defun atomic-integer-value (atomic) (epsilon.system::%%atomic-integer-value atomic))
(defun atomic-integer-compare-and-swap (atomic old new) (epsilon.system::%%atomic-integer-cas atomic old new))

(export '(condition-broadcast make-atomic-integer atomic-integer-incf atomic-integer-decf
          atomic-integer-value atomic-integer-compare-and-swap))
