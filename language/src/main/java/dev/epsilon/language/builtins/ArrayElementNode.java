package dev.epsilon.language.builtins;

import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.runtime.NativeArray;
import dev.epsilon.language.runtime.SimpleVector;

/**
 * Reading and writing one element of a vector by one subscript: AREF and (SETF AREF) with one
 * subscript, SVREF and (SETF SVREF). A site specializes on the representations it meets (a simple
 * vector, a specialized numeric vector, a literal string) with the index in bounds; anything else
 * (an adjustable vector, a mutable string, a bad index or array) takes the general path, which
 * checks and reports. A specialized numeric vector is read and written for the element types the
 * site has met (a few, each a compilation constant), so compiled code is one load or store with no
 * dispatch on the element type: small enough to inline into a loop that copies arrays.
 */
public abstract class ArrayElementNode {
    private ArrayElementNode() {
    }

    /** {@code (aref array index)}, or {@code (svref array index)} when made for SVREF. */
    public abstract static class Read extends Node {
        final boolean simpleVectorOnly;

        Read(boolean simpleVectorOnly) {
            this.simpleVectorOnly = simpleVectorOnly;
        }

        public abstract Object execute(Object array, Object index);

        @Specialization(guards = {"index >= 0", "index < v.items.length"})
        static Object simpleVector(SimpleVector v, long index) {
            return v.items[(int) index];
        }

        @Specialization(guards = {"!simpleVectorOnly", "a.element() == element", "a.rank() == 1", "index >= 0", "index < a.totalSize()"},
                limit = "3")
        static Object nativeVector(NativeArray a, long index, @Cached("a.element()") NativeArray.Element element) {
            return a.get(element, (int) index);
        }

        @Specialization(guards = {"!simpleVectorOnly", "a.rank() == 1", "index >= 0", "index < a.totalSize()"}, replaces = "nativeVector")
        static Object anyNativeVector(NativeArray a, long index) {
            return a.get((int) index);
        }

        @Specialization(guards = {"!simpleVectorOnly", "index >= 0", "index < s.length()"})
        static Object string(String s, long index) {
            return s.charAt((int) index);
        }

        @Fallback
        Object general(Object array, Object index) {
            if (simpleVectorOnly) {
                Args.as(array, SimpleVector.class, "SIMPLE-VECTOR", "SVREF");
            }
            return DataBuiltins.aref(array, new Object[]{index}, simpleVectorOnly ? "SVREF" : "AREF");
        }
    }

    /** {@code (setf (aref array index) value)}, or of SVREF. */
    public abstract static class Write extends Node {
        final boolean simpleVectorOnly;

        Write(boolean simpleVectorOnly) {
            this.simpleVectorOnly = simpleVectorOnly;
        }

        public abstract Object execute(Object array, Object index, Object value);

        @Specialization(guards = {"index >= 0", "index < v.items.length"})
        static Object simpleVector(SimpleVector v, long index, Object value) {
            v.items[(int) index] = value;
            return value;
        }

        @Specialization(guards = {"!simpleVectorOnly", "a.element() == element", "a.rank() == 1", "index >= 0", "index < a.totalSize()"},
                limit = "3")
        static Object nativeVector(NativeArray a, long index, Object value, @Cached("a.element()") NativeArray.Element element) {
            a.set(element, (int) index, value);
            return value;
        }

        @Specialization(guards = {"!simpleVectorOnly", "a.rank() == 1", "index >= 0", "index < a.totalSize()"}, replaces = "nativeVector")
        static Object anyNativeVector(NativeArray a, long index, Object value) {
            a.set((int) index, value);
            return value;
        }

        @Fallback
        Object general(Object array, Object index, Object value) {
            String where = simpleVectorOnly ? "(SETF SVREF)" : "(SETF AREF)";
            if (simpleVectorOnly) {
                Args.as(array, SimpleVector.class, "SIMPLE-VECTOR", where);
            }
            DataBuiltins.aset(array, value, new Object[]{index}, where);
            return value;
        }
    }
}
