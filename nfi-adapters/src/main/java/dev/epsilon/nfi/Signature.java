package dev.epsilon.nfi;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A C function type: return type, fixed argument types, and (for a variadic function) the types of
 * the variadic arguments of one particular call; and whether calls are leaf calls (short, never
 * calling back, never blocking), which the FFM engine makes without the thread-state transition.
 * Immutable; equal signatures share one engine binding.
 */
public final class Signature {
    private final CType returnType;
    private final CType[] fixedArgs;
    private final CType[] varArgs;   // null when the function is not variadic
    private final StructLayout[] argStructs;   // the layout of each STRUCT argument (null elsewhere)
    private final StructLayout returnStruct;
    private final boolean leaf;

    public Signature(CType returnType, List<CType> fixedArgs, List<CType> varArgs) {
        this(returnType, null, fixedArgs, varArgs, null);
    }

    /** With the layouts of struct-by-value arguments (by position) and result. */
    public Signature(CType returnType, StructLayout returnStruct, List<CType> fixedArgs, List<CType> varArgs,
                     List<StructLayout> argStructs) {
        this.returnType = returnType;
        this.fixedArgs = fixedArgs.toArray(new CType[0]);
        this.varArgs = varArgs == null ? null : varArgs.toArray(new CType[0]);
        this.returnStruct = returnStruct;
        this.argStructs = argStructs == null ? new StructLayout[arity()] : argStructs.toArray(new StructLayout[0]);
        this.leaf = false;
    }

    private Signature(Signature s, boolean leaf) {
        this.returnType = s.returnType;
        this.fixedArgs = s.fixedArgs;
        this.varArgs = s.varArgs;
        this.returnStruct = s.returnStruct;
        this.argStructs = s.argStructs;
        this.leaf = leaf;
    }

    /** The same type, for leaf calls. */
    public Signature asLeaf() {
        return leaf ? this : new Signature(this, true);
    }

    public boolean isLeaf() { return leaf; }

    public StructLayout argStruct(int i) { return argStructs[i]; }

    public StructLayout returnStruct() { return returnStruct; }

    /** Whether a struct crosses by value: only the FFM engine can make such calls. */
    public boolean hasStructs() {
        if (returnStruct != null) {
            return true;
        }
        for (StructLayout s : argStructs) {
            if (s != null) {
                return true;
            }
        }
        return false;
    }

    public CType returnType() { return returnType; }

    public int fixedCount() { return fixedArgs.length; }

    public boolean isVariadic() { return varArgs != null; }

    /** Number of C arguments a call passes, fixed and variadic. */
    public int arity() { return fixedArgs.length + (varArgs == null ? 0 : varArgs.length); }

    public CType argType(int i) {
        return i < fixedArgs.length ? fixedArgs[i] : varArgs[i - fixedArgs.length];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && returnType == s.returnType
                && Arrays.equals(fixedArgs, s.fixedArgs) && Arrays.equals(varArgs, s.varArgs)
                && returnStruct == s.returnStruct && Arrays.equals(argStructs, s.argStructs) && leaf == s.leaf;
    }

    @Override
    public int hashCode() {
        return returnType.hashCode() * 31 + Arrays.hashCode(fixedArgs) * 17 + Arrays.hashCode(varArgs) + (leaf ? 1 : 0);
    }

    /** C-like spelling, used in error messages: {@code uint64_t (char*)}. */
    @Override
    public String toString() {
        String fixed = java.util.stream.IntStream.range(0, fixedArgs.length)
                .mapToObj(i -> fixedArgs[i] == CType.STRUCT ? argStructs[i].toString() : fixedArgs[i].cName())
                .collect(Collectors.joining(", "));
        if (varArgs != null) {
            String var = Arrays.stream(varArgs).map(CType::cName).collect(Collectors.joining(", "));
            fixed = fixed + (fixed.isEmpty() ? "" : ", ") + "..." + (var.isEmpty() ? "" : " " + var);
        }
        return (returnType == CType.STRUCT ? returnStruct.toString() : returnType.cName()) + " (" + fixed + ")";
    }
}
