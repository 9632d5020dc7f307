package io.callqa.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Collects what the benchmark steps of {@code benchmarks/run.sh} wrote into one directory, prints
 * the table and writes {@code bench-results.json}.
 *
 * <p>Inputs, all optional (a missing one becomes a line saying so, never a number):
 *
 * <ul>
 *   <li>{@code jmh.json}: JMH's JSON result ({@code -rf json}); each fork is one run, its value the
 *       median of the fork's measurement iterations;
 *   <li>{@code recorded.json}, {@code accuracy.json}, {@code vosk.json}: {@code {"figures":
 *       [Figure...]}} as written by {@link #writePart};
 *   <li>{@code live-latency.json}: the last line the live benchmark printed, read by {@link
 *       #liveFigures};
 *   <li>{@code STEP.failed}: the step ran and failed; the file says where its log is.
 * </ul>
 *
 * <pre>
 * java -cp benchmarks.jar io.callqa.benchmarks.BenchReport DIR OUT.json GIT_COMMIT SECONDS LOAD
 * </pre>
 */
public final class BenchReport {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReport() {}

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println(
                    "usage: BenchReport RESULTS_DIR OUT.json GIT_COMMIT TOTAL_SECONDS"
                            + " LOAD_AVERAGE_AT_START (benchmarks/run.sh passes these)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<Figure> figures = collect(dir);
        Machine machine = Machine.current(args[2], Double.parseDouble(args[4]));
        double seconds = Double.parseDouble(args[3]);
        String table = header(machine, seconds) + "\n" + BenchTable.format(figures);
        ObjectNode json = json(figures, machine, seconds);
        Files.writeString(Path.of(args[1]), JSON.writeValueAsString(json) + "\n");
        Files.writeString(dir.resolve("table.txt"), table);
        System.out.print(table);
    }

    /** Every figure found in {@code dir}, in table order. */
    static List<Figure> collect(Path dir) throws IOException {
        List<Figure> out = new ArrayList<>();
        Path jmh = dir.resolve("jmh.json");
        if (Files.isRegularFile(jmh)) {
            out.addAll(jmhFigures(JSON.readTree(jmh.toFile())));
        } else {
            out.add(Figure.missing("JMH kernels", failure(dir, "jmh")));
        }
        out.addAll(part(dir, "recorded", "end-to-end recorded mode"));
        out.addAll(
                live(
                        dir,
                        "live-latency",
                        "live mode (alert p50/p95/p99, heap and checkpoint state per call)"));
        out.addAll(
                live(
                        dir,
                        "live-latency-60min",
                        "live mode on 60-minute calls (alert p50/p95/p99, late in the call too)"));
        out.addAll(
                live(
                        dir,
                        "live-utterance",
                        "live per-utterance analysis at the 10th and 600th utterance of a 60-min"
                                + " call"));
        out.addAll(part(dir, "accuracy", "accuracy on ../shared/datasets"));
        out.addAll(part(dir, "vosk", "Vosk"));
        return out;
    }

    private static List<Figure> part(Path dir, String step, String what) throws IOException {
        Path f = dir.resolve(step + ".json");
        if (!Files.isRegularFile(f)) {
            return List.of(Figure.missing(what, failure(dir, step)));
        }
        return readPart(f);
    }

    private static List<Figure> live(Path dir, String step, String what) throws IOException {
        Path f = dir.resolve(step + ".json");
        if (Files.isRegularFile(f)) {
            List<String> lines =
                    Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                            .filter(l -> l.trim().startsWith("{"))
                            .toList();
            if (!lines.isEmpty()) {
                return liveFigures(what, lines.get(lines.size() - 1));
            }
            return List.of(Figure.missing(what, "failed: printed no JSON line, see " + f));
        }
        if (Files.isRegularFile(dir.resolve(step + ".failed"))) {
            return List.of(Figure.missing(what, failure(dir, step)));
        }
        return List.of(Figure.missing(what, "not built"));
    }

    private static String failure(Path dir, String step) throws IOException {
        Path failed = dir.resolve(step + ".failed");
        if (Files.isRegularFile(failed)) {
            return "failed: " + Files.readString(failed).strip();
        }
        return "not run";
    }

    /** Writes a step's figures where {@link #collect} finds them. */
    public static void writePart(Path file, List<Figure> figures) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("figures", JSON.valueToTree(figures));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    static List<Figure> readPart(Path file) throws IOException {
        return parseFigures(JSON.readTree(file.toFile()).path("figures"));
    }

    private static List<Figure> parseFigures(JsonNode array) throws IOException {
        List<Figure> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(JSON.treeToValue(n, Figure.class));
        }
        return out;
    }

    /**
     * The JMH figures: one run per fork, valued at the median of that fork's measurement
     * iterations, so that a slow iteration (another process on a shared machine) moves a fork's
     * value less than a slow fork moves the median.
     */
    static List<Figure> jmhFigures(JsonNode results) {
        List<Figure> out = new ArrayList<>();
        List<JsonNode> ordered = new ArrayList<>();
        results.forEach(ordered::add);
        // Audio first, then text: the order of the pipeline.
        ordered.sort(
                java.util.Comparator.comparingInt(
                        r -> {
                            String b = r.path("benchmark").asText();
                            return b.contains("FeatureExtraction")
                                    ? 0
                                    : b.contains("Classify")
                                            ? 1
                                            : b.contains("RuleAnalysis")
                                                    ? 2
                                                    : b.contains("Redaction") ? 3 : 4;
                        }));
        for (JsonNode r : ordered) {
            String bench = r.path("benchmark").asText();
            String simple = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
            JsonNode params = r.path("params");
            String forks = r.path("forks").asText();
            String iterations =
                    r.path("measurementIterations").asText()
                            + " x "
                            + r.path("measurementTime").asText();
            String how =
                    " JMH, "
                            + forks
                            + " forks of "
                            + iterations
                            + " after "
                            + r.path("warmupIterations").asText()
                            + " warm-up iterations; one run = one fork's median iteration.";
            switch (simple) {
                case "FeatureExtractionBenchmark.extract" ->
                        out.add(
                                Figure.measured(
                                        "prosody + dynamics, stereo 8 kHz ("
                                                + params.path("call").asText()
                                                + "), one core",
                                        "x real time",
                                        forkMedians(
                                                r.path("secondaryMetrics").path("audioSeconds")),
                                        "prosody + dynamics: decode, pitch, VAD, prosody, emotion"
                                                + " and turn-taking of a whole sample call on one"
                                                + " thread (-XX:ActiveProcessorCount=1); seconds of"
                                                + " audio per second of wall time."
                                                + how));
                case "ClassifyBenchmark.classifyUtterance" ->
                        out.add(
                                Figure.measured(
                                        "classify, steady state, one core",
                                        "utterances/s",
                                        forkMedians(r.path("primaryMetric")),
                                        "classify: default model over the held-out corpus lines"
                                                + " (English and Korean), language detected per"
                                                + " line."
                                                + how));
                case "RuleAnalysisBenchmark.analyze" ->
                        out.add(
                                Figure.measured(
                                        "rules + scorecard + summary, 10-min call ("
                                                + params.path("language").asText()
                                                + ")",
                                        "us/call",
                                        forkMedians(r.path("primaryMetric")),
                                        "rules + scorecard + summary: qa-rules CallAnalyzer.analyze"
                                                + " (PII redaction, default pack, scorecard,"
                                                + " summary, alerts) on a 10-minute transcript"
                                                + " stitched from the language's sample calls."
                                                + how));
                case "RedactionBenchmark.redact" ->
                        out.add(
                                Figure.measured(
                                        "PII redaction, "
                                                + params.path("kilobytes").asText()
                                                + " KB transcript",
                                        "ms/transcript",
                                        forkMedians(r.path("primaryMetric")),
                                        "PII redaction: qa-rules PiiRedactor.redact on a generated"
                                                + " recognizer-style transcript (en, ko; split"
                                                + " cards, CVVs, phones, accounts among prices"
                                                + " and talk) of 256, 512 and 1024 KB; linear time"
                                                + " keeps ms per MB flat."
                                                + how));
                default ->
                        out.add(
                                Figure.measured(
                                        simple + params,
                                        r.path("primaryMetric").path("scoreUnit").asText(),
                                        forkMedians(r.path("primaryMetric")),
                                        null));
            }
        }
        return out;
    }

    private static List<Double> forkMedians(JsonNode metric) {
        List<List<Double>> forks = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            List<Double> it = new ArrayList<>();
            fork.forEach(v -> it.add(v.asDouble()));
            forks.add(it);
        }
        return Stats.medians(forks);
    }

    /**
     * The figures in a live benchmark's JSON line. A line of the form {@code {"figures":
     * [Figure...]}} is taken as it is. Otherwise each numeric field becomes a figure named after
     * its key (one level of nested objects is flattened as {@code key.sub}), with the runs given as
     * an array of numbers, or one run for a single number; the unit comes from the key's suffix
     * ({@code _ms}, {@code _us}, {@code _s}, {@code _bytes}, {@code _kb}, {@code _mb}).
     */
    static List<Figure> liveFigures(String what, String line) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (IOException e) {
            return List.of(Figure.missing(what, "failed: not a JSON line: " + line));
        }
        if (root.path("figures").isArray()) {
            return parseFigures(root.path("figures"));
        }
        List<Figure> out = new ArrayList<>();
        flatten("", root, what, out);
        if (out.isEmpty()) {
            return List.of(Figure.missing(what, "failed: no numbers in " + line));
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, String what, List<Figure> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            List<Double> values = new ArrayList<>();
            if (v.isNumber()) {
                values.add(v.asDouble());
            } else if (v.isArray() && v.size() > 0) {
                for (JsonNode x : v) {
                    if (!x.isNumber()) {
                        values.clear();
                        break;
                    }
                    values.add(x.asDouble());
                }
            } else if (v.isObject() && prefix.isEmpty()) {
                flatten(key + ".", v, what, out);
                continue;
            }
            if (!values.isEmpty()) {
                out.add(Figure.measured("live: " + key, unit(key), values, null));
            }
        }
    }

    static String unit(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String[] suffix :
                new String[][] {
                    {"_ms", "ms"},
                    {"_us", "us"},
                    {"_s", "s"},
                    {"_bytes", "bytes"},
                    {"_kb", "kB"},
                    {"_mb", "MB"}
                }) {
            if (k.endsWith(suffix[0]) || k.contains(suffix[0] + ".")) {
                return suffix[1];
            }
        }
        return "";
    }

    /** The line above the table: when, where and on which commit, and how long it all took. */
    static String header(Machine m, double totalSeconds) {
        return String.format(
                Locale.ROOT,
                "callqa benchmarks, %s, commit %s, %d min %d s in all%n"
                        + "machine: %d cores (%s), %s, %s; load average %.1f at the start, %.1f at"
                        + " the end%n",
                m.date(),
                m.gitCommit(),
                Math.round(totalSeconds) / 60,
                Math.round(totalSeconds) % 60,
                m.cores(),
                m.cpu(),
                m.jvm(),
                m.os(),
                m.loadAtStart(),
                m.loadAverage());
    }

    /** The JSON result: when, where, which commit, and every figure with its runs. */
    static ObjectNode json(List<Figure> figures, Machine machine, double totalSeconds) {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", machine.date());
        root.put("git_commit", machine.gitCommit());
        root.put("total_seconds", Math.round(totalSeconds));
        ObjectNode m = root.putObject("machine");
        m.put("cores", machine.cores());
        m.put("cpu", machine.cpu());
        m.put("jvm", machine.jvm());
        m.put("os", machine.os());
        m.put("load_average_start", machine.loadAtStart());
        m.put("load_average_end", machine.loadAverage());
        ArrayNode out = root.putArray("figures");
        for (Figure f : figures) {
            ObjectNode n = out.addObject();
            n.put("name", f.name());
            if (f.status() != null) {
                n.put("status", f.status());
                continue;
            }
            n.put("unit", f.unit());
            n.put("median", f.median());
            n.put("min", f.min());
            n.put("max", f.max());
            n.put("deterministic", f.deterministic());
            ArrayNode runs = n.putArray("runs");
            f.values().forEach(runs::add);
            if (f.note() != null) {
                n.put("note", f.note());
            }
        }
        return root;
    }

    /**
     * Where the figures were measured.
     *
     * @param loadAverage the one-minute load average when the report was written: other work on the
     *     machine shows here
     */
    record Machine(
            String date,
            int cores,
            String cpu,
            String jvm,
            String os,
            double loadAverage,
            double loadAtStart,
            String gitCommit) {

        static Machine current(String gitCommit, double loadAtStart) {
            return new Machine(
                    Instant.now().toString(),
                    Runtime.getRuntime().availableProcessors(),
                    cpuModel(),
                    System.getProperty("java.vm.name")
                            + " "
                            + System.getProperty("java.runtime.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    loadAtStart,
                    gitCommit);
        }

        private static String cpuModel() {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info)) {
                try (Stream<String> lines = Files.lines(info)) {
                    return lines.filter(l -> l.startsWith("model name"))
                            .map(l -> l.substring(l.indexOf(':') + 1).trim())
                            .findFirst()
                            .orElse("unknown");
                } catch (IOException e) {
                    return "unknown (" + e.getMessage() + ")";
                }
            }
            return System.getProperty("os.arch");
        }
    }
}
