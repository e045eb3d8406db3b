package dev.epsilon.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the JMH benchmarks (forks start with this JVM's flags: Graal compiler, module path) and
 * prints, per benchmark class, each result in ns/op and its ratio to the class's raw FFM baseline.
 * Arguments are JMH's own (a benchmark regex, -f, -wi, -i, ...); {@code -l} lists the benchmarks.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, java.io.IOException {
        CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldList() || cli.shouldListWithParams() || cli.shouldHelp() || cli.shouldListProfilers()
                || cli.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);   // -l, -lp, -h, -lprof, -lrf: JMH answers without running anything
            return;
        }
        List<String> jvmArgs = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        Options options = new OptionsBuilder().parent(cli)
                .jvmArgs(jvmArgs.toArray(new String[0]))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        printRatios(results);
    }

    private static void printRatios(Collection<RunResult> results) {
        Map<String, Map<String, Double>> byClass = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            int dot = full.lastIndexOf('.');
            String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            byClass.computeIfAbsent(cls, k -> new TreeMap<>()).put(full.substring(dot + 1), r.getPrimaryResult().getScore());
            units.put(full, r.getPrimaryResult().getScoreUnit());
        }
        System.out.println();
        System.out.println("Epsilon benchmarks (time per operation; ratio = time / raw FFM (ffmRaw) of the same class, same run)");
        for (var e : byClass.entrySet()) {
            Double baseline = e.getValue().get("ffmRaw");
            System.out.println(e.getKey());
            for (var b : e.getValue().entrySet()) {
                String ratio = baseline == null ? "" : String.format(Locale.ROOT, "%8.2fx", b.getValue() / baseline);
                String unit = units.getOrDefault("dev.epsilon.benchmarks." + e.getKey() + "." + b.getKey(), "");
                System.out.printf(Locale.ROOT, "  %-28s %10.2f %-6s %s%n", b.getKey(), b.getValue(), unit, ratio);
            }
        }
    }
}
