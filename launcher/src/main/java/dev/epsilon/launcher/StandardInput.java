package dev.epsilon.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard input is a terminal (a person typing) rather than a pipe or a file. */
final class StandardInput {
    private StandardInput() {
    }

    static boolean isTerminal() {
        // Linux names what file descriptor 0 is; a terminal is a tty or pseudo-terminal device.
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            java.io.Console console = System.console();
            return console != null && console.isTerminal();
        }
    }
}
