(defvar *trace* nil)
(push 1 *trace*)
(error "boom in the middle")
(push 3 *trace*)
