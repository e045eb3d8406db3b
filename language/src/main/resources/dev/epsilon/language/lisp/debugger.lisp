;;;; The interactive side of the condition system: INVOKE-DEBUGGER, BREAK, the debugger loop that
;;;; lists the active restarts by number (as SBCL's does), and the REPL's evaluation of a form with
;;;; its history variables. The REPL of the launcher reads the lines; everything else is here.
;;;; Read in package EPSILON.SYSTEM.

(defvar *repl-read-line* nil
  "While the REPL runs: a function of a prompt that answers the next line typed, or NIL at end of
input. The debugger is interactive only then; in a script an unhandled error ends the program.")
(defvar *repl-thread* nil "The thread the REPL evaluates on: the one Ctrl-C interrupts.")
(defvar *debug-level* 0)

(define-condition interactive-interrupt (condition) ()
  (:report (lambda (c stream) (declare (ignore c)) (format stream "Interactive interrupt (Ctrl-C)"))))
(export '(interactive-interrupt *repl-read-line*))

(defun invoke-debugger (condition)
  (let ((hook *debugger-hook*))
    (when hook
      (let ((*debugger-hook* nil))
        (funcall hook condition hook))))
  (if (and *repl-read-line* (eq (%%current-thread) *repl-thread*))
      (%debugger-loop condition)
      (%%error-unhandled condition)))

(defun break (&optional (format-control "Break") &rest format-arguments)
  (with-simple-restart (continue "Return from BREAK.")
    (let ((*debugger-hook* nil))
      (invoke-debugger (make-condition 'simple-condition :format-control format-control
                                                         :format-arguments format-arguments))))
  nil)

(defun invoke-restart-interactively (restart)
  (let ((r (if (symbolp restart) (find-restart restart) restart)))
    (unless r (error 'control-error :format-control "No restart ~s is active." :format-arguments (list restart)))
    (if (member (restart-name r) '(use-value store-value))
        (invoke-restart r (eval (%debugger-read-form "Enter a form to be evaluated: ")))
        (invoke-restart r))))

(defun %read-line-at-repl (prompt)
  ;; What Lisp printed shows before the prompt.
  (finish-output *standard-output*)
  (finish-output *debug-io*)
  (funcall *repl-read-line* prompt))

(defun %debugger-read-form (prompt)
  (let ((line (%read-line-at-repl prompt)))
    (if line (read-from-string line) (invoke-restart (find-restart 'abort)))))

(defun %print-restarts (restarts)
  (format *debug-io* "~&restarts (invokable by number or by possibly-abbreviated name):~%")
  (let ((i 0))
    (dolist (r restarts)
      (format *debug-io* "  ~d: [~a] ~a~%" i (restart-name r) (or (restart-report r) (restart-name r)))
      (incf i))))

(defun %restart-by-name (text restarts)
  (let ((name (string-upcase (string-trim " :" text))))
    (and (plusp (length name))
         (find-if (lambda (r) (let ((n (symbol-name (restart-name r))))
                                (and (<= (length name) (length n)) (string= name n :end2 (length name)))))
                  restarts))))

(defun %debugger-loop (condition)
  (let* ((*debug-level* (1+ *debug-level*))
         (restarts (compute-restarts condition)))
    (format *debug-io* "~&~%debugger invoked on a ~s: ~a~%~%Type a restart number or name to choose it, ~
                        or a form to evaluate here.~%" (type-of condition) condition)
    (%print-restarts restarts)
    (loop
      (let ((line (%read-line-at-repl (format nil "~d] " *debug-level*))))
        (when (null line)
          (invoke-restart (find-restart 'abort)))
        (let* ((text (string-trim '(#\Space #\Tab) line))
               (number (and (plusp (length text)) (every #'digit-char-p text) (parse-integer text)))
               (named (and (not number) (plusp (length text)) (char/= (char text 0) #\() (%restart-by-name text restarts))))
          (cond ((zerop (length text)))
                ((and number (< number (length restarts)))
                 (invoke-restart-interactively (nth number restarts)))
                (number (format *debug-io* "~&There is no restart ~d.~%" number))
                (named (invoke-restart-interactively named))
                ((member text '("backtrace" "bt" "help") :test #'string-equal)
                 (%print-restarts restarts))
                (t (%repl-eval-text text))))))))

(defvar * nil) (defvar ** nil) (defvar *** nil)
(defvar + nil) (defvar ++ nil) (defvar +++ nil)
(defvar / nil) (defvar // nil) (defvar /// nil)
(defvar - nil)

(defun %repl-eval-form (form)
  (setq - form)
  (let ((values (multiple-value-list (eval form))))
    (setq /// // // / / values
          *** ** ** * * (first values)
          +++ ++ ++ + + form)
    (if values
        (dolist (v values) (fresh-line) (prin1 v) (terpri))
        (format t "~&; No values~%"))
    (force-output)))

(defun %repl-eval-text (text)
  (with-input-from-string (in text)
    (loop
      (let ((form (read in nil in)))
        (when (eq form in) (return))
        (%repl-eval-form form)))))

(defun %repl-eval (text read-line)
  "Evaluates the forms of TEXT as the REPL does: each with an ABORT restart back to the top level,
its values printed, the history variables set."
  ;; The thread is global, not bound: Ctrl-C's handler runs on another thread and must see it.
  (setq *repl-thread* (%%current-thread))
  (let ((*repl-read-line* read-line))
    (restart-case (%repl-eval-text text)
      (abort () :report "Return to the top level."
        (format *debug-io* "~&; back to the top level~%")
        (finish-output *debug-io*)))
    nil))

(defun %interrupt-repl ()
  "Called from another thread when the user presses Ctrl-C: the REPL thread enters the debugger
where it is, with a CONTINUE restart that resumes it."
  (when *repl-thread*
    (%%interrupt-thread *repl-thread*
                        (lambda ()
                          (with-simple-restart (continue "Resume the interrupted form.")
                            (invoke-debugger (make-condition 'interactive-interrupt)))))))

;; (quit) and (exit) at the REPL, as SBCL has them from SB-EXT: EPSILON.EXT, which CL-USER uses.
(defun quit (&key (code 0)) (exit :code code))
(defpackage "EPSILON.EXT"
  (:use "COMMON-LISP")
  (:import-from "EPSILON.SYSTEM" "EXIT" "QUIT")
  (:export "EXIT" "QUIT"))
(use-package "EPSILON.EXT" "COMMON-LISP-USER")
