;;; babel, loaded unchanged from the installed sources, encodes as on SBCL (SBCL made babel.out).
(require :asdf)
(asdf:load-system :babel)
(dolist (encoding '(:utf-8 :utf-16le :utf-16be :utf-32le :utf-32be :latin-1 :ascii))
  (dolist (string (case encoding
                    (:ascii '("hello" "" "a
b"))
                    (:latin-1 '("hello" "héllo wörld" "" "a
b"))
                    (t '("hello" "héllo wörld" "" "a
b" "1😀2 𝄞"))))
    (let ((octets (babel:string-to-octets string :encoding encoding)))
      (format t "~&~s ~s (~{~a~^ ~}) ~s~%" encoding string (coerce octets 'list)
              (equal string (babel:octets-to-string octets :encoding encoding))))))
(format t "~&(~{~a~^ ~})~%" (coerce (babel:string-to-octets "héllo" :encoding :ascii :errorp nil) 'list))
(print (babel:string-size-in-octets "héllo" :encoding :utf-8))
(print (handler-case (babel:string-to-octets "é" :encoding :ascii :errorp t)
         (babel-encodings:character-encoding-error () :encoding-error)))
(print (babel:octets-to-string (coerce #(104 105 255) '(vector (unsigned-byte 8))) :encoding :latin-1))
(print (handler-case (babel:octets-to-string (coerce #(104 255) '(vector (unsigned-byte 8))) :encoding :utf-8 :errorp t)
         (babel-encodings:character-decoding-error () :decoding-error)))
