package dev.epsilon.language.clos;

/** A method specializer {@code (eql value)}. */
public record EqlSpecializer(Object value) {
}
