package io.callqa.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of each test JVM, what was skipped and why: disabled tests and containers with
 * their reason, and tests whose assumptions failed (a missing praat, chromium, docker-compose or
 * data set) with the assumption's message. A skip is not a pass; in a green build these lines are
 * the only place it shows without opening the report files.
 *
 * <p>Registered through {@code META-INF/services}, so every module whose tests have test-support on
 * their class path gets it, under Surefire and Failsafe alike. Both send a test JVM's standard
 * output to report files ({@code redirectTestOutputToFile}), so the build gives each JVM a file
 * ({@value #FILE_PROPERTY}) and {@link #main} prints it on the build's console once the JVM is
 * done; without that property (in an IDE) the summary goes to standard output.
 */
public final class SkipSummary implements TestExecutionListener {
    /** System property naming the file the summary is appended to instead of standard output. */
    public static final String FILE_PROPERTY = "callqa.skips.file";

    private final Map<String, List<String>> skipped = new LinkedHashMap<>();
    private final PrintStream out;

    /** A summary for the file {@value #FILE_PROPERTY} names, else for standard output. */
    public SkipSummary() {
        this(null);
    }

    SkipSummary(PrintStream out) {
        this.out = out;
    }

    /**
     * Prints each of the summary files given, if the test JVMs wrote one, and deletes it, so that
     * the next build starts afresh. Run by the build after Surefire and after Failsafe. With {@code
     * --collect FILE} first, what is printed is also appended to FILE (the whole build's list);
     * {@code --all FILE} prints that list once more at the end of the build, or says that nothing
     * was skipped, and deletes it.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--all")) {
            Path all = Path.of(args[1]);
            String text = Files.exists(all) ? Files.readString(all, StandardCharsets.UTF_8) : "";
            System.out.println(
                    text.isBlank()
                            ? "callqa: this build skipped no tests."
                            : "callqa: what this build skipped, and why (all modules):"
                                    + System.lineSeparator()
                                    + text.stripTrailing());
            System.out.flush();
            Files.deleteIfExists(all);
            return;
        }
        Path collect = null;
        int from = 0;
        if (args.length >= 2 && args[0].equals("--collect")) {
            collect = Path.of(args[1]);
            from = 2;
        }
        for (int i = from; i < args.length; i++) {
            Path p = Path.of(args[i]);
            if (Files.exists(p)) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                System.out.print(text);
                System.out.flush();
                if (collect != null) {
                    Files.createDirectories(collect.toAbsolutePath().getParent());
                    Files.writeString(
                            collect,
                            text,
                            StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
                Files.delete(p);
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        record(id, reason == null || reason.isBlank() ? "disabled" : reason);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            record(
                    id,
                    result.getThrowable()
                            .map(t -> t.getMessage() == null ? t.toString() : t.getMessage())
                            .map(m -> m.startsWith("Assumption failed: ") ? m.substring(19) : m)
                            .orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) {
            return;
        }
        int n = skipped.values().stream().mapToInt(List::size).sum();
        StringBuilder b = new StringBuilder();
        b.append("callqa: ").append(n).append(n == 1 ? " test" : " tests").append(" skipped:");
        for (Map.Entry<String, List<String>> e : skipped.entrySet()) {
            int count = e.getValue().size();
            String[] key = e.getKey().split("\u0000", 2);
            b.append(System.lineSeparator())
                    .append("  ")
                    .append(key[0])
                    .append(count > 1 ? " (" + count + ")" : "")
                    .append(": ")
                    .append(key[1]);
        }
        skipped.clear();
        String file = System.getProperty(FILE_PROPERTY);
        if (out != null || file == null || file.isBlank()) {
            PrintStream to = out == null ? System.out : out;
            to.println(b);
            to.flush();
            return;
        }
        try {
            Path p = Path.of(file);
            Files.createDirectories(p.toAbsolutePath().getParent());
            Files.writeString(
                    p,
                    b + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println(b);
        }
    }

    /** Lists the skip under its class and reason; the names keep which ones it was. */
    private void record(TestIdentifier id, String reason) {
        String where = where(id.getSource());
        String oneLine = reason.lines().findFirst().orElse(reason).strip();
        skipped.computeIfAbsent(where + "\u0000" + oneLine, k -> new ArrayList<>())
                .add(id.getDisplayName());
    }

    private static String where(Optional<TestSource> source) {
        if (source.isPresent() && source.get() instanceof MethodSource m) {
            return simple(m.getClassName());
        }
        if (source.isPresent() && source.get() instanceof ClassSource c) {
            return simple(c.getClassName()) + " (whole class)";
        }
        return "(unknown test)";
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
