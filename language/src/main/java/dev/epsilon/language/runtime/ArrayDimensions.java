package dev.epsilon.language.runtime;

/** Arithmetic on an array's dimensions, shared by the Lisp-object and the native-backed arrays. */
public final class ArrayDimensions {
    private ArrayDimensions() {
    }

    /** The elements of nested sequences (:INITIAL-CONTENTS, {@code #nA}) in row-major order, {@code rank} levels deep. */
    public static void flattenContents(Object contents, int rank, java.util.List<Object> out) {
        if (rank == 0) {
            out.add(contents);
            return;
        }
        for (Object o : Sequences.toList(contents)) {
            flattenContents(o, rank - 1, out);
        }
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
