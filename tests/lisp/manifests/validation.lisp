; Invalid manifests are errors naming the file, the line (where it can be found) and the key.
(dolist (name '("bad-link" "unknown-key" "unknown-type" "unknown-pass" "duplicate" "by-ref-int" "malformed" "bad-value"))
  (let ((path (merge-pathnames (format nil "invalid/~a.toml" name) *load-truename*)))
    (format t "~a~%" (handler-case (progn (load-manifest path) 'loaded)
                       (ffi-manifest-error (e)
                         (let ((text (format nil "~a" e)))
                           (subseq text (search "invalid/" text))))))))
(format t "~a~%" (handler-case (include-ffi "no-such-library") (ffi-manifest-error (e) (format nil "~a" e))))
(format t "~a~%" (handler-case (load-manifest "/nonexistent/m.toml") (ffi-manifest-error () 'missing-file)))
