package dev.epsilon.language.foreign;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.builtins.Args;
import dev.epsilon.language.builtins.Builtins;
import dev.epsilon.language.builtins.FunctionBuiltin;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.ForeignPointer;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.NativeArray;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.nfi.CType;
import dev.epsilon.nfi.Errno;
import dev.epsilon.nfi.ForeignException;
import dev.epsilon.nfi.ForeignFunction;
import dev.epsilon.nfi.MemoryBlock;
import dev.epsilon.nfi.NativeLibrary;
import dev.epsilon.nfi.NativeMemory;
import dev.epsilon.nfi.Signature;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The Java functions of EPSILON.FOREIGN: libraries, memory, pointers, the signature registry. */
public final class ForeignBuiltins {
    private ForeignBuiltins() {
    }

    /** A library opened with LIB-OPEN, as a Lisp object. */
    public record LibraryHandle(NativeLibrary library) implements com.oracle.truffle.api.interop.TruffleObject {
        @Override
        public String toString() {
            return "#<FOREIGN-LIBRARY " + library + ">";
        }
    }

    private static void def(Builtins b, LispPackage pkg, String name, int min, int max, FunctionBuiltin.Body body) {
        b.function(pkg, name, min, max, new FunctionBuiltin(body));
    }

    private static long offset(Object o, String where) {
        if (o instanceof Long l) {
            return l;
        }
        throw LispError.typeError(o, "INTEGER", where);
    }

    /** An address is any 64-bit pattern: (1- (expt 2 64)) is all ones, and so is -1. */
    private static long address(Object o) {
        if (o instanceof java.math.BigInteger b && b.signum() > 0 && b.bitLength() <= 64) {
            return b.longValue();
        }
        return offset(o, "MAKE-POINTER");
    }

    private static dev.epsilon.language.runtime.ForeignStruct struct(Object o) {
        if (o instanceof dev.epsilon.language.runtime.ForeignStruct s) {
            return s;
        }
        throw LispError.typeError(o, "C-STRUCT", "STRUCT-REF");
    }

    private static ForeignPointer pointer(Object o, String where) {
        if (o instanceof ForeignPointer p) {
            return p;
        }
        throw LispError.typeError(o, "FOREIGN-POINTER", where);
    }

