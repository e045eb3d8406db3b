package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Values;

/** Runs a whole source: reads, expands and evaluates one top-level form after another. */
public final class LoadRootNode extends RootNode {
    private final Source source;

    public LoadRootNode(TruffleLanguage<?> language, Source source) {
        super(language);
        this.source = source;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return load();
    }

    @TruffleBoundary
    private Object load() {
        try {
            return dev.epsilon.language.runtime.InteropBignum.export(EpsilonLanguage.context(this).load(source));
        } catch (ReturnException e) {
            throw LispError.error("CONTROL-ERROR", "attempt to RETURN-FROM a block that no longer exists");
        } catch (ThrowException e) {
            throw LispError.error("CONTROL-ERROR", "attempt to THROW to a tag that does not exist: "
                    + dev.epsilon.language.runtime.Printer.prin1ToString(e.tag()));
        } catch (GoException e) {
            throw LispError.error("CONTROL-ERROR", "attempt to GO to a tagbody that no longer exists");
        } catch (StackOverflowError e) {
            throw LispError.error("STORAGE-CONDITION", "Control stack exhausted");
        } catch (OutOfMemoryError e) {
            throw dev.epsilon.language.runtime.JavaFailures.lispError(e, "a top-level form");
        }
    }

    @Override
    public SourceSection getSourceSection() {
        return source.createUnavailableSection();
    }

    @Override
    public String getName() {
        return "load " + source.getName();
    }
}
