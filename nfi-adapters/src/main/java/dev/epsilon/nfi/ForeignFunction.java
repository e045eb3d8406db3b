package dev.epsilon.nfi;

/**
 * A native symbol bound to one signature, ready to call. Compiled callers hold the function as a
 * constant and call it through a {@link ForeignCallNode} adopted into their own tree.
 */
public abstract class ForeignFunction {
    private final NativeLibrary library;
    private final String symbol;
    private final Signature signature;

    protected ForeignFunction(NativeLibrary library, String symbol, Signature signature) {
        this.library = library;
        this.symbol = symbol;
        this.signature = signature;
    }

    public NativeLibrary library() { return library; }

    public String symbol() { return symbol; }

    public Signature signature() { return signature; }

    /** A node that performs calls of this function; adopt it as a child. */
    public abstract ForeignCallNode createCallNode();

    /** Whether each call records errno (read it with {@link Errno#last()}). */
    public boolean capturesErrno() {
        return false;
    }

    /** A call from a site that keeps no node for this function (megamorphic sites, slow paths). */
    public abstract Object callUncached(Object[] cArguments);

    /** Describes the function for error messages: {@code strlen in libc: uint64_t (char*)}. */
    @Override
    public String toString() {
        return symbol + " in " + library.requestedName() + ": " + signature;
    }
}