    public static void install(Builtins b, EpsilonContext cx) {
        LispPackage ffi = cx.foreignPackage();
        LispPackage sys = cx.systemPackage();
        NativeMemory memory = cx.memory();
        b.function(ffi, "SHARED-CALL", 3, -1, new SharedCallBuiltin());
        b.function(ffi, "SHARED-CALL-FAST", 3, -1, new SharedCallBuiltin());
        b.variable(ffi, "*LIBRARY-SEARCH-PATHS*", Lisp.NIL);

        def(b, ffi, "LIB-OPEN", 1, -1, a -> {
            String name = a[0] instanceof String s ? s : Printer.princToString(a[0]);
            try {
                return new LibraryHandle(cx.libraries().open(name, ForeignCalls.searchPaths(cx)));
            } catch (ForeignException e) {
                throw ForeignCalls.error(e, "");
            }
        });
        def(b, ffi, "LIB-CLOSE", 1, 1, a -> {
            String name = a[0] instanceof LibraryHandle h ? h.library().requestedName() : Printer.princToString(a[0]);
            return Lisp.bool(cx.libraries().close(name));
        });
        def(b, ffi, "LIB-FUNCTION", 2, 2, a -> {
            String library = a[0] instanceof LibraryHandle h ? h.library().requestedName() : Printer.princToString(a[0]);
            String symbol = dev.epsilon.language.builtins.Strings.string(a[1], "LIB-FUNCTION");
            try {
                return ForeignPointer.of(ForeignCalls.symbolAddress(cx, library, symbol));
            } catch (ForeignException e) {
                throw ForeignCalls.error(e, "");
            }
        });

        // The flat namespace that :DEFAULT calls and CFFI's backend use.
        def(b, sys, "%%LOAD-FLAT-LIBRARY", 1, 1, a -> {
            String name = a[0] instanceof String s ? s : Printer.princToString(a[0]);
            try {
                return new LibraryHandle(cx.flatNamespace().load(name));
            } catch (ForeignException e) {
                throw ForeignCalls.error(e, "");
            }
        });
        def(b, sys, "%%CLOSE-FLAT-LIBRARY", 1, 1, a -> Lisp.bool(cx.flatNamespace().close(
                a[0] instanceof LibraryHandle h ? h.library().requestedName() : Printer.princToString(a[0]))));
        def(b, sys, "%%FLAT-SYMBOL-ADDRESS", 1, 1, a -> {
            long address = cx.flatNamespace().address(a[0] instanceof String s ? s : Printer.princToString(a[0]));
            return address == 0 ? Lisp.NIL : ForeignPointer.of(address);
        });

        // Memory.
        CStructs structs = cx.structs();
        def(b, ffi, "FOREIGN-TYPE-SIZE", 1, 1, a -> structs.size(a[0]));
        def(b, ffi, "FOREIGN-TYPE-ALIGNMENT", 1, 1, a -> structs.alignment(a[0]));
        def(b, sys, "%%DEFINE-C-STRUCT", 3, 3, a -> {
            structs.define(Builtins.symbol(a[0], "%%DEFINE-C-STRUCT"), a[1] != Lisp.NIL, a[2]);
            return a[0];
        });
        def(b, sys, "%%C-STRUCT-VIEW", 2, 2, a -> new dev.epsilon.language.runtime.ForeignStruct(structs.layout(a[0]),
                a[1] instanceof ForeignPointer p ? p : (ForeignPointer) ForeignPointer.of(Marshal.toLong(a[1]))));
        def(b, sys, "%%ALLOCATE-C-STRUCT", 1, 1, a -> {
            dev.epsilon.nfi.StructLayout layout = structs.layout(a[0]);
            MemoryBlock block = allocate(cx, memory, layout.size());
            return new dev.epsilon.language.runtime.ForeignStruct(layout, new ForeignPointer(block.address(), block));
        });
        def(b, sys, "%%DEFINE-C-STRUCT-AUTO", 2, 2, a -> {
            Symbol name = Builtins.symbol(a[0], "%%DEFINE-C-STRUCT-AUTO");
            java.util.Map<String, dev.epsilon.nfi.StructLayout> found;
            try {
                found = new dev.epsilon.nfi.CDeclarations().parse(Args.as(a[1], String.class, "STRING", "%%DEFINE-C-STRUCT-AUTO"));
            } catch (ForeignException e) {
                throw ForeignCalls.error(e, " (DEFINE-C-STRUCT-AUTO " + name.name() + ")");
            }
            if (found.isEmpty()) {
                throw LispError.error("FOREIGN-ERROR", "DEFINE-C-STRUCT-AUTO " + name.name() + ": no struct or union in the declaration");
            }
            String wanted = name.name().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
            dev.epsilon.nfi.StructLayout chosen = found.getOrDefault(wanted, null);
            if (chosen == null) {
                for (dev.epsilon.nfi.StructLayout l : found.values()) {
                    chosen = l;   // the last one declared
                }
            }
            structs.define(name, chosen);
            return name;
        });
        def(b, sys, "%%STRUCT-MEMBER-OFFSET", 2, 2, a -> {
            dev.epsilon.nfi.StructLayout.Member m = CStructs.member(structs.layout(a[0]), a[1] instanceof Symbol s ? s.name() : Args.as(a[1], String.class, "STRING", "%%STRUCT-MEMBER-OFFSET"));
            return m == null ? Lisp.NIL : (Object) m.offset();
        });
        def(b, ffi, "STRUCT-REF", 2, 2, a -> structs.ref(struct(a[0]), a[1]));
        def(b, sys, "%%STRUCT-REF-SET", 3, 3, a -> structs.set(struct(a[0]), a[1], a[2]));
        def(b, ffi, "STRUCT-POINTER", 1, 1, a -> struct(a[0]).base());
        def(b, ffi, "STRUCT-LAYOUT-SIZE", 1, 1, a -> a[0] instanceof dev.epsilon.language.runtime.ForeignStruct s
                ? s.layout().size() : structs.layout(a[0]).size());
        def(b, ffi, "C-STRUCT-P", 1, 1, a -> Lisp.bool(a[0] instanceof dev.epsilon.language.runtime.ForeignStruct));
        def(b, ffi, "FOREIGN-ALLOC", 1, -1, a -> {
            CType t = ForeignTypes.parse(a[0]);
            long count = offset(keyArg(a, "COUNT", 1L), "FOREIGN-ALLOC :COUNT");
            long elementSize = Math.max(1, t.size());
            if (count < 0 || count > Long.MAX_VALUE / elementSize) {
                throw LispError.error("FOREIGN-ERROR", "FOREIGN-ALLOC: a count of " + count + " elements of "
                        + elementSize + " bytes is not a size that can be allocated");
            }
            MemoryBlock block = allocate(cx, memory, elementSize * count);
            ForeignPointer p = new ForeignPointer(block.address(), block);
            Object initial = keyArg(a, "INITIAL-ELEMENT", null);
            Object contents = keyArg(a, "INITIAL-CONTENTS", null);
            if (contents != null) {
                List<Object> items = dev.epsilon.language.runtime.Sequences.toList(contents);
                for (int i = 0; i < Math.min(count, items.size()); i++) {
                    ForeignMemoryAccess.write(p, t, i * t.size(), items.get(i));
                }
            } else if (initial != null) {
                for (long i = 0; i < count; i++) {
                    ForeignMemoryAccess.write(p, t, i * t.size(), initial);
                }
            }
            return p;
        });
        def(b, ffi, "FOREIGN-FREE", 1, 1, a -> {
            ForeignPointer p = pointer(a[0], "FOREIGN-FREE");
            try {
                if (p.block() != null && p.block().isFreed()) {
                    throw new ForeignException(ForeignException.Reason.DOUBLE_FREE,
                            "double free of the block at 0x" + Long.toHexString(p.address()));
                }
                memory.free(p.address());
            } catch (ForeignException e) {
                throw ForeignCalls.error(e, " (FOREIGN-FREE)");
            }
            return Lisp.NIL;
        });
        def(b, sys, "%%DECLARE-FOREIGN-INLINE", 5, 5, a -> {
            Symbol name = Builtins.symbol(a[0], "%%DECLARE-FOREIGN-INLINE");
            name.setForeignInline(new InlineForeignFunction(name.function(), a[1], a[2], a[3], a[4] != Lisp.NIL,
                    Lisp.length(a[3])));
            return name;
        });
        def(b, sys, "%%POOL-ACQUIRE", 1, 1, a -> {
            cx.requireNativeAccess("WITH-POOLED-MEMORY");
            MemoryBlock block = memory.acquirePooled(offset(a[0], "WITH-POOLED-MEMORY"));
            return new ForeignPointer(block.address(), block);
        });
        def(b, sys, "%%POOL-STATISTICS", 0, 0, a -> {
            java.util.List<Object> rows = new java.util.ArrayList<>();
            for (long[] r : memory.poolStatistics()) {
                rows.add(Lisp.list(r[0], r[1], r[2], r[3]));
            }
            return Lisp.fromList(rows, Lisp.NIL);
        });
        // Whether constant SHARED-CALLs and DEFSHARED calls compile to direct native calls (the
        // default), or go through the generic call each time: for code analyzed from now on.
        def(b, sys, "%%SET-CALL-SITE-OPTIMIZATION", 1, 1, a -> {
            cx.setCallSiteOptimization(a[0] != Lisp.NIL);
            return a[0];
        });
        def(b, sys, "%%CALL-SITE-OPTIMIZATION-P", 0, 0, a -> Lisp.bool(cx.callSiteOptimization()));
        def(b, sys, "%%POOL-RELEASE", 1, 1, a -> {
            try {
                memory.releasePooled(pointer(a[0], "WITH-POOLED-MEMORY").block());
            } catch (ForeignException e) {
                throw ForeignCalls.error(e, "");
            }
            return Lisp.NIL;
        });
        def(b, ffi, "FOREIGN-MEMORY-LEAKS", 0, 0, a -> {
            Object out = Lisp.NIL;
            for (Map.Entry<Long, Long> e : memory.leaks().entrySet()) {
                out = new Cons(new Cons(ForeignPointer.of(e.getKey()), e.getValue()), out);
            }
            return out;
        });
        def(b, ffi, "MEM-REF", 2, 3, a -> ForeignMemoryAccess.read(a[0], ForeignTypes.parse(a[1]), a.length > 2 ? offset(a[2], "MEM-REF") : 0));
        def(b, sys, "%%MEM-SET", 4, 4, a -> {
            ForeignMemoryAccess.write(a[0], ForeignTypes.parse(a[1]), offset(a[2], "(SETF MEM-REF)"), a[3]);
            return a[3];
        });
        def(b, ffi, "MEM-AREF", 2, 3, a -> {
            if (CStructs.isAggregate(a[1])) {
                // An element of an array of structs: a view at pointer + index * size.
                long index = a.length > 2 ? offset(a[2], "MEM-AREF") : 0;
                ForeignPointer p = pointer(a[0], "MEM-AREF");
                dev.epsilon.nfi.StructLayout layout = structs.layout(a[1]);
                ForeignPointer at = p.plus(ForeignMemoryAccess.elementOffset(index, layout.size(), "MEM-AREF"));
                ForeignMemoryAccess.checked(at, 0, layout.size(), false, "MEM-AREF");
                return new dev.epsilon.language.runtime.ForeignStruct(layout, at);
            }
            CType t = ForeignTypes.parse(a[1]);
            return ForeignMemoryAccess.read(a[0], t, ForeignMemoryAccess.elementOffset(a.length > 2 ? offset(a[2], "MEM-AREF") : 0, t.size(), "MEM-AREF"));
        });
        def(b, sys, "%%MEM-ASET", 4, 4, a -> {
            CType t = ForeignTypes.parse(a[1]);
            ForeignMemoryAccess.write(a[0], t, ForeignMemoryAccess.elementOffset(offset(a[2], "(SETF MEM-AREF)"), t.size(), "(SETF MEM-AREF)"), a[3]);
            return a[3];
        });

        // Pointers.
        def(b, ffi, "MAKE-POINTER", 1, 1, a -> ForeignPointer.of(address(a[0])));
        def(b, ffi, "POINTER-ADDRESS", 1, 1, a -> Marshal.fromC(a[0] instanceof NativeArray arr ? arr.address()
                : pointer(a[0], "POINTER-ADDRESS").address(), CType.UINT64));
        def(b, ffi, "NULL-POINTER", 0, 0, a -> ForeignPointer.NULL);
        def(b, ffi, "NULL-POINTER-P", 1, 1, a -> Lisp.bool(pointer(a[0], "NULL-POINTER-P").isNull()));
        def(b, ffi, "FOREIGN-POINTER-P", 1, 1, a -> Lisp.bool(a[0] instanceof ForeignPointer));
        def(b, ffi, "INC-POINTER", 2, 2, a -> pointer(a[0], "INC-POINTER").plus(offset(a[1], "INC-POINTER")));
        def(b, ffi, "POINTER-EQ", 2, 2, a -> Lisp.bool(pointer(a[0], "POINTER-EQ").address() == pointer(a[1], "POINTER-EQ").address()));
        def(b, ffi, "FOREIGN-STRING-ALLOC", 1, 1, a -> {
            byte[] bytes = a[0].toString().getBytes(StandardCharsets.UTF_8);
            MemoryBlock block = allocate(cx, memory, bytes.length + 1L);
            java.lang.foreign.MemorySegment.copy(bytes, 0, NativeMemory.ALL, ValueLayout.JAVA_BYTE, block.address(), bytes.length);
            return new ForeignPointer(block.address(), block);
        });
        def(b, ffi, "FOREIGN-STRING-TO-LISP", 1, -1, a -> {
            ForeignPointer p = pointer(a[0], "FOREIGN-STRING-TO-LISP");
            Object count = keyArg(a, "COUNT", Lisp.NIL);
            long max = count == Lisp.NIL ? -1 : offset(count, "FOREIGN-STRING-TO-LISP");
            if (!p.isNull()) {
                ForeignMemoryAccess.checked(p, 0, 1, false, "FOREIGN-STRING-TO-LISP");
                if (p.block() != null) {
                    // Memory Epsilon allocated: the read stops at the block's end, NUL or not.
                    long room = p.block().address() + p.block().size() - p.address();
                    max = max < 0 ? room : Math.min(max, room);
                }
            }
            return ForeignMemoryAccess.string(p.address(), max);
        });
        def(b, sys, "%%PIN-ARRAY", 1, 1, a -> {
            cx.requireNativeAccess("WITH-PINNED-ARRAY");
            if (a[0] instanceof NativeArray arr) {
                return new ForeignPointer(arr.address(), MemoryBlock.view(arr.address(), (long) arr.totalSize() * arr.element().size, arr));
            }
            throw LispError.error("TYPE-ERROR", "WITH-PINNED-ARRAY needs a specialized numeric array such as "
                    + "(unsigned-byte 8) or double-float, whose elements live in native memory; "
                    + Printer.prin1ToString(a[0]) + " is a general array (make it with :element-type)", "DATUM", a[0]);
        });

        def(b, sys, "%%SET-FOREIGN-CONVERTERS", 2, 2, a -> {
            LispFunction toForeign = Args.as(a[0], LispFunction.class, "FUNCTION", "%%SET-FOREIGN-CONVERTERS");
            dev.epsilon.language.clos.GenericFunction g = (dev.epsilon.language.clos.GenericFunction) toForeign.genericFunction();
            cx.foreignRegistry().setConverter((value, type) -> {
                if (g.methods().size() <= 1) {
                    return null;   // only the default method: nothing user-defined applies
                }
                return toForeign.callUncached(value, cx.keyword(ForeignTypes.keywordName(type)));
            });
            return Lisp.T;
        });
        def(b, sys, "%%DEFINE-CLASS-ALIAS", 2, 2, a -> {
            cx.classes().define(Builtins.symbol(a[0], "%%DEFINE-CLASS-ALIAS"), cx.classes().named(Builtins.symbol(a[1], "%%DEFINE-CLASS-ALIAS")));
            return a[0];
        });

        Callbacks callbacks = cx.foreignRegistry().callbacks();
        def(b, ffi, "MAKE-CALLBACK", 3, 3, a -> callbacks.make(dev.epsilon.language.runtime.FunctionDesignators.resolve(a[0], "MAKE-CALLBACK"), a[1], a[2]));
        def(b, ffi, "FREE-CALLBACK", 1, 1, a -> {
            callbacks.free(pointer(a[0], "FREE-CALLBACK"));
            return Lisp.NIL;
        });
        def(b, sys, "%%LIVE-CALLBACKS", 0, 0, a -> (long) callbacks.liveCount());

        // errno, signatures, trampolines.
        def(b, ffi, "ERRNO", 0, 0, a -> (long) Errno.last());
        def(b, sys, "%%SIGNATURE-RESOLUTIONS", 0, 0, a -> cx.foreignRegistry().signatureResolutions().get());
        def(b, sys, "%%FFI-ENGINE", 0, 0, a -> cx.keyword(cx.ffiEngine().toUpperCase(java.util.Locale.ROOT)));
        Map<Symbol, Object> signatures = cx.foreignRegistry().signatures();
        def(b, ffi, "REGISTER-SIGNATURE", 3, 3, a -> {
            ForeignTypes.signature(cx.structs(), a[1], a[2]);
            signatures.put(Builtins.symbol(a[0], "REGISTER-SIGNATURE"), new Cons(a[1], a[2]));
            return a[0];
        });
        def(b, ffi, "FIND-SIGNATURE", 1, 1, a -> {
            Object s = signatures.get(Builtins.symbol(a[0], "FIND-SIGNATURE"));
            return s == null ? Lisp.NIL : s;
        });
        Map<Signature, LispFunction> trampolines = cx.foreignRegistry().trampolines();
        def(b, ffi, "GET-OR-CREATE-TRAMPOLINE", 2, 2, a -> {
            Signature sig = ForeignTypes.signature(cx.structs(), a[0], a[1]);
            return trampolines.computeIfAbsent(sig, s -> trampoline(b, cx, s));
        });
    }

