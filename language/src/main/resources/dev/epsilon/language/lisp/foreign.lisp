;;;; epsilon.foreign: the parts of the FFI written in Lisp. Read in package EPSILON.SYSTEM.
