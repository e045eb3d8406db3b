; leaf = true in a manifest: the binding is a leaf call, with the same results; a callback given to
; it is refused before C could call it back; leaf takes only true or false.
(load-manifest (merge-pathnames "leaf.toml" *load-truename*))
(print (echo-as-leaf -12345678901))
(with-callback (twice (lambda (x) (* 2 x)) :int '(:int))
  (print (handler-case (apply-as-leaf twice 21)
           (foreign-error (e) (list (type-of e) (and (search "leaf call" (princ-to-string e)) t))))))
(with-open-file (out "/tmp/epsilon-bad-leaf.toml" :direction :output :if-exists :supersede)
  (format out "[[library]]~%name = \"c\"~%link = \"c\"~%~%[[library.function]]~%c_name = \"abs\"~%lisp_name = \"bad-leaf-abs\"~%leaf = \"yes\"~%args = [{ type = \"int\" }]~%[library.function.return]~%type = \"int\"~%"))
(print (handler-case (load-manifest "/tmp/epsilon-bad-leaf.toml")
         (ffi-manifest-error (e) (and (search "leaf of abs is true or false" (princ-to-string e)) :refused))))
