;;;; The Common Lisp library written in Lisp: lists, sequences with :key/:test, mapping, SETF
;;;; places, hash tables, symbols, DEFSTRUCT, DEFCONSTANT. Read in package EPSILON.SYSTEM.

(defmacro define-setf-place (name lambda-list value-var &body body)
  ;; (define-setf-place aref (array &rest subscripts) v `(%%aset ,array ,v ,@subscripts))
  `(%%define-setf-expander ',name (lambda (,value-var ,@lambda-list) ,@body)))

(define-setf-place aref (array &rest subscripts) v `(%%aset ,array ,v ,@subscripts))
(define-setf-place svref (vector index) v `(%%svset ,vector ,v ,index))
(define-setf-place row-major-aref (array index) v `(%%row-major-aset ,array ,index ,v))
(define-setf-place char (string index) v `(%%set-elt ,string ,index ,v))
(define-setf-place schar (string index) v `(%%set-elt ,string ,index ,v))
(define-setf-place elt (sequence index) v `(%%set-elt ,sequence ,index ,v))
(define-setf-place gethash (key table &optional default) v
  (declare (ignore default))
  `(%%puthash ,key ,table ,v))
(define-setf-place fill-pointer (vector) v `(%%set-fill-pointer ,vector ,v))
(define-setf-place get (symbol indicator &optional default) v
  (declare (ignore default))
  `(%put ,symbol ,indicator ,v))
(define-setf-place symbol-function (symbol) v `(%%set-fdefinition ,symbol ,v))
(define-setf-place fdefinition (symbol) v `(%%set-fdefinition ,symbol ,v))
(define-setf-place macro-function (symbol) v `(%%set-macro ,symbol ,v))
(define-setf-place third (list) v `(let ((new ,v)) (rplaca (cddr ,list) new) new))
(define-setf-place cadr (list) v `(let ((new ,v)) (rplaca (cdr ,list) new) new))
(define-setf-place cddr (list) v `(let ((new ,v)) (rplacd (cdr ,list) new) new))
(define-setf-place caar (list) v `(let ((new ,v)) (rplaca (car ,list) new) new))
(define-setf-place cdar (list) v `(let ((new ,v)) (rplacd (car ,list) new) new))
(define-setf-place subseq (sequence start &optional end) v `(progn (replace ,sequence ,v :start1 ,start :end1 ,end) ,v))
(define-setf-place getf (place indicator &optional default) v
  (declare (ignore default))
  (let ((new (gensym)))
    `(let ((,new ,v))
       (setf ,place (%putf ,place ,indicator ,new))
       ,new)))

(defun %putf (plist indicator value)
  (do ((p plist (cddr p)))
      ((null p) (list* indicator value plist))
    (when (eq (car p) indicator)
      (rplaca (cdr p) value)
      (return plist))))

(defmacro remf (place indicator)
  (let ((p (gensym)) (ind (gensym)))
    `(let ((,p ,place) (,ind ,indicator))
       (cond ((null ,p) nil)
             ((eq (car ,p) ,ind) (setf ,place (cddr ,p)) t)
             (t (do ((q ,p (cddr q)))
                    ((null (cddr q)) nil)
                  (when (eq (caddr q) ,ind)
                    (rplacd (cdr q) (cddddr q))
                    (return t))))))))

(defun cddddr (x) (cdr (cdr (cdr (cdr x)))))
(defun cdddr (x) (cdr (cdr (cdr x))))
(defun cadddr (x) (car (cdr (cdr (cdr x)))))
(defun caadr (x) (car (car (cdr x))))
(defun cdadr (x) (cdr (car (cdr x))))
(defun fourth (x) (nth 3 x))
(defun fifth (x) (nth 4 x))
(defun sixth (x) (nth 5 x))
(defun seventh (x) (nth 6 x))
(defun eighth (x) (nth 7 x))
(defun ninth (x) (nth 8 x))
(defun tenth (x) (nth 9 x))

(defmacro defconstant (name value &optional documentation)
  (declare (ignore documentation))
  `(progn (%%defconstant ',name ,value) ',name))

(defmacro declaim (&rest specs)
  `(progn ,@(mapcar-1 (lambda (spec)
                        (if (eq (car spec) 'special)
                            `(progn ,@(mapcar-1 (lambda (s) `(%%defvar ',s)) (cdr spec)))
                            nil))
                      specs)
          nil))

(defun proclaim (spec)
  (when (eq (car spec) 'special)
    (dolist (s (cdr spec)) (%%defvar s)))
  nil)

(defmacro deftype (name lambda-list &body body)
  `(progn (%%deftype ',name (lambda (&optional ,@(mapcar-1 (lambda (p) (if (member p '(&optional &rest &key)) p p))
                                                          (remove-if-not-1 (lambda (p) (not (eq p '&optional))) lambda-list)))
                              ,@body))
          ',name))

(defun remove-if-not-1 (pred list)
  (let ((out nil))
    (dolist (x list) (when (funcall pred x) (push x out)))
    (reverse out)))

(defun identity (x) x)
(defun constantly (value) (lambda (&rest args) (declare (ignore args)) value))
(defun complement (f) (lambda (&rest args) (not (apply f args))))

;;; ------------------------------------------------------------ mapping

(defun %cars (lists)
  ;; The cars of LISTS, or :END when one is exhausted.
  (let ((out nil))
    (dolist (l lists (reverse out))
      (if (consp l) (push (car l) out) (return :end)))))

(defun mapcar (f list &rest more)
  (if (null more)
      (let ((out nil))
        (dolist (x list) (push (funcall f x) out))
        (nreverse out))
      (let ((lists (cons list more)) (out nil))
        (loop
          (let ((args (%cars lists)))
            (when (eq args :end) (return (nreverse out)))
            (push (apply f args) out)
            (setq lists (mapcar-1 (function cdr) lists)))))))

(defun mapc (f list &rest more)
  (if (null more)
      (dolist (x list) (funcall f x))
      (let ((lists (cons list more)))
        (loop
          (let ((args (%cars lists)))
            (when (eq args :end) (return))
            (apply f args)
            (setq lists (mapcar-1 (function cdr) lists))))))
  list)

(defun mapcan (f list &rest more)
  (apply (function nconc) (apply (function mapcar) f list more)))

(defun maplist (f list &rest more)
  (let ((lists (cons list more)) (out nil))
    (loop
      (when (member nil lists) (return (nreverse out)))
      (push (apply f lists) out)
      (setq lists (mapcar-1 (function cdr) lists)))))

(defun mapl (f list &rest more)
  (let ((lists (cons list more)))
    (loop
      (when (member nil lists) (return list))
      (apply f lists)
      (setq lists (mapcar-1 (function cdr) lists)))))

(defun mapcon (f list &rest more)
  (apply (function nconc) (apply (function maplist) f list more)))

(defun map (result-type f sequence &rest more)
  (let* ((seqs (cons sequence more))
         (n (apply (function min) (mapcar (function length) seqs)))
         (out nil))
    (dotimes (i n)
      (push (apply f (mapcar (lambda (s) (elt s i)) seqs)) out))
    (if result-type
        (coerce (nreverse out) result-type)
        nil)))

(defun map-into (result f &rest sequences)
  (let ((n (apply (function min) (length result) (mapcar (function length) sequences))))
    (dotimes (i n)
      (setf (elt result i) (apply f (mapcar (lambda (s) (elt s i)) sequences))))
    result))

(defun every (pred sequence &rest more)
  (let* ((seqs (cons sequence more))
         (n (apply (function min) (mapcar (function length) seqs))))
    (dotimes (i n t)
      (unless (apply pred (mapcar (lambda (s) (elt s i)) seqs)) (return nil)))))

(defun some (pred sequence &rest more)
  (let* ((seqs (cons sequence more))
         (n (apply (function min) (mapcar (function length) seqs))))
    (dotimes (i n nil)
      (let ((v (apply pred (mapcar (lambda (s) (elt s i)) seqs))))
        (when v (return v))))))

(defun notany (pred sequence &rest more) (not (apply (function some) pred sequence more)))
(defun notevery (pred sequence &rest more) (not (apply (function every) pred sequence more)))

;;; ------------------------------------------------------------ lists

(defun nconc (&rest lists)
  (let ((result nil) (last nil))
    (dolist (l lists result)
      (when l
        (if last (rplacd (last last) l) (setq result l))
        (setq last l)))))

(defun copy-list (list)
  (if (consp list)
      (let ((out (list (car list))))
        (let ((tail out))
          (do ((l (cdr list) (cdr l))) ((atom l) (rplacd tail l))
            (rplacd tail (list (car l)))
            (setq tail (cdr tail))))
        out)
      list))

(defun copy-tree (tree)
  (if (consp tree) (cons (copy-tree (car tree)) (copy-tree (cdr tree))) tree))

(defun copy-alist (alist)
  (mapcar (lambda (e) (if (consp e) (cons (car e) (cdr e)) e)) alist))

(defun list-length (list)
  (do ((n 0 (+ n 2)) (fast list (cddr fast)) (slow list (cdr slow)))
      (nil)
    (when (endp fast) (return n))
    (when (endp (cdr fast)) (return (+ n 1)))
    (when (and (eq fast slow) (> n 0)) (return nil))))

(defun butlast (list &optional (n 1))
  (let ((len (length list)))
    (if (<= len n) nil (subseq list 0 (- len n)))))

(defun nbutlast (list &optional (n 1)) (butlast list n))

(defun revappend (list tail)
  (dolist (x list tail) (setq tail (cons x tail))))

(defun nreconc (list tail) (revappend list tail))

(defun acons (key value alist) (cons (cons key value) alist))

(defun pairlis (keys values &optional alist)
  (append (reverse (mapcar (function cons) keys values)) alist))

(defun %test (test test-not)
  (cond (test-not (lambda (a b) (not (funcall test-not a b))))
        (test test)
        (t (function eql))))

(defun %key (key) (or key (function identity)))

; Replaces the boot-time MEMBER of Builtins.java (EQL only, no keywords).
(defun member (item list &key key test test-not)
  (let ((test (%test test test-not)) (key (%key key)))
    (do ((l list (cdr l))) ((endp l) nil)
      (when (funcall test item (funcall key (car l))) (return l)))))

(defun member-if (pred list &key key)
  (let ((key (%key key)))
    (do ((l list (cdr l))) ((endp l) nil)
      (when (funcall pred (funcall key (car l))) (return l)))))

(defun member-if-not (pred list &key key)
  (member-if (complement pred) list :key key))

; Replaces the boot-time ASSOC of Builtins.java (EQL only, no keywords).
(defun assoc (item alist &key key test test-not)
  (let ((test (%test test test-not)) (key (%key key)))
    (dolist (e alist nil)
      (when (and e (funcall test item (funcall key (car e)))) (return e)))))

(defun assoc-if (pred alist &key key)
  (let ((key (%key key)))
    (dolist (e alist nil)
      (when (and e (funcall pred (funcall key (car e)))) (return e)))))

(defun rassoc (item alist &key key test test-not)
  (let ((test (%test test test-not)) (key (%key key)))
    (dolist (e alist nil)
      (when (and e (funcall test item (funcall key (cdr e)))) (return e)))))

(defun rassoc-if (pred alist &key key)
  (let ((key (%key key)))
    (dolist (e alist nil)
      (when (and e (funcall pred (funcall key (cdr e)))) (return e)))))

(defun adjoin (item list &key key test test-not)
  (if (member (funcall (%key key) item) list :key key :test test :test-not test-not)
      list
      (cons item list)))

(defun union (a b &key key test test-not)
  (let ((out (copy-list b)))
    (dolist (x a)
      (unless (member (funcall (%key key) x) b :key key :test test :test-not test-not)
        (push x out)))
    out))

(defun nunion (a b &rest keys) (apply (function union) a b keys))

(defun intersection (a b &key key test test-not)
  (let ((out nil))
    (dolist (x a)
      (when (member (funcall (%key key) x) b :key key :test test :test-not test-not)
        (push x out)))
    out))

(defun nintersection (a b &rest keys) (apply (function intersection) a b keys))

(defun set-difference (a b &key key test test-not)
  (let ((out nil))
    (dolist (x a)
      (unless (member (funcall (%key key) x) b :key key :test test :test-not test-not)
        (push x out)))
    out))

(defun nset-difference (a b &rest keys) (apply (function set-difference) a b keys))

(defun set-exclusive-or (a b &rest keys)
  (append (apply (function set-difference) a b keys) (apply (function set-difference) b a keys)))

(defun subsetp (a b &key key test test-not)
  (every (lambda (x) (member (funcall (%key key) x) b :key key :test test :test-not test-not)) a))

(defun subst (new old tree &key key test test-not)
  (let ((test (%test test test-not)) (key (%key key)))
    (labels ((walk (x)
               (cond ((funcall test old (funcall key x)) new)
                     ((consp x) (cons (walk (car x)) (walk (cdr x))))
                     (t x))))
      (walk tree))))

(defun subst-if (new pred tree &key key)
  (let ((key (%key key)))
    (labels ((walk (x)
               (cond ((funcall pred (funcall key x)) new)
                     ((consp x) (cons (walk (car x)) (walk (cdr x))))
                     (t x))))
      (walk tree))))

(defun sublis (alist tree &key key test test-not)
  (labels ((walk (x)
             (let ((hit (assoc (funcall (%key key) x) alist :test test :test-not test-not)))
               (cond (hit (cdr hit))
                     ((consp x) (cons (walk (car x)) (walk (cdr x))))
                     (t x)))))
    (walk tree)))

(defun tree-equal (a b &key test test-not)
  (let ((test (%test test test-not)))
    (labels ((walk (x y)
               (cond ((and (consp x) (consp y)) (and (walk (car x) (car y)) (walk (cdr x) (cdr y))))
                     ((or (consp x) (consp y)) nil)
                     (t (funcall test x y)))))
      (walk a b))))

(defun ldiff (list object)
  (let ((out nil))
    (do ((l list (cdr l))) ((or (atom l) (eq l object)) (nreverse out))
      (push (car l) out))))

(defun tailp (object list)
  (do ((l list (cdr l))) ((atom l) (eql l object))
    (when (eql l object) (return t))))

(defun make-list (size &key initial-element)
  (let ((out nil)) (dotimes (i size out) (push initial-element out))))

;;; ------------------------------------------------------------ sequences

(defun %bounded (sequence start end)
  ;; The elements between START and END as a list, with their indices.
  (let ((items (coerce sequence 'list)))
    (subseq items start (or end (length items)))))

;; FIND, POSITION and COUNT walk the sequence in place: a list by its conses, a vector by index
;; (backwards for :FROM-END), stopping at the first hit. (Copying the sequence into a list on every
;; call made SPLIT-SEQUENCE's fuzz test a hundred times slower than on SBCL.)
(defun %bad-bounds (sequence start end length)
  (error 'simple-error :format-control "The bounding indices ~s and ~s are bad for a sequence of length ~s."
                       :format-arguments (list start end length)))

(defun %seq-find (match sequence from-end start end key)
  ;; The first (last, with FROM-END) element between START and END whose key satisfies MATCH, and
  ;; its index; NIL and NIL when there is none.
  (if (listp sequence)
      (let ((found nil) (at nil) (i 0) (l sequence))
        (loop
          (when (and end (>= i end)) (return))
          (when (endp l)
            (when (and end (< i end)) (%bad-bounds sequence start end i))   ; as SBCL: a START past the end is no error
            (return))
          (when (and (>= i start) (funcall match (funcall key (car l))))
            (setq found (car l) at i)
            (unless from-end (return)))
          (setq l (cdr l) i (1+ i)))
        (values found at))
      (let* ((length (length sequence)) (end (or end length)))
        (unless (<= 0 start end length) (%bad-bounds sequence start end length))
        (if from-end
            (do ((i (1- end) (1- i))) ((< i start) (values nil nil))
              (let ((x (aref sequence i)))
                (when (funcall match (funcall key x)) (return (values x i)))))
            (do ((i start (1+ i))) ((>= i end) (values nil nil))
              (let ((x (aref sequence i)))
                (when (funcall match (funcall key x)) (return (values x i)))))))))

(defun %seq-count (match sequence start end key)
  (let ((n 0))
    (%seq-find (lambda (x) (when (funcall match x) (setq n (1+ n))) nil) sequence nil start end key)
    n))

(defun find (item sequence &key from-end test test-not (start 0) end key)
  (let ((test (%test test test-not)))
    (values (%seq-find (lambda (x) (funcall test item x)) sequence from-end start end (%key key)))))

(defun find-if (pred sequence &key from-end (start 0) end key)
  (values (%seq-find pred sequence from-end start end (%key key))))

(defun find-if-not (pred sequence &rest keys)
  (apply (function find-if) (complement pred) sequence keys))

(defun position (item sequence &key from-end test test-not (start 0) end key)
  (let ((test (%test test test-not)))
    (nth-value 1 (%seq-find (lambda (x) (funcall test item x)) sequence from-end start end (%key key)))))

(defun position-if (pred sequence &key from-end (start 0) end key)
  (nth-value 1 (%seq-find pred sequence from-end start end (%key key))))

(defun position-if-not (pred sequence &rest keys)
  (apply (function position-if) (complement pred) sequence keys))

(defun count (item sequence &key from-end test test-not (start 0) end key)
  (declare (ignore from-end))
  (let ((test (%test test test-not)))
    (%seq-count (lambda (x) (funcall test item x)) sequence start end (%key key))))

(defun count-if (pred sequence &key from-end (start 0) end key)
  (declare (ignore from-end))
  (%seq-count pred sequence start end (%key key)))

(defun count-if-not (pred sequence &rest keys)
  (apply (function count-if) (complement pred) sequence keys))

(defun remove-if (pred sequence &key from-end (start 0) end count key)
  (let* ((key (%key key)) (items (coerce sequence 'list)) (n (length items))
         (end (or end n)) (out nil) (removed 0) (i 0))
    (when from-end
      ;; With :count and :from-end, the last matches go: remove from the reversed list.
      (return-from remove-if
        (coerce (reverse (coerce (remove-if pred (reverse items) :start (- n end) :end (- n start) :count count :key key)
                                 'list))
                (%sequence-type sequence))))
    (dolist (x items)
      (if (and (>= i start) (< i end) (or (null count) (< removed count)) (funcall pred (funcall key x)))
          (setq removed (1+ removed))
          (push x out))
      (setq i (1+ i)))
    (coerce (nreverse out) (%sequence-type sequence))))

(defun %sequence-type (sequence)
  (cond ((listp sequence) 'list)
        ((stringp sequence) 'string)
        ((typep sequence 'simple-vector) 'vector)
        (t `(vector ,(array-element-type sequence)))))

(defun remove (item sequence &rest keys &key test test-not key &allow-other-keys)
  (let ((test (%test test test-not)) (key (%key key)))
    (apply (function remove-if) (lambda (x) (funcall test item x)) sequence :key key
           (%drop-keys keys '(:test :test-not :key)))))

(defun %drop-keys (plist drop)
  (let ((out nil))
    (do ((p plist (cddr p))) ((null p) (nreverse out))
      (unless (member (car p) drop)
        (push (car p) out)
        (push (cadr p) out)))))

(defun remove-if-not (pred sequence &rest keys)
  (apply (function remove-if) (complement pred) sequence keys))


(defun remove-duplicates (sequence &key from-end test test-not (start 0) end key)
  (let* ((test (%test test test-not)) (key (%key key))
         (items (coerce sequence 'list)) (n (length items)) (end (or end n))
         (head (subseq items 0 start)) (middle (subseq items start end)) (tail (subseq items end))
         (out nil))
    (if from-end
        (dolist (x middle)
          (unless (member (funcall key x) out :key key :test test) (push x out)))
        (do ((l middle (cdr l))) ((null l))
          (unless (member (funcall key (car l)) (cdr l) :key key :test test) (push (car l) out))))
    (coerce (append head (nreverse out) tail) (%sequence-type sequence))))

(defun delete-duplicates (sequence &rest keys) (apply (function remove-duplicates) sequence keys))

(defun substitute-if (new pred sequence &key (start 0) end count key from-end)
  (declare (ignore from-end))
  (let ((key (%key key)) (i 0) (done 0) (end (or end (length sequence))))
    (coerce (mapcar (lambda (x)
                      (prog1 (if (and (>= i start) (< i end) (or (null count) (< done count))
                                      (funcall pred (funcall key x)))
                                 (progn (setq done (1+ done)) new)
                                 x)
                        (setq i (1+ i))))
                    (coerce sequence 'list))
            (%sequence-type sequence))))

(defun substitute (new old sequence &rest keys &key test test-not &allow-other-keys)
  (let ((test (%test test test-not)))
    (apply (function substitute-if) new (lambda (x) (funcall test old x)) sequence
           (%drop-keys keys '(:test :test-not)))))

(defun substitute-if-not (new pred sequence &rest keys)
  (apply (function substitute-if) new (complement pred) sequence keys))

(defun nsubstitute (&rest args) (apply (function substitute) args))
(defun nsubstitute-if (&rest args) (apply (function substitute-if) args))

(defun reduce (f sequence &key key from-end (start 0) end (initial-value nil initial-value-p))
  (let* ((key (%key key))
         (items (mapcar key (%bounded sequence start end))))
    (when from-end (setq items (reverse items)))
    (let ((fn (if from-end (lambda (acc x) (funcall f x acc)) f)))
      (cond (initial-value-p
             (let ((acc initial-value))
               (dolist (x items acc) (setq acc (funcall fn acc x)))))
            ((null items) (funcall f))
            (t (let ((acc (car items)))
                 (dolist (x (cdr items) acc) (setq acc (funcall fn acc x)))))))))

(defun mismatch (a b &key from-end test test-not key (start1 0) end1 (start2 0) end2)
  (when from-end
    ;; One plus the index in A of the rightmost difference, comparing from the ends.
    (let* ((test (%test test test-not)) (key (%key key))
           (x (coerce (subseq a start1 end1) 'vector)) (y (coerce (subseq b start2 end2) 'vector))
           (i (length x)) (j (length y)))
      (loop
        (cond ((and (= i 0) (= j 0)) (return-from mismatch nil))
              ((or (= i 0) (= j 0)) (return-from mismatch (+ start1 i)))
              ((not (funcall test (funcall key (aref x (1- i))) (funcall key (aref y (1- j)))))
               (return-from mismatch (+ start1 i))))
        (setq i (1- i) j (1- j)))))
  (let ((test (%test test test-not)) (key (%key key))
        (x (%bounded a start1 end1)) (y (%bounded b start2 end2)) (i start1))
    (loop
      (cond ((and (null x) (null y)) (return nil))
            ((or (null x) (null y)) (return i))
            ((not (funcall test (funcall key (car x)) (funcall key (car y)))) (return i)))
      (setq x (cdr x) y (cdr y) i (1+ i)))))

(defun merge (result-type a b pred &key key)
  (let ((key (%key key)) (x (coerce a 'list)) (y (coerce b 'list)) (out nil))
    (loop
      (cond ((null x) (return (coerce (append (nreverse out) y) result-type)))
            ((null y) (return (coerce (append (nreverse out) x) result-type)))
            ((funcall pred (funcall key (car y)) (funcall key (car x))) (push (pop y) out))
            (t (push (pop x) out))))))

;;; ------------------------------------------------------------ hash tables, symbols

(defun maphash (f table)
  (dolist (e (%%hash-table-entries table))
    (funcall f (car e) (cdr e))))

(defmacro with-hash-table-iterator ((name table) &body body)
  (let ((entries (gensym)))
    `(let ((,entries (%%hash-table-entries ,table)))
       (flet ((,name () (if ,entries
                            (let ((e (pop ,entries))) (values t (car e) (cdr e)))
                            nil)))
         ,@body))))

(defun get (symbol indicator &optional default)
  (getf (symbol-plist symbol) indicator default))

(defun %put (symbol indicator value)
  (%%set-symbol-plist symbol (%putf (symbol-plist symbol) indicator value))
  value)

(defun remprop (symbol indicator)
  (let ((plist (symbol-plist symbol)))
    (prog1 (remf plist indicator)
      (%%set-symbol-plist symbol plist))))

(defvar *gentemp-counter* 0)
(defun gentemp (&optional (prefix "T") (package *package*))
  (intern (format nil "~a~d" prefix (incf *gentemp-counter*)) package))

;;; ------------------------------------------------------------ DEFSTRUCT

(defmacro defstruct (name-and-options &rest slot-descriptions)
  (let* ((name (if (consp name-and-options) (car name-and-options) name-and-options))
         (options (if (consp name-and-options) (cdr name-and-options) nil))
         (conc-name (format nil "~a-" name))
         (constructors nil) (default-constructor t)
         (predicate (intern (format nil "~a-P" name)))
         (copier (intern (format nil "COPY-~a" name)))
         (include nil) (print-function nil) (type nil) (named nil) (initial-offset 0)
         (documentation (when (stringp (car slot-descriptions)) (pop slot-descriptions))))
    (declare (ignore documentation))
    (dolist (o options)
      (let ((key (if (consp o) (car o) o)) (args (if (consp o) (cdr o) nil)))
        (case key
          (:conc-name (setq conc-name (if (car args) (string (car args)) "")))
          (:constructor (if (and args (null (car args)))
                            (setq default-constructor nil)
                            (progn (setq default-constructor nil)
                                   (push (if args args (list (intern (format nil "MAKE-~a" name)))) constructors))))
          (:predicate (setq predicate (car args)))
          (:copier (setq copier (car args)))
          (:include (setq include args))
          ((:print-function :print-object) (setq print-function (car args)))
          (:type (setq type (car args)))
          (:named (setq named t))
          (:initial-offset (setq initial-offset (car args)))
          (t nil))))
    (when default-constructor
      (push (list (intern (format nil "MAKE-~a" name))) constructors))
    (let ((own (mapcar (lambda (s) (if (consp s) s (list s nil))) slot-descriptions)))
      (when type
        (return-from defstruct
          (%typed-defstruct name type named initial-offset conc-name constructors
                            (and named predicate) copier include own)))
      (let* ((included-slots (when include (%%struct-slots (car include))))
             (slots (append included-slots own))
             (slot-names (mapcar (function car) slots)))
        `(progn
           (%%defstruct ',name ',(when include (list (car include)))
                       (list ,@(mapcar (lambda (s)
                                         `(list ',(car s) '(,(intern (symbol-name (car s)) :keyword))
                                                (lambda () ,(cadr s))))
                                       own))
                       ',slots)
           ,@(when print-function
               `((%%set-class-option (find-class ',name) :print-function (function ,print-function))))
           ,@(mapcar (lambda (c) (%constructor-form c slots (lambda (values) `(%%make-struct ',name (list ,@values)))))
                     constructors)
           ,@(when predicate
               `((defun ,predicate (object) (typep object ',name))))
           ,@(when copier
               `((defun ,copier (object) (%%copy-struct object))))
           ,@(let ((i -1))
               (mapcar (lambda (s)
                         (setq i (1+ i))
                         (let ((accessor (intern (format nil "~a~a" conc-name (car s)))))
                           `(progn
                              (defun ,accessor (object) (%%struct-ref object ',name ,i))
                              (define-setf-place ,accessor (object) v `(%%struct-set ,object ',',name ,',i ,v)))))
                       slots))
           ',name)))))

(defun %typed-defstruct (name type named offset conc-name constructors predicate copier include own)
  ;; DEFSTRUCT with :TYPE LIST or VECTOR (CLHS 8.1.1): the structure is a plain list or vector, no
  ;; class. Its layout, as SBCL lays it out: an included structure's whole layout, then
  ;; :INITIAL-OFFSET empty places, the name when :NAMED, and the slots. Each place is (:SLOT name
  ;; default) or (:FIXED form).
  (let* ((kind (if (consp type) (car type) type))
         (inherited (when include (get (car include) '%typed-struct-layout)))
         (name-index (+ (length inherited) offset))
         (layout (append inherited
                         (make-list offset :initial-element '(:fixed nil))
                         (and named (list (list :fixed `',name)))
                         (mapcar (lambda (s) (list :slot (car s) (cadr s))) own)))
         (slots (mapcar (function cdr) (remove-if-not (lambda (e) (eq (car e) :slot)) layout)))
         (maker (if (eq kind 'list) 'list 'vector))
         (reader (lambda (i) (if (eq kind 'list) `(nth ,i object) `(aref object ,i)))))
    (flet ((build (values)   ; the slots' value forms into their places
             `(,maker ,@(mapcar (lambda (e) (if (eq (car e) :slot) (pop values) (cadr e))) layout))))
      `(progn
         (eval-when (:compile-toplevel :load-toplevel :execute)
           (setf (get ',name '%typed-struct-layout) ',layout))
         ,@(mapcar (lambda (c) (%constructor-form c slots (function build))) constructors)
         ,@(when predicate
             `((defun ,predicate (object)
                 (and ,(if (eq kind 'list) '(listp object) '(vectorp object))
                      (> (length object) ,name-index)
                      (eq ,(funcall reader name-index) ',name)))))
         ,@(when copier `((defun ,copier (object) (copy-seq object))))
         ,@(let ((i -1) (out nil))
             (dolist (e layout (nreverse out))
               (setq i (1+ i))
               (when (eq (car e) :slot)
                 (let ((accessor (intern (format nil "~a~a" conc-name (cadr e)))) (place (funcall reader i)))
                   (push `(progn
                            (defun ,accessor (object) ,place)
                            (defsetf ,accessor (object) (v) (list 'setf (subst object 'object ',place) v)))
                         out)))))
         ',name))))

(defun %constructor-form (spec slots build)
  ;; The DEFUN of a DEFSTRUCT constructor (NAME) or (NAME BOA-LAMBDA-LIST); BUILD makes its body
  ;; from one value form per slot, in order.
  (if (cdr spec)
      ;; A BOA constructor: its lambda list names slots; the rest take their defaults.
      (let ((params (remove-if (lambda (p) (member p '(&optional &rest &key &aux)))
                               (mapcar (lambda (p) (if (consp p) (car p) p)) (cadr spec)))))
        `(defun ,(car spec) ,(cadr spec)
           ,(funcall build (mapcar (lambda (s) (if (member (car s) params) (car s) (cadr s))) slots))))
      `(defun ,(car spec) (&key ,@(mapcar (lambda (s) (list (car s) (cadr s))) slots))
         ,(funcall build (mapcar (function car) slots)))))

(defun /= (number &rest more)
  ;; True when no two numbers are equal.
  (do ((x number (car rest))
       (rest more (cdr rest)))
      ((null rest) t)
    (dolist (y rest)
      (when (= x y) (return-from /= nil)))))

(defun constantp (form &optional environment)
  (declare (ignore environment))
  (cond ((symbolp form) (%%constant-symbol-p form))
        ((consp form) (and (eq (car form) 'quote) (consp (cdr form)) (null (cddr form))))
        (t t)))

(defun character (x)
  (cond ((characterp x) x)
        ((and (stringp x) (= (length x) 1)) (char x 0))
        ((and (symbolp x) (= (length (symbol-name x)) 1)) (char (symbol-name x) 0))
        (t (error 'simple-type-error :datum x :expected-type 'character
                  :format-control "~S cannot be coerced to a character" :format-arguments (list x)))))

(defun array-row-major-index (array &rest subscripts)
  (let ((index 0))
    (do ((dims (array-dimensions array) (cdr dims))
         (subs subscripts (cdr subs)))
        ((null dims)
         (when subs (error "too many subscripts ~S for ~S" subscripts array))
         index)
      (unless subs (error "too few subscripts ~S for ~S" subscripts array))
      (let ((s (car subs)))
        (unless (and (integerp s) (<= 0 s) (< s (car dims)))
          (error "subscript ~S is out of bounds for ~S" s array))
        (setq index (+ (* index (car dims)) s))))))

;;; The float limits (short and long floats are single and double floats here, as in SBCL).
(defconstant most-positive-single-float 3.4028235e38)
(defconstant most-negative-single-float -3.4028235e38)
(defconstant least-positive-single-float 1.4e-45)
(defconstant least-negative-single-float -1.4e-45)
(defconstant least-positive-normalized-single-float 1.17549435e-38)
(defconstant least-negative-normalized-single-float -1.17549435e-38)
(defconstant single-float-epsilon 5.960465e-8)
(defconstant single-float-negative-epsilon 2.9802326e-8)
(defconstant most-positive-double-float 1.7976931348623157d308)
(defconstant most-negative-double-float -1.7976931348623157d308)
(defconstant least-positive-double-float 4.9d-324)
(defconstant least-negative-double-float -4.9d-324)
(defconstant least-positive-normalized-double-float 2.2250738585072014d-308)
(defconstant least-negative-normalized-double-float -2.2250738585072014d-308)
(defconstant double-float-epsilon 1.1102230246251568d-16)
(defconstant double-float-negative-epsilon 5.551115123125784d-17)
(defconstant most-positive-short-float most-positive-single-float)
(defconstant most-negative-short-float most-negative-single-float)
(defconstant least-positive-short-float least-positive-single-float)
(defconstant least-negative-short-float least-negative-single-float)
(defconstant least-positive-normalized-short-float least-positive-normalized-single-float)
(defconstant least-negative-normalized-short-float least-negative-normalized-single-float)
(defconstant short-float-epsilon single-float-epsilon)
(defconstant short-float-negative-epsilon single-float-negative-epsilon)
(defconstant most-positive-long-float most-positive-double-float)
(defconstant most-negative-long-float most-negative-double-float)
(defconstant least-positive-long-float least-positive-double-float)
(defconstant least-negative-long-float least-negative-double-float)
(defconstant least-positive-normalized-long-float least-positive-normalized-double-float)
(defconstant least-negative-normalized-long-float least-negative-normalized-double-float)
(defconstant long-float-epsilon double-float-epsilon)
(defconstant long-float-negative-epsilon double-float-negative-epsilon)

(defun %delete-in-place (list kept)
  ;; DELETE on a list reuses its conses: the kept elements are written into the first conses.
  (if (null kept)
      nil
      (let ((cell list) (prev nil))
        (dolist (x kept)
          (rplaca cell x)
          (setq prev cell cell (cdr cell)))
        (rplacd prev nil)
        list)))

(defun %delete-with (remover first sequence keys)
  ;; DELETE, DELETE-IF, DELETE-IF-NOT: REMOVER's result, in SEQUENCE's own conses when it is a list.
  (let ((result (apply remover first sequence keys)))
    (if (and (consp sequence) (not (eq result sequence))) (%delete-in-place sequence result) result)))

(defun delete (item sequence &rest keys) (%delete-with #'remove item sequence keys))
(defun delete-if (pred sequence &rest keys) (%delete-with #'remove-if pred sequence keys))
(defun delete-if-not (pred sequence &rest keys) (%delete-with #'remove-if-not pred sequence keys))

(defun upgraded-array-element-type (type &optional environment)
  (declare (ignore environment))
  (cond ((member type '(character base-char standard-char)) 'character)
        ((member type '(bit single-float double-float)) type)
        ((eq type 'fixnum) '(signed-byte 64))
        ((and (consp type) (member (car type) '(unsigned-byte signed-byte)) (integerp (cadr type)))
         (let ((bits (cadr type)) (signed (eq (car type) 'signed-byte)))
           (cond ((and (not signed) (= bits 1)) 'bit)
                 ((<= bits 8) (list (car type) 8))
                 ((<= bits 16) (list (car type) 16))
                 ((<= bits 32) (list (car type) 32))
                 ((<= bits 64) (list (car type) 64))
                 (t t))))
        (t t)))

(defun upgraded-complex-part-type (type &optional environment)
  (declare (ignore environment))
  type)

;;; The rest of the CXR family.
(defun caaar (x) (car (car (car x))))
(defun cdaar (x) (cdr (car (car x))))
(defun cadar (x) (car (cdr (car x))))
(defun cddar (x) (cdr (cdr (car x))))
(defun caaaar (x) (car (caaar x)))
(defun caaadr (x) (car (car (car (cdr x)))))
(defun caadar (x) (car (car (cdr (car x)))))
(defun caaddr (x) (car (car (cdr (cdr x)))))
(defun cadaar (x) (car (cdr (car (car x)))))
(defun cadadr (x) (car (cdr (car (cdr x)))))
(defun caddar (x) (car (cdr (cdr (car x)))))
(defun cdaaar (x) (cdr (car (car (car x)))))
(defun cdaadr (x) (cdr (car (car (cdr x)))))
(defun cdadar (x) (cdr (car (cdr (car x)))))
(defun cdaddr (x) (cdr (car (cdr (cdr x)))))
(defun cddaar (x) (cdr (cdr (car (car x)))))
(defun cddadr (x) (cdr (cdr (car (cdr x)))))
(defun cdddar (x) (cdr (cdr (cdr (car x)))))

(defun assoc-if-not (predicate alist &key key) (assoc-if (complement predicate) alist :key key))
(defun rassoc-if-not (predicate alist &key key) (rassoc-if (complement predicate) alist :key key))
(defun subst-if-not (new predicate tree &key key) (subst-if new (complement predicate) tree :key key))
(defun nsubst (new old tree &rest keys) (apply #'subst new old tree keys))
(defun nsubst-if (new predicate tree &rest keys) (apply #'subst-if new predicate tree keys))
(defun nsubst-if-not (new predicate tree &rest keys) (apply #'subst-if-not new predicate tree keys))
(defun nsublis (alist tree &rest keys) (apply #'sublis alist tree keys))
(defun nsubstitute-if-not (new predicate sequence &rest keys)
  (apply #'substitute-if new (complement predicate) sequence keys))
(defun nset-exclusive-or (a b &rest keys) (apply #'set-exclusive-or a b keys))
(defun nstring-upcase (string &key (start 0) end) (replace string (string-upcase string :start start :end end)))
(defun nstring-downcase (string &key (start 0) end) (replace string (string-downcase string :start start :end end)))
(defun nstring-capitalize (string &key (start 0) end) (replace string (string-capitalize string :start start :end end)))

(defun get-properties (plist indicators)
  (do ((p plist (cddr p)))
      ((null p) (values nil nil nil))
    (when (member (car p) indicators :test #'eq)
      (return (values (car p) (cadr p) p)))))

(defun make-sequence (type size &key (initial-element nil initial-p))
  (let ((type (%%type-expand type)))
    (cond ((or (eq type 'list) (eq type 'cons) (eq type 'null)
               (and (consp type) (member (car type) '(list cons))))
           (make-list size :initial-element initial-element))
          ((or (member type '(string simple-string base-string simple-base-string))
               (and (consp type) (member (car type) '(string simple-string base-string simple-base-string))))
           (if initial-p (make-string size :initial-element initial-element) (make-string size)))
          ((or (member type '(vector simple-vector array simple-array bit-vector simple-bit-vector))
               (and (consp type) (member (car type) '(vector simple-vector array simple-array))))
           (let ((element-type (cond ((member type '(bit-vector simple-bit-vector)) 'bit)
                                     ((and (consp type) (member (car type) '(vector array simple-array)) (cdr type)) (cadr type))
                                     (t t))))
             (if initial-p
                 (make-array size :element-type element-type :initial-element initial-element)
                 (make-array size :element-type element-type))))
          (t (error 'simple-type-error :datum type :expected-type 'sequence
                    :format-control "~S is not a sequence type MAKE-SEQUENCE can make" :format-arguments (list type))))))

(defmacro prog (bindings &body body)
  `(block nil (let ,bindings ,@(%body-declarations body) (tagbody ,@(%body-forms body)))))

(defmacro prog* (bindings &body body)
  `(block nil (let* ,bindings ,@(%body-declarations body) (tagbody ,@(%body-forms body)))))

(defmacro lambda (lambda-list &body body)
  `(function (lambda ,lambda-list ,@body)))

;;; Bit arrays.
(defun sbit (array &rest subscripts) (apply #'aref array subscripts))
(define-setf-place sbit (array &rest subscripts) v `(%%aset ,array ,v ,@subscripts))
(defun simple-bit-vector-p (x) (typep x 'bit-vector))
(defun %bit-op (op a b result)
  (let ((out (cond ((eq result t) a)
                   ((null result) (make-array (array-dimensions a) :element-type 'bit))
                   (t result))))
    (dotimes (i (array-total-size a) out)
      (setf (row-major-aref out i) (logand 1 (funcall op (row-major-aref a i) (if b (row-major-aref b i) 0)))))))
(defun bit-and (a b &optional result) (%bit-op #'logand a b result))
(defun bit-ior (a b &optional result) (%bit-op #'logior a b result))
(defun bit-xor (a b &optional result) (%bit-op #'logxor a b result))
(defun bit-eqv (a b &optional result) (%bit-op (lambda (x y) (lognot (logxor x y))) a b result))
(defun bit-nand (a b &optional result) (%bit-op (lambda (x y) (lognot (logand x y))) a b result))
(defun bit-nor (a b &optional result) (%bit-op (lambda (x y) (lognot (logior x y))) a b result))
(defun bit-andc1 (a b &optional result) (%bit-op (lambda (x y) (logand (lognot x) y)) a b result))
(defun bit-andc2 (a b &optional result) (%bit-op (lambda (x y) (logand x (lognot y))) a b result))
(defun bit-orc1 (a b &optional result) (%bit-op (lambda (x y) (logior (lognot x) y)) a b result))
(defun bit-orc2 (a b &optional result) (%bit-op (lambda (x y) (logior x (lognot y))) a b result))
(defun bit-not (a &optional result) (%bit-op (lambda (x y) (declare (ignore y)) (lognot x)) a nil result))

(defun array-in-bounds-p (array &rest subscripts)
  (and (= (length subscripts) (array-rank array))
       (every (lambda (s d) (and (integerp s) (<= 0 s) (< s d))) subscripts (array-dimensions array))))
(defconstant array-rank-limit 65529)
(defconstant multiple-values-limit 4611686018427387903)

;;; BOOLE and its operation constants.
(defconstant boole-clr 0) (defconstant boole-set 1) (defconstant boole-1 2) (defconstant boole-2 3)
(defconstant boole-c1 4) (defconstant boole-c2 5) (defconstant boole-and 6) (defconstant boole-ior 7)
(defconstant boole-xor 8) (defconstant boole-eqv 9) (defconstant boole-nand 10) (defconstant boole-nor 11)
(defconstant boole-andc1 12) (defconstant boole-andc2 13) (defconstant boole-orc1 14) (defconstant boole-orc2 15)
(defun boole (op a b)
  (case op
    (0 0) (1 -1) (2 a) (3 b) (4 (lognot a)) (5 (lognot b)) (6 (logand a b)) (7 (logior a b))
    (8 (logxor a b)) (9 (lognot (logxor a b))) (10 (lognot (logand a b))) (11 (lognot (logior a b)))
    (12 (logand (lognot a) b)) (13 (logand a (lognot b))) (14 (logior (lognot a) b)) (15 (logior a (lognot b)))
    (t (error 'simple-type-error :datum op :expected-type '(integer 0 15)
              :format-control "~S is not a BOOLE operation" :format-arguments (list op)))))

;;; Hyperbolic inverses and the float decomposition functions.
(defun %in-double (x f)
  ;; F computed in double precision, rounded back to X's float format (a single float for rationals).
  (let ((r (funcall f (float x 1d0))))
    (if (typep x 'double-float) r (if (complexp r) r (float r 1.0)))))
(defun asinh (x) (%in-double x (lambda (d) (log (+ d (sqrt (+ (* d d) 1d0)))))))
(defun acosh (x) (%in-double x (lambda (d) (log (+ d (* (sqrt (+ d 1d0)) (sqrt (- d 1d0))))))))
(defun atanh (x) (%in-double x (lambda (d) (/ (log (/ (+ 1d0 d) (- 1d0 d))) 2d0))))
(defun cis (theta) (complex (cos theta) (sin theta)))
(defun float-radix (f) (declare (ignore f)) 2)
(defun float-digits (f) (if (typep f 'double-float) 53 24))
(defun float-sign (f &optional (magnitude 1.0))
  (let ((m (abs (float magnitude f))))
    (if (or (minusp f) (and (zerop f) (minusp (/ 1 (if (typep f 'double-float) (float f 1d0) (float f 1d0)))))) (- m) m)))
(defun integer-decode-float (f)
  ;; The significand as an integer, the exponent and the sign, from FLOOR of the scaled value.
  (if (zerop f)
      (values 0 0 (if (minusp (float-sign f)) -1 1))
      (let* ((digits (float-digits f)) (sign (if (minusp f) -1 1)) (x (abs (rational f))) (e 0))
        ;; (library.lisp is read before the extended LOOP exists)
        (do () ((< x (expt 2 digits))) (setq x (/ x 2) e (1+ e)))
        (do () ((>= x (expt 2 (1- digits)))) (setq x (* x 2) e (1- e)))
        (values (floor x) e sign))))
(defun decode-float (f)
  (multiple-value-bind (significand exponent sign) (integer-decode-float f)
    (if (zerop significand)
        (values (float 0 f) 0 (float sign f))
        (let ((digits (float-digits f)))
          (values (float (/ significand (expt 2 digits)) f) (+ exponent digits) (float sign f))))))
(defun float-precision (f) (if (zerop f) 0 (float-digits f)))
(defun scale-float (f k) (* f (float (expt 2 k) f)))

(defun standard-char-p (c)
  (or (char= c #\Newline) (char<= #\Space c #\~)))
(defun char-not-equal (c &rest more)
  (do ((x c (car rest)) (rest more (cdr rest)))
      ((null rest) t)
    (when (some (lambda (y) (char-equal x y)) rest) (return nil))))
(defun string-not-greaterp (a b &rest keys) (apply #'string<= (string-downcase (string a)) (string-downcase (string b)) keys))
(defun string-not-lessp (a b &rest keys) (apply #'string>= (string-downcase (string a)) (string-downcase (string b)) keys))
(defun compiled-function-p (x) (functionp x))
(defun copy-symbol (symbol &optional copy-properties)
  (let ((new (make-symbol (symbol-name symbol))))
    (when copy-properties
      (when (boundp symbol) (setf (symbol-value new) (symbol-value symbol)))
      (when (fboundp symbol) (setf (symbol-function new) (symbol-function symbol)))
      (setf (symbol-plist new) (copy-list (symbol-plist symbol))))
    new))
(defun find-all-symbols (name)
  (let ((name (string name)) (out nil))
    (dolist (p (list-all-packages) out)
      (multiple-value-bind (s status) (find-symbol name p)
        (when (and status (not (member s out))) (push s out))))))
