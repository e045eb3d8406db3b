package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Lexical variables in frame slots, fixnums unboxed: a slot that has only ever held fixnums is of
 * kind Long and stored with setLong, so compiled loops carry primitive longs (a boxed value in a
 * loop-carried slot would be allocated every iteration). The first non-fixnum turns the slot to
 * Object for good; the descriptor change deoptimizes code that assumed Long.
 */
final class FrameSlots {
    private FrameSlots() {
    }

    static Object read(VirtualFrame frame, int slot) {
        FrameDescriptor d = frame.getFrameDescriptor();
        if (d.getSlotKind(slot) == FrameSlotKind.Long) {
            if (frame.isLong(slot)) {
                return frame.getLong(slot);
            }
            CompilerDirectives.transferToInterpreterAndInvalidate();
            d.setSlotKind(slot, FrameSlotKind.Object);
        }
        return frame.getValue(slot);
    }

    static void write(VirtualFrame frame, int slot, Object value) {
        FrameDescriptor d = frame.getFrameDescriptor();
        FrameSlotKind kind = d.getSlotKind(slot);
        if (value instanceof Long l) {
            if (kind == FrameSlotKind.Long) {
                frame.setLong(slot, l);
                return;
            }
            if (kind == FrameSlotKind.Illegal) {
                CompilerDirectives.transferToInterpreterAndInvalidate();
                d.setSlotKind(slot, FrameSlotKind.Long);
                frame.setLong(slot, l);
                return;
            }
        } else if (kind != FrameSlotKind.Object) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            d.setSlotKind(slot, FrameSlotKind.Object);
        }
        frame.setObject(slot, value);
    }
}
