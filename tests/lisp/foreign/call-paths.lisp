;;; Every foreign call follows one protocol, whichever path makes it: a constant call site
;;; (SHARED-CALL with constant arguments, DEFSHARED), a computed SHARED-CALL (a description made at
;;; run time) and a trampoline (GET-OR-CREATE-TRAMPOLINE on a function pointer). The same calls
;;; through each path, on both engines, give the same results and the same conditions.
(define-c-struct pair (a :int32) (b :int32))
(defvar *fixture* (concatenate 'string "libepsilon-" "fixture"))
(defvar *log* '())

(load (merge-pathnames "addresses.lsp" *load-truename*))   ; SCRUB

(defun outcome (case thunk)
  (handler-case (let ((v (funcall thunk)))
                  (if (eq case :pair) (list (struct-ref v 'a) (struct-ref v 'b)) v))
    (error (e) (list :condition (type-of e) (scrub (princ-to-string e))))))

(defun signalling-callback (x)
  (push x *log*)
  (if (= x 13) (error "unlucky ~a" x) (* x 2)))

;; Each path as a function of (case &rest args); the cases are the same for all three.
(defshared add-int "fixture_add_int" "libepsilon-fixture" :int (a :int) (b :int))
(defshared make-pair "fx_make_pair" "libepsilon-fixture" (:struct pair) (a :int) (b :int))
(defshared apply-callback "fx_apply_callback" "libepsilon-fixture" :int (f :pointer) (x :int))

(defun constant-site (case &rest args)
  (destructuring-bind (&optional a b c) args
    (ecase case
      (:add (case (length args)
              (1 (shared-call '("fixture_add_int" "libepsilon-fixture") :int '(:int :int) a))
              (2 (add-int a b))
              (3 (shared-call '("fixture_add_int" "libepsilon-fixture") :int '(:int :int) a b c))))
      (:pair (make-pair a b))
      (:callback (apply-callback a b))
      (:add-literal (shared-call '("fixture_add_int" "libepsilon-fixture") :int '(:int :int) a b)))))

(defun computed (case &rest args)
  (ecase case
    (:add (apply #'shared-call (list "fixture_add_int" *fixture*) :int '(:int :int) args))
    (:pair (apply #'shared-call (list "fx_make_pair" *fixture*) '(:struct pair) '(:int :int) args))
    (:callback (apply #'shared-call (list "fx_apply_callback" *fixture*) :int '(:pointer :int) args))
    (:add-literal (apply #'shared-call (list "fixture_add_int" *fixture*) :int '(:int :int) args))))

(defun through-trampoline (case &rest args)
  (flet ((call (name result types)
           (apply (get-or-create-trampoline result types) (lib-function *fixture* name) args)))
    (ecase case
      (:add (call "fixture_add_int" :int '(:int :int)))
      (:pair (call "fx_make_pair" '(:struct pair) '(:int :int)))
      (:callback (call "fx_apply_callback" :int '(:pointer :int)))
      (:add-literal (call "fixture_add_int" :int '(:int :int))))))

(defun run-cases (name path)
  (format t "~&~a~%" name)
  (with-callback (cb #'signalling-callback :int '(:int))
    (dolist (c (list (list :add 2 40)
                     (list :add-literal -7 7)
                     (list :pair 20 22)
                     (list :callback cb 21)
                     (list :callback cb 13)       ; the callback signals: the error reaches the caller
                     (list :callback cb 4)        ; and the next call works
                     (list :add 1)                ; too few arguments
                     (list :add 1 2 3)            ; too many
                     (list :add "one" 2)          ; an argument of the wrong type
                     (list :add (expt 2 40) 0)))  ; out of range for :int
      (setq *log* '())
      (let ((result (outcome (car c) (lambda () (apply path c)))))
        (format t "  ~s -> ~s~@[ log ~s~]~%" (remove cb c) result (reverse *log*))
        (push (if (and (consp result) (eq (car result) :condition)) (second result) result) *outcomes*)))))

(defvar *outcomes* '())
(defvar *each-path* '())
(dolist (path (list (cons "constant call sites" #'constant-site)
                    (cons "computed shared-call" #'computed)
                    (cons "trampolines" #'through-trampoline)))
  (setq *outcomes* '())
  (run-cases (car path) (cdr path))
  (push *outcomes* *each-path*))
;; Results, and the types of the conditions, are the same on every path.
(print (every (lambda (o) (equal o (first *each-path*))) *each-path*))

;; Making a trampoline defines no function.
(get-or-create-trampoline :double '(:double :int))
(print (fboundp (find-symbol "%TRAMPOLINE" "EPSILON.SYSTEM")))
