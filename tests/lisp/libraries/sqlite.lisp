;;; cl-sqlite, a CFFI binding loaded unchanged from the installed sources: CFFI's front end on
;;; Epsilon's backend calls libsqlite3 as on SBCL (SBCL made sqlite.out).
(require :asdf)
;; CFFI warns on stderr that these bindings use deprecated bare struct types, as on SBCL.
(let ((*error-output* (make-broadcast-stream))) (asdf:load-system :sqlite))
(defpackage :sqlite-golden (:use :cl :sqlite))
(in-package :sqlite-golden)

(with-open-database (db ":memory:")
  (execute-non-query db "create table users (id integer primary key, name text not null, age integer, score real)")
  (execute-non-query db "insert into users (name, age, score) values (?, ?, ?)" "Ann" 31 1.5d0)
  (execute-non-query db "insert into users (name, age, score) values (?, ?, ?)" "Jürgen Æsir 日本" 42 -2.25d0)
  (execute-non-query db "insert into users (name, age, score) values (?, ?, ?)" "Null age" nil 0d0)
  (print (execute-to-list db "select id, name, age, score from users order by id"))
  (print (execute-single db "select name from users where age = ?" 42))
  (print (execute-single db "select length(name) from users where id = ?" 2))
  (print (last-insert-rowid db))
  ;; Named parameters, a prepared statement stepped by hand, and a transaction rolled back.
  (execute-non-query/named db "insert into users (name, age) values (:name, :age)" ":name" "Bo" ":age" 7)
  (let ((statement (prepare-statement db "select name, age from users where age > ? order by age")))
    (bind-parameter statement 1 10)
    (loop while (step-statement statement)
          do (print (list (statement-column-value statement 0) (statement-column-value statement 1))))
    (finalize-statement statement))
  (ignore-errors
   (with-transaction db
     (execute-non-query db "delete from users")
     (error "roll back")))
  (print (execute-single db "select count(*) from users"))
  (print (handler-case (execute-non-query db "select * from no_such_table")
           (sqlite-error (e) (list :sqlite-error (sqlite-error-code e))))))
