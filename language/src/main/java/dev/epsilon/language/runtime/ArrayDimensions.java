package dev.epsilon.language.runtime;

/** Arithmetic on an array's dimensions, shared by the Lisp-object and the native-backed arrays. */
public final class ArrayDimensions {
    private ArrayDimensions() {
    }

    /** The number of elements an array of these dimensions holds (1 for rank 0). */
    public static int totalSize(int[] dimensions) {
        int total = 1;
        for (int d : dimensions) {
            total *= d;
        }
        return total;
    }
}
