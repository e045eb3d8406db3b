;;; trivial-features loads and the platform features are those SBCL has after loading it
;;; (SBCL made trivial-features.out).
(require :asdf)
(asdf:load-system :trivial-features)
(print (sort (mapcar #'symbol-name
                     (remove-if-not (lambda (f)
                                      (member f '(:little-endian :big-endian :x86-64 :x86 :arm64 :arm :ppc :linux :unix
                                                  :64-bit :32-bit :bsd :windows :darwin :freebsd)))
                                    *features*))
             #'string<))
