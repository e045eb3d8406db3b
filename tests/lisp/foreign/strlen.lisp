; The seed guide's first example, through nfi-adapters: strlen from libc.
(format t "~a~%" (shared-call '("strlen" "libc") :unsigned-long '(:string) "hello"))
; UTF-8 crosses the boundary: "héllo" is 6 bytes, "日本" 6.
(format t "~a ~a~%" (shared-call '("strlen" "libc") :unsigned-long '(:string) "héllo")
                    (shared-call '("strlen" "libc") :unsigned-long '(:string) "日本"))
(format t "~a~%" (shared-call '("abs" "libc") :int '(:int) -42))
