;;; Creates, fills and queries a SQLite database through functions a TOML manifest declares.
;;;   bin/epsilon --ffi-manifest examples/ffi/sqlite/sqlite.toml examples/ffi/sqlite/program.lisp
;;; (Without --ffi-manifest, (include-ffi "sqlite") loads the same manifest built into Epsilon.)
(include-ffi "sqlite")

(defconstant +sqlite-ok+ 0)
(defconstant +sqlite-row+ 100)

(defun check (db code what)
  (unless (= code +sqlite-ok+)
    (error "~a failed: ~a" what (db-errmsg db))))

(multiple-value-bind (code db) (db-open ":memory:")
  (check db code "open")
  (unwind-protect
       (progn
         (check db (db-exec db "CREATE TABLE langs (name TEXT, year INTEGER, rating REAL)") "create")
         (dolist (row '(("Lisp" 1958 9.5d0) ("C" 1972 8.0d0) ("Epsilon" 2026 7.25d0)))
           (check db (db-exec db (format nil "INSERT INTO langs VALUES ('~a', ~d, ~f)" (first row) (second row) (third row)))
                  "insert"))
         (multiple-value-bind (code stmt) (db-prepare db "SELECT name, year, rating FROM langs ORDER BY year")
           (check db code "prepare")
           (unwind-protect
                (loop while (= (db-step stmt) +sqlite-row+)
                      do (format t "~8a ~d ~,2f~%"
                                 (db-column-text stmt 0) (db-column-int stmt 1) (db-column-double stmt 2)))
             (db-finalize stmt))))
    (db-close db)))
