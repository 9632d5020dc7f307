package io.callqa.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --name value} options of the benchmark mains, checked against the names each main
 * accepts, so that a typo is an error naming the option rather than a silently ignored flag.
 */
final class BenchArgs {
    private final Map<String, String> values = new HashMap<>();

    /**
     * @param args the command line
     * @param accepted the option names the main understands, with their leading {@code --}
     * @throws IllegalArgumentException naming the option that is unknown or lacks a value
     */
    BenchArgs(String[] args, List<String> accepted) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!accepted.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown option '" + name + "'; the options are " + accepted);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            values.put(name, args[++i]);
        }
    }

    Path path(String name, String fallback) {
        return Path.of(values.getOrDefault(name, fallback));
    }

    /** A whole number of at least {@code min}. */
    int count(String name, int fallback, int min) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a whole number, got '" + v + "'");
        }
        if (n < min) {
            throw new IllegalArgumentException(name + ": must be at least " + min + ", got " + n);
        }
        return n;
    }

    /**
     * Runs a benchmark main: a bad option or unreadable input ends it with exit code 2 and one line
     * naming the problem, not a stack trace.
     */
    static void run(String main, String[] args, Body body) throws Exception {
        try {
            body.run(args);
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println(main + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /** The body of a benchmark main. */
    interface Body {
        void run(String[] args) throws Exception;
    }
}
