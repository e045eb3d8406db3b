; An integer that does not fit the C type is an error naming the argument, never truncated.
(shared-call '("abs" "libc") :int '(:int) 4294967296)
