;;;; Structures by value for CFFI on Epsilon: what the cffi-libffi system gives other Lisps, done by
;;;; Epsilon's own foreign calls (FFM passes and returns structs by value), so no libffi is needed.
;;;; CFFI's front end hands calls with a struct argument or result to *FOREIGN-STRUCTURES-BY-VALUE*;
;;;; the form made here translates every argument into foreign memory (CFFI's "indirect"
;;;; translation), reads scalars back, views structs in place, and makes one SHARED-CALL.

(in-package #:cffi)

(defvar *epsilon-struct-layouts* (make-hash-table :test 'eq)
  "CFFI struct and union types -> the symbol naming the same layout among Epsilon's structs.")

(defun epsilon-member-type (type)
  ;; A CFFI type as a member or argument type in Epsilon's struct notation.
  (let ((parsed (parse-type type)))
    (if (typep parsed 'foreign-struct-type)
        (list (if (typep parsed 'foreign-union-type) :union :struct) (epsilon-struct-layout parsed))
        (canonicalize parsed))))

(defun epsilon-struct-layout (type)
  "The Epsilon struct with TYPE's members at the same offsets, defined on first use."
  (or (gethash type *epsilon-struct-layouts*)
      (let* ((name (make-symbol (format nil "~A" (name type))))
             (slots (sort (loop for slot being the hash-values of (structure-slots type) collect slot)
                          #'< :key #'slot-offset))
             (members (loop for slot in slots
                            collect (let ((member-type (epsilon-member-type (slot-type slot)))
                                          (count (if (typep slot 'aggregate-struct-slot) (slot-count slot) 1)))
                                      (if (> count 1)
                                          (list (slot-name slot) (list :array member-type count))
                                          (list (slot-name slot) member-type))))))
        (epsilon.system::%%define-c-struct name (typep type 'foreign-union-type) members)
        (let ((ours (epsilon.foreign:foreign-type-size name)))
          (unless (= ours (size type))
            ;; A struct declared with :size beyond its members: the rest is padding, as C would lay it out.
            (epsilon.system::%%define-c-struct
             name nil (append members `((%padding (:array :unsigned-char ,(- (size type) ours))))))))
        (setf (gethash type *epsilon-struct-layouts*) name))))

(defun by-value-struct-p (type)
  (let ((parsed (parse-type type)))
    (and (typep parsed 'foreign-struct-type) (not (bare-struct-type-p parsed)))))

(defun epsilon-by-value-form (function arguments symbols types return-type argument-types
                              &optional pointerp)
  "The form for a foreign call with structures by value (see *FOREIGN-STRUCTURES-BY-VALUE*)."
  (let* ((void (eq (canonicalize-foreign-type return-type) :void))
         (struct-result (by-value-struct-p return-type))
         (call-types (mapcar #'epsilon-member-type argument-types))
         (call-values (loop for symbol in symbols
                            for type in call-types
                            collect (if (consp type)
                                        `(epsilon.foreign:c-struct-view ',(second type) ,symbol)
                                        `(mem-ref ,symbol ,type))))
         (target (if pointerp function `'(,function :default)))
         (call `(epsilon.foreign:shared-call ,target ',(if void :void (epsilon-member-type return-type))
                                             ',call-types ,@call-values)))
    (if (not struct-result)
        (translate-objects symbols arguments types return-type (if void `(progn ,call (values)) call) t)
        ;; The struct comes back in memory the call owns: copied into memory of this form's own,
        ;; which the return type's translator reads.
        (let ((result (gensym "RESULT")) (size (foreign-type-size return-type)))
          `(with-foreign-object (,result :unsigned-char ,size)
             ,(translate-objects
               symbols arguments types return-type
               `(progn
                  (epsilon.foreign:shared-call '("memcpy" "libc") :pointer '(:pointer :pointer :size)
                                               ,result (epsilon.foreign:struct-pointer ,call) ,size)
                  ,result)
               t))))))

(setf *foreign-structures-by-value* 'epsilon-by-value-form)
(pushnew :fsbv *features*)
