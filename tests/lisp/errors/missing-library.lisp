; A missing library names what was looked for and where.
(format t "start~%")
(shared-call '("nothing" "/nonexistent/libnothing.so") :int '())
