; A missing symbol names the symbol, the library and its path.
(shared-call '("no_such_function_here" "libepsilon-fixture") :int '())
