; Callbacks: Lisp functions as C function pointers (make-callback, defcallback, with-callback),
; the guide's qsort example, errors inside callbacks, and calls from threads C started.
(let* ((array (make-array 8 :element-type '(signed-byte 32) :initial-contents '(3 1 4 1 5 9 2 6)))
       (compare-fn (lambda (a-ptr b-ptr)
                     (let ((a (sb-alien:deref (sb-alien:cast a-ptr (* sb-alien:int)) 0))
                           (b (sb-alien:deref (sb-alien:cast b-ptr (* sb-alien:int)) 0)))
                       (cond ((< a b) -1)
                             ((> a b) 1)
                             (t 0)))))
       (callback-ptr (make-callback compare-fn :int '(:pointer :pointer))))
  (sb-sys:with-pinned-objects (array)
    (shared-call '("qsort" "libc") :void
                 '(:pointer :unsigned-long :unsigned-long :pointer)
                 (sb-sys:vector-sap array) 8 4 callback-ptr))
  (print array)
  (free-callback callback-ptr))

(defcallback my-comparator :int ((a :pointer) (b :pointer))
  (- (deref-int a) (deref-int b)))
(let ((v (make-array 5 :element-type '(signed-byte 32) :initial-contents '(50 -3 7 0 12))))
  (with-pinned-array (p v)
    (shared-call '("qsort" "libc") :void '(:pointer :size :size :pointer) p 5 4 (callback 'my-comparator)))
  (print v))

(with-callback (square (lambda (x) (* x x)) :int '(:int))
  (print (shared-call '("fx_apply_callback" "libepsilon-fixture") :int '(:pointer :int) square 12))
  (print (shared-call '("fx_sum_callback" "libepsilon-fixture") :long '(:pointer :int) square 100)))
(with-callback (hyp (lambda (a b) (sqrt (+ (* a a) (* b b)))) :double '(:double :double))
  (print (shared-call '("fx_apply_double_callback" "libepsilon-fixture") :double '(:pointer :double :double) hyp 3d0 4d0)))

;; An error inside a callback does not unwind through C: C gets 0, and the error is signalled in
;; Lisp when the foreign call returns.
(print (handler-case
           (with-callback (bad (lambda (x) (if (= x 3) (error "callback failed at ~a" x) x)) :int '(:int))
             (shared-call '("fx_sum_callback" "libepsilon-fixture") :long '(:pointer :int) bad 10))
         (error (e) (format nil "caught: ~a" e))))
(print (catch 'out
         (with-callback (escape (lambda (x) (when (= x 2) (throw 'out 'thrown-from-callback)) x) :int '(:int))
           (shared-call '("fx_sum_callback" "libepsilon-fixture") :long '(:pointer :int) escape 5))))

;; Eight threads that C starts, each calling back 10,000 times.
(with-callback (ident (lambda (x) x) :int '(:int))
  (print (shared-call '("fx_call_in_threads" "libepsilon-fixture") :long '(:pointer :int :int) ident 8 10000)))
(print (epsilon.system::%%live-callbacks))

;; Structs by value in and out of a callback.
(define-c-struct pair (a :int32) (b :int32))
(with-callback (swap (lambda (p)
                       (let ((out (make-c-struct 'pair)))
                         (setf (struct-ref out 'a) (struct-ref p 'b) (struct-ref out 'b) (struct-ref p 'a))
                         out))
                     '(:struct pair) '((:struct pair)))
  (print (shared-call '("fx_apply_pair_callback" "libepsilon-fixture") :int '(:pointer :int :int) swap 7 42)))

;; A freed callback handed to C again is caught before C can call it.
(let ((cb (make-callback (lambda (x) x) :int '(:int))))
  (free-callback cb)
  (print (handler-case (shared-call '("fx_apply_callback" "libepsilon-fixture") :int '(:pointer :int) cb 1)
           (foreign-memory-error () 'freed-callback)))
  (print (handler-case (free-callback cb) (foreign-error () 'already-freed))))
(terpri)

;; Pointers both ways: the callback gets C's pointer and hands back another one.
(with-foreign-memory ((buf :int :count 4))
  (with-callback (advance (lambda (p) (inc-pointer p 8)) :pointer '(:pointer))
    (let ((r (shared-call '("fx_apply_pointer_callback" "libepsilon-fixture") :pointer '(:pointer :pointer) advance buf)))
      (print (- (pointer-address r) (pointer-address buf))))))
;; Every scalar type through a callback, at its boundaries.
(defun through (fn ret type x)
  (with-callback (cb (lambda (v) v) ret (list type))
    (shared-call (list fn "libepsilon-fixture") ret (list :pointer type) cb x)))
(print (through "fx_apply_float_callback" :float :float 2.5))
(print (through "fx_apply_u8_callback" :uint8 :uint8 255))
(print (through "fx_apply_i16_callback" :int16 :int16 -32768))
(print (through "fx_apply_u32_callback" :uint32 :uint32 4294967295))
(print (through "fx_apply_u64_callback" :uint64 :uint64 18446744073709551615))
(print (list (through "fx_apply_bool_callback" :bool :bool t) (through "fx_apply_bool_callback" :bool :bool nil)))
(with-callback (cb (lambda (b) (not b)) :bool '(:bool))
  (print (shared-call '("fx_apply_bool_callback" "libepsilon-fixture") :bool '(:pointer :bool) cb nil)))
(with-callback (cb (lambda (x) (shared-call '("fx_note" "libepsilon-fixture") :void '(:int64) (* 2 x))) :void '(:int64))
  (print (shared-call '("fx_call_void_callback" "libepsilon-fixture") :int64 '(:pointer :int64) cb 21)))
(with-callback (cb (lambda (a b c d e p) (print (list a b c d e (pointer-address p))) (+ a b c d)) :double
                   '(:int8 :float :uint16 :double :int64 :pointer))
  (print (shared-call '("fx_apply_mixed_callback" "libepsilon-fixture") :double '(:pointer) cb)))
