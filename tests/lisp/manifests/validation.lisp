; Invalid manifests are errors naming the file, the line (where it can be found) and the key.
(dolist (name '("bad-link" "unknown-key" "unknown-type" "unknown-pass" "duplicate" "by-ref-int" "malformed" "bad-value"
                "cl-name" "nil-name" "special-operator" "non-string-name" "args-not-array" "void-argument"
                "value-out-of-range" "missing-symbol" "missing-library"))
  (let ((path (merge-pathnames (format nil "invalid/~a.toml" name) *load-truename*)))
    (format t "~a~%" (handler-case (progn (load-manifest path) 'loaded)
                       (ffi-manifest-error (e)
                         (let* ((text (format nil "~a" e))
                                (found (search "not found" text)))
                           ;; Where a library was searched for depends on the machine: cut there.
                           (subseq text (search "invalid/" text) (and found (+ found 9)))))))))
(format t "~a~%" (handler-case (include-ffi "no-such-library") (ffi-manifest-error (e) (format nil "~a" e))))
(format t "~a~%" (handler-case (load-manifest "/nonexistent/m.toml") (ffi-manifest-error () 'missing-file)))

;; Nothing of a refused manifest is defined.
(print (list (fboundp 'x-abs) (fboundp 'x-nothing) (car '(1 2))))
