package dev.epsilon.language.clos;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.List;

/** Standard method combination of the methods applicable to one set of argument classes. */
final class EffectiveMethod {
    private final GenericFunction generic;
    private final List<LispMethod> arounds;
    private final List<LispMethod> befores;
    private final List<LispMethod> primaries;
    private final List<LispMethod> afters;   // most specific first; run in reverse

    EffectiveMethod(GenericFunction generic, List<LispMethod> arounds, List<LispMethod> befores,
                    List<LispMethod> primaries, List<LispMethod> afters) {
        this.generic = generic;
        this.arounds = arounds;
        this.befores = befores;
        this.primaries = primaries;
        this.afters = afters;
    }

    @TruffleBoundary
    Object run(Object[] args) {
        if (!arounds.isEmpty()) {
            return invoke(arounds.get(0), new MethodChain(generic, arounds, 1, args, this), args);
        }
        return runWithoutArounds(args);
    }

    Object runWithoutArounds(Object[] args) {
        if (primaries.isEmpty()) {
            return generic.noApplicableMethodCall(args);
        }
        for (LispMethod m : befores) {
            invoke(m, new MethodChain(generic, List.of(), 0, args, null), args);
        }
        Object result = invoke(primaries.get(0), new MethodChain(generic, primaries, 1, args, null), args);
        for (int i = afters.size() - 1; i >= 0; i--) {
            invoke(afters.get(i), new MethodChain(generic, List.of(), 0, args, null), args);
        }
        return result;
    }

    static Object invoke(LispMethod m, MethodChain chain, Object[] args) {
        Object[] full = new Object[args.length + 2];
        full[0] = m.function();
        full[1] = chain;
        System.arraycopy(args, 0, full, 2, args.length);
        return m.function().callTarget().call(full);
    }
}
