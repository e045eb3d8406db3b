package dev.epsilon.language.analyzer;

import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.List;

/** An ordinary lambda list, parsed: required, &optional, &rest/&body, &key, &allow-other-keys, &aux. */
record LambdaList(List<Symbol> required, List<Param> optional, Symbol rest, List<Param> keys,
                  boolean acceptsKeys, boolean allowOtherKeys, List<Param> aux) {

    /** One non-required parameter: its variable, default form, supplied-p variable and keyword. */
    record Param(Symbol name, Object init, Symbol supplied, Symbol keyword) {
    }

    private enum Section { REQUIRED, OPTIONAL, REST, KEY, AUX }

    static LambdaList parse(Object lambdaList, Analyzer analyzer) {
        List<Symbol> required = new ArrayList<>();
        List<Param> optional = new ArrayList<>();
        List<Param> keys = new ArrayList<>();
        List<Param> aux = new ArrayList<>();
        Symbol rest = null;
        boolean acceptsKeys = false;
        boolean allowOtherKeys = false;
        Section section = Section.REQUIRED;
        Object o = lambdaList;
        while (o instanceof Cons c) {
            Object item = c.car;
            o = c.cdr;
            if (item instanceof Symbol s && s.name().startsWith("&")) {
                switch (s.name()) {
                    case "&OPTIONAL" -> section = Section.OPTIONAL;
                    case "&REST", "&BODY" -> section = Section.REST;
                    case "&KEY" -> {
                        section = Section.KEY;
                        acceptsKeys = true;
                    }
                    case "&ALLOW-OTHER-KEYS" -> allowOtherKeys = true;
                    case "&AUX" -> section = Section.AUX;
                    default -> throw analyzer.error("unsupported lambda list keyword " + s.name()
                            + " in " + Printer.prin1ToString(lambdaList));
                }
                continue;
            }
            switch (section) {
                case REQUIRED -> required.add(analyzer.symbolArg(item, "lambda list"));
                case OPTIONAL -> optional.add(param(item, analyzer, null));
                case REST -> {
                    if (rest != null) {
                        throw analyzer.error("more than one &REST variable in " + Printer.prin1ToString(lambdaList));
                    }
                    rest = analyzer.symbolArg(item, "lambda list");
                }
                case KEY -> keys.add(param(item, analyzer, analyzer.context()));
                case AUX -> aux.add(param(item, analyzer, null));
            }
        }
        if (o != Lisp.NIL) {
            // (a b . rest) is shorthand for (a b &rest rest).
            rest = analyzer.symbolArg(o, "lambda list");
        }
        return new LambdaList(required, optional, rest, keys, acceptsKeys, allowOtherKeys, aux);
    }

    /** {@code var}, {@code (var init)}, {@code (var init supplied-p)}, or for &key {@code ((:key var) ...)}. */
    private static Param param(Object item, Analyzer analyzer, dev.epsilon.language.EpsilonContext keyContext) {
        if (item instanceof Symbol s) {
            return new Param(s, Lisp.NIL, null, keyContext == null ? null : keyContext.keyword(s.name()));
        }
        List<Object> parts = analyzer.properList(item, "lambda list parameter");
        if (parts.isEmpty() || parts.size() > 3) {
            throw analyzer.error("malformed lambda list parameter " + Printer.prin1ToString(item));
        }
        Symbol name;
        Symbol keyword = null;
        if (keyContext != null && parts.get(0) instanceof Cons kv) {
            List<Object> pair = analyzer.properList(kv, "keyword parameter");
            keyword = analyzer.symbolArg(pair.get(0), "keyword parameter");
            name = analyzer.symbolArg(pair.get(1), "keyword parameter");
        } else {
            name = analyzer.symbolArg(parts.get(0), "lambda list");
            if (keyContext != null) {
                keyword = keyContext.keyword(name.name());
            }
        }
        Object init = parts.size() > 1 ? parts.get(1) : Lisp.NIL;
        Symbol supplied = parts.size() > 2 ? analyzer.symbolArg(parts.get(2), "lambda list") : null;
        return new Param(name, init, supplied, keyword);
    }
}
