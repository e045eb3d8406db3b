;;; LOOP's FOR ... BEING THE SYMBOLS / PRESENT-SYMBOLS / EXTERNAL-SYMBOLS OF a package (CLHS 6.1.2.1.7),
;;; THE or EACH, OF or IN, singular or plural; without OF, the current package. CL-PPCRE lists its
;;; exported symbols this way when it loads.
(defpackage :loop-symbols (:use :cl) (:export #:alpha #:beta))
(in-package :loop-symbols)
(defun gamma () nil)
(print (sort (loop for s being the external-symbols of :loop-symbols collect (symbol-name s)) #'string<))
(print (sort (loop for s being each present-symbol in "LOOP-SYMBOLS"
                   when (member (symbol-name s) '("ALPHA" "BETA" "GAMMA") :test #'string=)
                     collect (symbol-name s))
             #'string<))
;; Accessible symbols include the inherited ones, each once.
(print (let ((all (loop for s being the symbols of (find-package :loop-symbols) collect s)))
         (list (= (length all) (length (remove-duplicates all)))
               (and (member 'car all) t)
               (and (member 'gamma all) t))))
(print (let ((*package* (find-package :loop-symbols)))
         (loop for s being the external-symbol count s)))
(print (loop for s being the external-symbols of :loop-symbols for i from 1 collect i))
;; Hash tables still iterate as before.
(print (let ((h (make-hash-table)))
         (setf (gethash 1 h) :one)
         (loop for k being the hash-keys of h using (hash-value v) collect (list k v))))
