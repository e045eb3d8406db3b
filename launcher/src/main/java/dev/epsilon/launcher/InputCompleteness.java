package dev.epsilon.launcher;

/**
 * Whether REPL input so far holds complete forms: parentheses balanced outside strings, comments
 * and character literals, so the REPL knows to ask for another line.
 */
final class InputCompleteness {
    private InputCompleteness() {
    }

    static boolean isComplete(String text) {
        int depth = 0;
        boolean inString = false;
        int blockComment = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (blockComment > 0) {
                if (c == '|' && next == '#') {
                    blockComment--;
                    i++;
                } else if (c == '#' && next == '|') {
                    blockComment++;
                    i++;
                }
            } else if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ';') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '#' && next == '|') {
                blockComment++;
                i++;
            } else if (c == '#' && next == '\\') {
                i += 2;   // the character after #\ is data, even a parenthesis
            } else if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return depth <= 0 && !inString && blockComment == 0;
    }
}
