;;; Leaf calls (short, never calling back, made without the thread-state transition): declared with
;;; :LEAF T in the function's description, as (NAME :LEAF T) in DEFSHARED, or leaf = true in a
;;; manifest; libc's well-known leaves (abs, strlen, memcpy, ...) are leaves however they are bound.
;;; They return what ordinary calls return; a callback handed to one is refused before C can call it.
(defshared (echo-leaf :leaf t) "fx_echo_i64" "libepsilon-fixture" :int64 (x :int64))
(defshared echo-plain "fx_echo_i64" "libepsilon-fixture" :int64 (x :int64))
(print (list (echo-leaf (- (expt 2 62))) (echo-plain (- (expt 2 62)))))
(defun sum-echo (n) (let ((s 0)) (dotimes (i n) (incf s (echo-leaf i))) s))
(print (sum-echo 100000))   ; enough calls for the call site to compile
(print (shared-call '("fx_narrow8" "libepsilon-fixture" :leaf t) :int64 '(:int8 :uint8 :int16 :uint16 :int32 :uint32 :int8 :uint16)
                    -1 255 -300 65535 -70000 4000000000 7 9))
(print (shared-call '("fx_narrow8" "libepsilon-fixture") :int64 '(:int8 :uint8 :int16 :uint16 :int32 :uint32 :int8 :uint16)
                    -1 255 -300 65535 -70000 4000000000 7 9))
;; libc's leaves, bound every way.
(defshared c-strlen "strlen" "libc" :size (s :string))
(print (list (c-strlen "héllo") (shared-call "abs" :int '(:int) -9) (shared-call '("labs" "libc") :long '(:long) -10)))
(with-foreign-memory ((a :char :count 8) (b :char :count 8))
  (shared-call '("memset" "libc") :pointer '(:pointer :int :size) a 65 7)
  (shared-call '("memcpy" "libc") :pointer '(:pointer :pointer :size) b a 8)
  (print (foreign-string-to-lisp b)))
;; A callback is refused by a leaf call, with the function named; an ordinary call takes it.
(with-callback (compare (lambda (a b) (- (mem-ref a :int) (mem-ref b :int))) :int '(:pointer :pointer))
  (with-foreign-memory ((v :int :count 3))
    (setf (mem-aref v :int 0) 3 (mem-aref v :int 1) 1 (mem-aref v :int 2) 2)
    (print (handler-case (shared-call '("qsort" "libc" :leaf t) :void '(:pointer :size :size :pointer) v 3 4 compare)
             (foreign-error (e) (list (type-of e) (and (search "qsort is a leaf call" (princ-to-string e)) t)))))
    (shared-call '("qsort" "libc") :void '(:pointer :size :size :pointer) v 3 4 compare)
    (print (list (mem-aref v :int 0) (mem-aref v :int 1) (mem-aref v :int 2)))))
;; A leaf's string arguments: the same string again and again reaches C from one cached copy,
;; strings that change every call are converted every call; the bytes are the same either way.
(let ((a "héllo wörld") (b "ascii only text!") (total 0))
  (dotimes (i 1000) (incf total (c-strlen a)))
  (dotimes (i 1000) (incf total (c-strlen (if (evenp i) a b))))
  (dotimes (i 1000) (incf total (c-strlen (format nil "~d" i))))
  (print total))
(defun compare-strings (x y) (shared-call "strcmp" :int '(:string :string) x y))
(print (let ((results nil))
         (dotimes (i 3) (push (list (signum (compare-strings "abc" "abd")) (compare-strings "ä" "ä")) results))
         results))
