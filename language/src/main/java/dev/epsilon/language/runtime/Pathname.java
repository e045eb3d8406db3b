package dev.epsilon.language.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/** A pathname; for now its namestring, which is what programs pass to files and C. */
public record Pathname(String namestring) implements TruffleObject {
}
