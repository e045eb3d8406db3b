;;; This file starts with a UTF-8 byte-order mark, which is not part of its text.
(print (+ 1 2))
