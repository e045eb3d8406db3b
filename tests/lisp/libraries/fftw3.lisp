;;; cl-fftw3, a second CFFI binding loaded unchanged from the installed sources (with kmrcl), calls
;;; libfftw3 through CFFI's front end on Epsilon's backend as on SBCL (SBCL made fftw3.out).
(require :asdf)
;; CFFI warns on stderr that these bindings use deprecated bare struct types, as on SBCL.
(let ((*error-output* (make-broadcast-stream))) (asdf:load-system :cl-fftw3))
(defun show (vector) (format t "~&~{~s~^ ~}~%" (coerce vector 'list)))
(show (fftw3:fftw-r2hc-1d #(1d0 2d0 3d0 4d0)))
(show (fftw3:fftw-r2c-1d #(1d0 2d0 3d0 4d0)))
(show (fftw3:fftw-r2c-1d #(1d0 0d0 -1d0 0d0 1d0 0d0 -1d0 0d0) :normalize nil))
(show (fftw3:fftw-c-1d #(#C(1d0 0d0) #C(0d0 1d0) #C(-1d0 0d0) #C(0d0 -1d0))))
(show (fftw3:fftw-c2r-1d (fftw3:fftw-r2c-1d #(1d0 2d0 3d0 4d0) :normalize nil)))
