; examples/ffi/sqlite/program.lisp: create, fill and query a database through the sqlite manifest.
(load (merge-pathnames "../../../examples/ffi/sqlite/program.lisp" *load-truename*))
