package dev.epsilon.language.clos;

import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Symbol;

import java.util.List;

/**
 * A method: qualifiers (none, :before, :after, :around), one specializer per required parameter
 * (a class or an {@link EqlSpecializer}), and its function, called as {@code (chain arg...)}.
 */
public record LispMethod(List<Symbol> qualifiers, Object[] specializers, LispFunction function)
        implements com.oracle.truffle.api.interop.TruffleObject {
    @Override
    public String toString() {
        return "#<STANDARD-METHOD " + qualifiers + " " + java.util.Arrays.toString(specializers) + ">";
    }

    boolean isPrimary() {
        return qualifiers.isEmpty();
    }

    boolean is(String qualifier) {
        return qualifiers.size() == 1 && qualifiers.get(0).name().equals(qualifier);
    }

    public boolean sameSpecializersAndQualifiers(LispMethod other) {
        if (!qualifiers.equals(other.qualifiers) || specializers.length != other.specializers.length) {
            return false;
        }
        for (int i = 0; i < specializers.length; i++) {
            if (!specializers[i].equals(other.specializers[i])) {
                return false;
            }
        }
        return true;
    }
}
