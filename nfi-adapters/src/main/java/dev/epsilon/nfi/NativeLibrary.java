package dev.epsilon.nfi;

import java.nio.file.Path;

/** A shared object loaded by an engine. {@code handle} is the engine's own library object. */
public record NativeLibrary(String requestedName, Path path, Object handle) {
    @Override
    public String toString() {
        return requestedName + " (" + path + ")";
    }
}
