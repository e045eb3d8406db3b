package dev.epsilon.nfi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Turns what a user writes ("libc", "libz.so.1", "/opt/lib/libfoo.so") into the path of a shared
 * object that the dynamic linker can load: user paths first, then LD_LIBRARY_PATH, the standard
 * directories, and the dynamic linker's cache. Unversioned names pick the highest versioned soname,
 * because on Debian "libc.so" and friends are linker scripts, not loadable ELF files.
 */
public final class LibraryResolver {
    private static final String MULTIARCH = System.getProperty("os.arch", "").equals("aarch64")
            ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
    private static final List<String> STANDARD_DIRS = List.of(
            "/lib/" + MULTIARCH, "/usr/lib/" + MULTIARCH, "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib");

    private volatile Map<String, String> linkerCache;   // soname -> path, read once from ldconfig -p

    /** The outcome of one resolution: the path found, or every place that was searched. */
    public record Result(Path path, List<String> searched) {
        public boolean found() { return path != null; }
    }

    public Result resolve(String name, List<String> userDirs) {
        List<String> searched = new ArrayList<>();
        if (name.indexOf('/') >= 0) {
            Path p = Path.of(name);
            searched.add(name);
            return new Result(isLoadable(p) ? p.toAbsolutePath() : null, searched);
        }
        List<String> dirs = searchDirs(userDirs);
        for (String dir : dirs) {
            if (!Files.isDirectory(Path.of(dir))) {
                continue;
            }
            searched.add(dir);
            Path found = findIn(Path.of(dir), name);
            if (found != null) {
                return new Result(found, searched);
            }
        }
        searched.add("ldconfig cache");
        Path cached = fromLinkerCache(name);
        return new Result(cached, searched);
    }

    private static List<String> searchDirs(List<String> userDirs) {
        Set<String> dirs = new LinkedHashSet<>(userDirs);
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(":")) {
                if (!d.isEmpty()) {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(STANDARD_DIRS);
        return new ArrayList<>(dirs);
    }

    /** The names a library may be stored under, most specific first. */
    static List<String> baseNames(String name) {
        String base = name.startsWith("lib") || name.contains(".so") ? name : "lib" + name;
        return List.of(base);
    }

    private static Path findIn(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        for (String base : baseNames(name)) {
            if (base.contains(".so")) {
                Path exact = dir.resolve(base);
                if (isLoadable(exact)) {
                    return exact;
                }
                continue;
            }
            // Prefer the highest versioned soname (libz.so.1.3 over libz.so.1 over libz.so).
            try (Stream<Path> entries = Files.list(dir)) {
                Path best = entries.filter(p -> {
                    String f = p.getFileName().toString();
                    return f.equals(base + ".so") || f.startsWith(base + ".so.");
                }).filter(LibraryResolver::isLoadable)
                        .max(Comparator.comparing((Path p) -> versionKey(p.getFileName().toString(), base)))
                        .orElse(null);
                if (best != null) {
                    return best;
                }
            } catch (IOException e) {
                // An unreadable directory is skipped, as the dynamic linker would.
            }
        }
        return null;
    }

    /** Sorts sonames by their numeric version parts; the bare ".so" sorts first. */
    private static String versionKey(String file, String base) {
        String rest = file.substring(Math.min(file.length(), base.length() + 3));
        StringBuilder key = new StringBuilder();
        for (String part : rest.split("\\.")) {
            if (!part.isEmpty()) {
                key.append(String.format("%08d", parseOrZero(part)));
            }
        }
        return key.toString();
    }

    private static int parseOrZero(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A regular file starting with the ELF magic; linker scripts named *.so are not loadable. */
    static boolean isLoadable(Path p) {
        if (!Files.isRegularFile(p)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    private Path fromLinkerCache(String name) {
        Map<String, String> cache = linkerCache;
        if (cache == null) {
            cache = readLinkerCache();
            linkerCache = cache;
        }
        for (String base : baseNames(name)) {
            String exact = cache.get(base);
            if (exact != null) {
                return Path.of(exact);
            }
            String best = null;
            for (String soname : cache.keySet()) {
                if (soname.startsWith(base + ".so") && (best == null || versionKey(soname, base).compareTo(versionKey(best, base)) > 0)) {
                    best = soname;
                }
            }
            if (best != null) {
                return Path.of(cache.get(best));
            }
        }
        return null;
    }

    private static Map<String, String> readLinkerCache() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig")) {
            if (!Files.isExecutable(Path.of(ldconfig))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        // "	libz.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libz.so.1"
                        int arrow = line.indexOf("=>");
                        if (arrow > 0) {
                            String soname = line.trim().split("\\s+")[0];
                            result.putIfAbsent(soname, line.substring(arrow + 2).trim());
                        }
                    }
                }
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // No cache: resolution falls back to the directories already searched.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            break;
        }
        return result;
    }
}
