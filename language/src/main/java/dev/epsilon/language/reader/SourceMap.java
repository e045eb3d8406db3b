package dev.epsilon.language.reader;

import com.oracle.truffle.api.source.SourceSection;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each list the reader built came from, kept beside the data by identity so that forms stay
 * plain Lisp data and macro expansions that reuse subforms keep their positions.
 */
public final class SourceMap {
    private final Map<Object, SourceSection> sections = new IdentityHashMap<>();

    public void put(Object form, SourceSection section) {
        sections.put(form, section);
    }

    public SourceSection get(Object form) {
        return sections.get(form);
    }
}
