;;; FIND, POSITION and COUNT (and their -IF forms) on lists and vectors: bounds, :FROM-END, :KEY,
;;; :TEST, fill pointers, and errors for an :END past the end, as SBCL. They walk the sequence in
;;; place instead of copying it.
(defmacro try (form) `(handler-case ,form (error () :error)))
(print (list (find 3 '(1 2 3 4)) (find 3 #(1 2 3 4)) (find #\b "abcb" :from-end t) (find 9 '(1 2))))
(print (list (position 3 '(1 3 2 3)) (position 3 '(1 3 2 3) :from-end t) (position 3 #(1 3 2 3) :from-end t)
             (position 3 #(1 3 2 3) :start 2) (position 3 '(1 3 2 3) :start 2 :end 3) (position #\c "abcabc" :start 3)))
(print (list (position-if #'evenp '(1 3 4 6)) (position-if #'evenp #(1 3 4 6) :from-end t) (position-if-not #'oddp '(1 3 4 6))))
(print (list (count 1 '(1 2 1 1)) (count 1 #(1 2 1 1) :start 1) (count-if #'evenp '(1 2 4) :end 2) (count #\a "banana")))
(print (list (find 'b '((a 1) (b 2)) :key #'car) (position 2 '((a 1) (b 2)) :key #'cadr) (find 2 '(1 2 3) :test #'<)
             (find 2 '(1 2 3) :test-not #'=) (position 5 '(1 2 3) :test #'>)))
(print (list (try (position 1 '(1 2) :end 5)) (try (position 1 #(1 2) :end 5)) (try (find 1 '(1 2) :start 3))
             (try (position 1 #(1 2) :start 2 :end 1)) (position 1 '(1 2) :start 2) (find 1 #() )))
(print (list (find-if #'evenp '(1 2 3 4) :from-end t) (find-if-not #'evenp #(2 4 5)) (position #\b "abc" :end 1)))
(print (let ((v (make-array 5 :fill-pointer 3 :initial-contents '(1 2 3 4 5)))) (list (position 4 v) (find 3 v) (count-if #'plusp v))))
(print (list (position nil '(1 nil 2)) (find nil '(1 nil 2)) (position 1.0 '(1 1.0) :test #'eql)))
(print (list (try (position 9 '(1 2) :end 5)) (try (count 9 '(1 2) :end 5)) (try (find 9 '(1 2) :start 1 :end 3))))