    /**
     * A function (trampoline pointer &rest args) that calls the C function at pointer with one
     * signature, through the call protocol every foreign call follows. It is anonymous: making one
     * defines no global function.
     */
    private static LispFunction trampoline(Builtins b, EpsilonContext cx, Signature sig) {
        Map<Long, ForeignFunction> byAddress = new ConcurrentHashMap<>();
        return b.anonymousFunction("TRAMPOLINE " + sig, 1, -1, new FunctionBuiltin(a -> {
            ForeignPointer target = pointer(a[0], "trampoline");
            ForeignFunction f = byAddress.get(target.address());
            if (f == null) {
                f = ForeignCalls.atAddress(cx, target, sig, false);
                byAddress.put(target.address(), f);
            }
            Object[] c = ForeignCallProtocol.arguments(f, a, 1);
            LispThread thread = EpsilonLanguage.thread(null);
            return ForeignCallProtocol.result(thread, f, ForeignCallProtocol.invoke(thread, f, null, c), false);
        }));
    }

    private static MemoryBlock allocate(EpsilonContext cx, NativeMemory memory, long size) {
        cx.requireNativeAccess("foreign memory");
        try {
            return memory.allocate(size);
        } catch (ForeignException e) {
            throw ForeignCalls.error(e, "");
        }
    }

    private static Object keyArg(Object[] a, String name, Object dflt) {
        for (int i = 1; i + 1 < a.length; i += 2) {
            if (a[i] instanceof Symbol s && s.isKeyword() && s.name().equals(name)) {
                return a[i + 1];
            }
        }
        return dflt;
    }
}
