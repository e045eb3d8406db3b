; Calls into the C fixture library that the build compiles with gcc.
(format t "~a~%" (shared-call '("fixture_add_int" "libepsilon-fixture") :int '(:int :int) 40 2))
(format t "~a~%" (shared-call '("fixture_add_int" "libepsilon-fixture") :int '(:int :int) -2147483648 -1))
(format t "~a~%" (shared-call '("fixture_scale" "libepsilon-fixture") :double '(:double :int) 1.5d0 4))
(format t "~a~%" (shared-call '("fixture_byte_length" "libepsilon-fixture") :unsigned-long '(:pointer) nil))
