package dev.epsilon.launcher;

import org.graalvm.launcher.AbstractLanguageLauncher;
import org.graalvm.options.OptionCategory;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code epsilon FILE [ARGS...]} runs a script, {@code epsilon -e EXPR} prints a value, and
 * {@code epsilon} alone starts a REPL. Polyglot options ({@code --engine.*}, {@code --epsilon.*})
 * follow GraalVM launcher conventions.
 */
public final class EpsilonLauncher extends AbstractLanguageLauncher {
    private static final String LANGUAGE = "epsilon";

    private String file;
    private final List<String> expressions = new ArrayList<>();
    private final List<String> programArguments = new ArrayList<>();
    private boolean stackTraces;
    private boolean versionOnly;
    private final List<String> manifests = new ArrayList<>();

    public static void main(String[] args) {
        new EpsilonLauncher().launch(args);
    }

    @Override
    protected List<String> preprocessArguments(List<String> arguments, Map<String, String> polyglotOptions) {
        List<String> unrecognized = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            if (file != null) {
                programArguments.add(arg);
            } else if (arg.equals("-e") || arg.equals("--eval")) {
                if (i + 1 >= arguments.size()) {
                    throw abort("-e needs an expression");
                }
                expressions.add(arguments.get(++i));
            } else if (arg.equals("--ffi-manifest")) {
                if (i + 1 >= arguments.size()) {
                    throw abort("--ffi-manifest needs a TOML file");
                }
                manifests.add(new File(arguments.get(++i)).getAbsolutePath());
                polyglotOptions.put("epsilon.ffi-manifests", String.join(File.pathSeparator, manifests));
            } else if (arg.equals("--version")) {
                versionOnly = true;
            } else if (arg.equals("--stacktrace")) {
                stackTraces = true;
            } else if (arg.equals("--")) {
                programArguments.addAll(arguments.subList(i + 1, arguments.size()));
                break;
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                unrecognized.add(arg);
            } else {
                file = arg;
            }
        }
        return unrecognized;
    }

    @Override
    protected void launch(Context.Builder builder) {
        builder.arguments(LANGUAGE, programArguments.toArray(new String[0]));
        int status;
        try (Context context = builder.build()) {
            if (versionOnly) {
                printVersion(context.getEngine());
                System.exit(0);
            }
            status = run(context);
        } catch (PolyglotException e) {
            // Raised while the context itself starts or closes (the prelude, an exit during close).
            status = report(e);
        }
        System.exit(status);
    }

    private int run(Context context) {
        try {
            // -e forms run first, in order; then the program, if there is one. Their values are
            // printed only when they are the whole program.
            Value last = null;
            for (String expr : expressions) {
                last = context.eval(Source.newBuilder(LANGUAGE, expr, "-e").build());
            }
            if (file != null && !file.equals("-")) {
                File f = new File(file);
                if (!f.isFile()) {
                    System.err.println("epsilon: cannot read " + file + ": no such file");
                    return 2;
                }
                context.eval(Source.newBuilder(LANGUAGE, f).build());
                return 0;
            }
            if ("-".equals(file) || (expressions.isEmpty() && !StandardInput.isTerminal())) {
                // The program is standard input (`epsilon -`, or input piped or redirected): run
                // as a script, with no prompts.
                context.eval(Source.newBuilder(LANGUAGE, new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8), "stdin").build());
                return 0;
            }
            if (!expressions.isEmpty()) {
                System.out.println(last);
                return 0;
            }
            return new Repl(context, this::report).run();
        } catch (PolyglotException e) {
            return report(e);
        } catch (IOException e) {
            System.err.println("epsilon: " + e.getMessage());
            return 2;
        }
    }

    /** Prints an uncaught error as one line (a JVM stack trace only with --stacktrace); returns the exit status. */
    private int report(PolyglotException e) {
        if (e.isExit()) {
            return e.getExitStatus();
        }
        System.out.flush();
        System.err.println(ErrorReport.oneLine(e));
        if (stackTraces || e.isInternalError()) {
            e.printStackTrace();
        }
        return 1;
    }

    @Override
    protected String getLanguageId() {
        return LANGUAGE;
    }

    @Override
    protected void printVersion(Engine engine) {
        String version = engine.getLanguages().get(LANGUAGE).getVersion();
        System.out.println("Epsilon " + version + " (Truffle runtime: " + engine.getImplementationName()
                + ", Java " + System.getProperty("java.version") + ")");
        System.out.println(compilerConfiguration(engine));
    }

    /** Which Graal compiler compiles Lisp here, and what would start faster. */
    private static String compilerConfiguration(Engine engine) {
        if (engine.getImplementationName().contains("Interpreted")) {
            return "Compiler: none, Truffle interprets only (far slower). Run through bin/epsilon, or put the Graal"
                    + " compiler jars on --upgrade-module-path (see launcher/target/dist/jvm.args).";
        }
        String javaHome = System.getProperty("java.home");
        if (System.getProperty("jdk.module.upgrade.path") != null) {
            return "Compiler: Graal as Java bytecode (jargraal, from --upgrade-module-path), so class-data sharing is"
                    + " off and Graal compiles itself before it compiles Lisp. bin/epsilon starts faster: it uses the"
                    + " runtime the build linked, or a GraalVM JDK 25's native compiler (libgraal) when JAVA_HOME"
                    + " points to one.";
        }
        if (Files.exists(Path.of(javaHome, "lib", "libjvmcicompiler.so"))) {
            return "Compiler: Graal native image (libgraal, from this JDK at " + javaHome + ").";
        }
        boolean aotCache = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-XX:AOTCache="));
        return "Compiler: Graal as Java bytecode (jargraal), linked into the runtime at " + javaHome
                + (aotCache ? ", started from the build's AOT cache" : ", without an AOT cache")
                + ". Graal warms itself up during the first seconds of a run. To start faster, point JAVA_HOME at a"
                + " GraalVM JDK 25, whose native compiler (libgraal) bin/epsilon then uses.";
    }

    @Override
    protected void printHelp(OptionCategory maxCategory) {
        System.out.println("Usage: epsilon [OPTIONS] [FILE [ARGS...]]");
        System.out.println("       epsilon [OPTIONS] -e EXPRESSION [FILE [ARGS...]]");
        System.out.println("       epsilon [OPTIONS] - [ARGS...]");
        System.out.println();
        System.out.println("  FILE            run a Lisp file (a first #! line is skipped); ARGS are the program's");
        System.out.println("                  arguments: (epsilon.system:argv), sb-ext:*posix-argv*");
        System.out.println("  -               read the program from standard input (also when input is piped)");
        System.out.println("  -e, --eval EXPR evaluate EXPR (repeatable); with no FILE, print the last value;");
        System.out.println("                  with a FILE, the expressions run first");
        System.out.println("  --ffi-manifest FILE  load the FFI bindings a TOML manifest declares (repeatable)");
        System.out.println("  --stacktrace    print the JVM stack trace of an uncaught error");
        System.out.println("  --version       print the version and the Truffle runtime");
        System.out.println("  (no arguments)  start a REPL when standard input is a terminal");
    }

    @Override
    protected void collectArguments(java.util.Set<String> options) {
        options.addAll(List.of("-e", "--eval", "--stacktrace", "--version", "--ffi-manifest"));
    }
}
