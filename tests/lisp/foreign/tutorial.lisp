;;; The snippets of docs/tutorial.md, in order, as they appear there (section 7 loads the manifest
;;; that sits beside this file).

;; 1. A first script
(defun greet (name) (format nil "Hello, ~a!" name))
(print (greet "world"))

;; 2. A first foreign call
(print (shared-call '("strlen" "libc") :unsigned-long '(:string) "hello"))   ; 5
(print (shared-call '("abs" "libc") :int '(:int) -42))                       ; 42
(defshared c-abs "abs" "libc" :int (n :int))
(print (c-abs -7))                                                            ; 7

;; 3. Memory
(with-foreign-memory ((n :int) (buffer :char :count 32))
  (setf (mem-ref n :int) 7)
  (shared-call '("snprintf" "libc") :int '(:pointer :size :string &rest :int) buffer 32 "n is %d" (mem-ref n :int))
  (print (foreign-string-to-lisp buffer)))                                    ; "n is 7"

;; 4. Structs
(define-c-struct div-result (quot :int) (rem :int))
(let ((r (shared-call '("div" "libc") '(:struct div-result) '(:int :int) 17 5)))
  (print (list (struct-ref r 'quot) (struct-ref r 'rem))))                    ; (3 2)

;; 5. Callbacks
(with-foreign-memory ((xs :int :count 5))
  (loop for v in '(31 4 15 9 26) for i from 0 do (setf (mem-aref xs :int i) v))
  (with-callback (compare (lambda (a b) (- (mem-ref a :int) (mem-ref b :int))) :int '(:pointer :pointer))
    (shared-call '("qsort" "libc") :void '(:pointer :size :size :pointer) xs 5 4 compare))
  (print (loop for i below 5 collect (mem-aref xs :int i))))                 ; (4 9 15 26 31)

;; 6. When something is wrong
(print (handler-case (mem-ref (make-pointer 8) :int)
         (foreign-memory-error () :caught)))                                  ; :CAUGHT
(print (handler-case (shared-call '("no_such_function" "libc") :int '())
         (foreign-symbol-error () :no-such-symbol)))                          ; :NO-SUCH-SYMBOL

;; 7. Bindings from a manifest
(load-manifest (namestring (merge-pathnames "tutorial.toml" *load-truename*)))
(print (manifest-abs -3))            ; 3
