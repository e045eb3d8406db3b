; What the reader makes of numbers, strings, characters, symbols and comments.
(format t "~s~%" '(1 -2 +3 1.5 -0.25 1.5d0 2e3 1/2 -4/6 #x1F #b101 #o17))
(format t "~s~%" "a \"quoted\" string")
(format t "~s~%" '(#\a #\Space #\Newline #\())
(format t "~s~%" '(foo Bar |MiXed| :key cl:car))
(format t "~s~%" '(a . b))
(format t "~s~%" '(a b . c))
#| a block comment
   #| nested |# still comment |#
(format t "~s~%" '#(1 2 3)) ; a trailing comment
(format t "~s~%" ''x)
(format t "~s~%" '#'car)
(format t "~s~%" '(#+(or sbcl epsilon) yes #-(or sbcl epsilon) no #+(and epsilon (not epsilon)) never))
(format t "~s~%" 123456789012345678901234567890)
