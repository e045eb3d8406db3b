package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import java.util.Arrays;

/**
 * A mutable string: what MAKE-STRING, COPY-SEQ and (make-array n :element-type 'character ...) make,
 * optionally with a fill pointer and adjustable; also any text holding characters above U+FFFF
 * ({@link Chars#text}). Its elements are code points. Literal and computed strings are Java Strings;
 * every string function takes both.
 */
@ExportLibrary(InteropLibrary.class)
public final class LispString implements TruffleObject {
    private int[] chars;              // code points
    private int fillPointer;          // the active length; equals chars.length when there is none
    private final boolean hasFillPointer;
    private final boolean adjustable;

    public LispString(int size, int initial, int fillPointer, boolean hasFillPointer, boolean adjustable) {
        this.chars = new int[size];
        Arrays.fill(chars, initial);
        this.fillPointer = hasFillPointer ? fillPointer : size;
        this.hasFillPointer = hasFillPointer;
        this.adjustable = adjustable;
    }

    public LispString(String s) {
        this.chars = s.codePoints().toArray();
        this.fillPointer = chars.length;
        this.hasFillPointer = false;
        this.adjustable = false;
    }

    public int length() { return fillPointer; }

    public int capacity() { return chars.length; }

    /** The character at {@code i}: a Character, or a WideCharacter above U+FFFF. */
    public Object charAt(int i) {
        return Chars.of(codeAt(i));
    }

    public int codeAt(int i) {
        if (i < 0 || i >= chars.length) {
            throw LispError.error("SIMPLE-ERROR", "index " + i + " out of bounds for a string of length " + chars.length);
        }
        return chars[i];
    }

    public void setCharAt(int i, int c) {
        if (i < 0 || i >= chars.length) {
            throw LispError.error("SIMPLE-ERROR", "index " + i + " out of bounds for a string of length " + chars.length);
        }
        chars[i] = c;
    }

    public boolean hasFillPointer() { return hasFillPointer; }

    public boolean isAdjustable() { return adjustable; }

    public int fillPointer() { return fillPointer; }

    public void setFillPointer(int fp) {
        if (!hasFillPointer || fp < 0 || fp > chars.length) {
            throw LispError.error("SIMPLE-ERROR", "bad fill pointer " + fp + " for " + Printer.prin1ToString(this));
        }
        fillPointer = fp;
    }

    /** VECTOR-PUSH-EXTEND: grows an adjustable string when full. */
    @TruffleBoundary
    public int pushExtend(int c, int extension) {
        if (fillPointer >= chars.length) {
            if (!adjustable) {
                throw LispError.error("SIMPLE-ERROR", "string is full and not adjustable");
            }
            chars = Arrays.copyOf(chars, Math.max(chars.length + Math.max(1, extension), chars.length * 2));
        }
        chars[fillPointer] = c;
        return fillPointer++;
    }

    @TruffleBoundary
    public void adjust(int newSize, int initial) {
        int old = chars.length;
        chars = Arrays.copyOf(chars, newSize);
        if (newSize > old) {
            Arrays.fill(chars, old, newSize, initial);
        }
        if (fillPointer > newSize || !hasFillPointer) {
            fillPointer = hasFillPointer ? Math.min(fillPointer, newSize) : newSize;
        }
    }

    @Override
    @TruffleBoundary
    public String toString() {
        return new String(chars, 0, fillPointer);   // UTF-16: the text as Java sees it
    }

    @ExportMessage
    boolean isString() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    String asString() {
        return toString();
    }
}
