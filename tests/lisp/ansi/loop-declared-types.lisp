;;; LOOP accepts declared types and ignores them: OF-TYPE and the simple types (fixnum, float, t,
;;; nil) after FOR, WITH and an accumulation's INTO, and destructuring WITH; as SBCL. split-sequence
;;; writes `sum 1 into n of-type fixnum`.
(print (loop for x in '(1 2 3) sum x into total of-type fixnum finally (return total)))
(print (loop for x in '(1 2 3) sum x fixnum))
(print (loop for x in '(1.0 2.0) sum x float))
(print (loop for x in '(a b c) count x of-type fixnum))
(print (loop with a of-type fixnum = 3 with b fixnum = 4 for i of-type fixnum from 1 to 2 collect (+ a b i)))
(print (loop with (a b) of-type (fixnum fixnum) = '(1 2) return (+ a b)))
(print (loop for x in '(3 1 2) maximize x of-type fixnum))
(print (loop with x of-type t = 1 and y = 2 return (list x y)))
(print (loop for (a b) of-type (fixnum fixnum) in '((1 2) (3 4)) collect (* a b)))
