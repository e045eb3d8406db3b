;;; Epsilon calls C: strlen from libc, on a Lisp string, converted to UTF-8 at the boundary.
(defun greet (name)
  (format t "Hello, ~a! Your name is ~a bytes of UTF-8.~%"
          name
          (shared-call '("strlen" "libc") :unsigned-long '(:string) name)))

(greet "world")
(greet "Wörld")
