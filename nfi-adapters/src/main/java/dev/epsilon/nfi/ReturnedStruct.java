package dev.epsilon.nfi;

/**
 * A struct a C function returned by value: its bytes at {@code address}, in memory that stays valid
 * while {@code owner} is reachable (the caller keeps the owner with the Lisp view of the struct).
 */
public record ReturnedStruct(long address, Object owner) {
}
