; The real CFFI (loaded through ASDF from the installed sources) and epsilon.foreign share pointers
; and callbacks; everyday CFFI idioms also work through epsilon.foreign.
(require :asdf)
(asdf:load-system :cffi)

; A callback CFFI defined, called by an Epsilon foreign call, and the other way round.
(cffi:defcallback cffi-compare :int ((a :pointer) (b :pointer))
  (- (cffi:mem-ref a :int) (cffi:mem-ref b :int)))
(defcallback epsilon-compare :int ((a :pointer) (b :pointer))
  (- (mem-ref b :int) (mem-ref a :int)))
(let ((v (make-array 5 :element-type '(signed-byte 32) :initial-contents '(50 -3 7 0 12))))
  (with-pinned-array (p v)
    (shared-call '("qsort" "libc") :void '(:pointer :size :size :pointer) p 5 4 (cffi:callback cffi-compare))
    (print v)
    (cffi:foreign-funcall "qsort" :pointer p :size 5 :size 4 :pointer (callback epsilon-compare) :void)
    (print v)))

; Memory from one side, read and freed by the other.
(let ((p (cffi:foreign-alloc :int :count 3 :initial-contents '(10 20 30))))
  (print (list (mem-aref p :int 0) (mem-aref p :int 2) (foreign-pointer-p p) (cffi:pointerp p)))
  (foreign-free p))
(let ((p (foreign-alloc :double :count 2)))
  (setf (mem-aref p :double 1) 2.5d0)
  (print (cffi:mem-aref p :double 1))
  (cffi:foreign-free p))
(cffi:with-foreign-string (s "héllo")
  (print (list (shared-call '("strlen" "libc") :size '(:pointer) s) (foreign-string-to-lisp s))))

; Everyday CFFI idioms through epsilon.foreign.
(let ((s (foreign-string-alloc "from C")))
  (print (convert-from-foreign s :string))
  (foreign-free s))
(print (convert-from-foreign (null-pointer) :string))
(print (foreign-pointer-p (callback epsilon-compare)))
(print (pointer-address (make-pointer #xffffffffffffffff)))
(print (cffi:pointer-address (cffi:make-pointer #xffffffffffffffff)))
(define-c-struct-auto timeval-c "struct timeval { long tv_sec; long tv_usec; };")
(with-c-struct (tv timeval-c)
  (setf (struct-ref tv 'tv_sec) 7
        (struct-ref tv 'tv-usec) 8)
  (print (list (struct-ref tv 'tv-sec) (struct-ref tv 'tv_usec))))

; A library CFFI loaded joins the flat namespace that shared-call spells :default (README's example).
(cffi:define-foreign-library libm (:unix "libm.so.6"))
(cffi:use-foreign-library libm)
(cffi:defcfun ("cos" c-cos) :double (x :double))
(print (list (c-cos 0d0) (shared-call '("cos" :default) :double '(:double) 0d0)))
; The real CFFI replaced the prelude's small CFFI package of the same name.
(print (eq 'cffi:null-pointer 'cffi-sys:null-pointer))
