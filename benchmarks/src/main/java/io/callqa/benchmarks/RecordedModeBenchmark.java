package io.callqa.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import io.callqa.analysis.document.CallDocument;
import io.callqa.audio.AudioSource;
import io.callqa.audio.WavDecoder;
import io.callqa.pipeline.CallqaIndices;
import io.callqa.pipeline.CallqaJob;
import io.callqa.pipeline.PipelineOptions;
import io.callqa.pipeline.analysis.TranscriptAnalysis;
import io.callqa.pipeline.source.CallInput;
import io.callqa.servers.LocalOpenSearch;
import io.callqa.servers.ServerDistributions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.TaskInfoImpl;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.api.common.functions.util.RuntimeUDFContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * End-to-end recorded mode: the production {@link CallqaJob} over recorded calls with their sidecar
 * transcripts (the bundled samples, copied many times under distinct call ids) into a real
 * OpenSearch started once for all runs, on a local Flink with one slot per core. Reports calls per
 * minute, audio hours per hour, CPU per call and the CPU split by stage; writes {@code {"figures":
 * [...]}} for {@link BenchReport}.
 *
 * <p>The CPU split: the job's Java threads are sampled every 20 ms with {@link ThreadMXBean}
 * (thread CPU time, so threads that end with the job still count up to their last sample). The
 * chained task threads ({@code Source -> analyse transcript -> sinks}) do reading, analysis and the
 * sinks' request building; analysis is taken out of them by timing {@link TranscriptAnalysis} on
 * the same calls in this JVM on one thread, and the rest of the task threads plus the HTTP client
 * threads count as indexing (client side). The OpenSearch process and its children are the indexing
 * server side. Every other Java thread is Flink's runtime (job manager, RPC, source coordinator,
 * the driver), and the JVM's CPU not in any Java thread is GC and JIT.
 *
 * <pre>
 * java $ADD_OPENS -cp benchmarks/target/benchmarks.jar io.callqa.benchmarks.RecordedModeBenchmark \
 *     [--samples samples] [--copies 15] [--runs 5] [--out target/recorded.json]
 * </pre>
 */
public final class RecordedModeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SAMPLE_EVERY_MS = 20;

    private final Path samples;
    private final int copies;
    private final int runs;
    private final Path work;

    private RecordedModeBenchmark(Path samples, int copies, int runs, Path work) {
        this.samples = samples;
        this.copies = copies;
        this.runs = runs;
        this.work = work;
    }

    /** Entry point; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        BenchArgs.run("RecordedModeBenchmark", args, RecordedModeBenchmark::measure);
        // The figures are written; a Flink source thread that did not stop at the end of a job
        // (seen once: a split fetcher that outlived its 30 s shutdown timeout) must not keep the
        // JVM, and benchmarks/run.sh, waiting.
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        BenchArgs opt =
                new BenchArgs(args, List.of("--samples", "--copies", "--runs", "--out", "--work"));
        Path out = opt.path("--out", "benchmarks/target/bench/recorded.json");
        List<Figure> figures =
                new RecordedModeBenchmark(
                                opt.path("--samples", "samples"),
                                opt.count("--copies", 15, 1),
                                opt.count("--runs", 5, 1),
                                opt.path("--work", "benchmarks/target/recorded-calls"))
                        .run();
        BenchReport.writePart(out, figures);
        System.out.print(BenchTable.format(figures));
    }

    private List<Figure> run() throws Exception {
        List<Path> originals = transcripts(samples);
        Calls calls = prepare(originals);
        System.err.printf(
                "recorded mode: %d calls (%.2f h of audio) in %s%n",
                calls.count, calls.audioS / 3600, work);
        ServerDistributions dists = ServerDistributions.locate();
        try (LocalOpenSearch node =
                LocalOpenSearch.builder().distribution(dists.opensearchHome()).start()) {
            URI url = node.httpUri();
            CallqaIndices.installTemplates(url);
            Configuration conf = new Configuration();
            conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(url.toString()));
            int parallelism = Runtime.getRuntime().availableProcessors();
            List<Run> measured = new ArrayList<>();
            for (int r = 0; r <= runs; r++) {
                Run run = runJob(url, conf, parallelism, calls.count, node.pid());
                System.err.printf(
                        "  %s %d: %.1f s wall; CPU s: JVM %.1f (task threads %.1f, HTTP client"
                                + " %.1f, other Java threads %.1f), OpenSearch %.1f%n",
                        r == 0 ? "warm-up" : "run",
                        r,
                        run.wallS,
                        run.jvmCpuS,
                        run.taskCpuS,
                        run.httpCpuS,
                        run.otherJavaCpuS,
                        run.openSearchCpuS);
                if (r > 0) {
                    measured.add(run);
                }
            }
            double analysisCpuPerCallS;
            String analysisFailure = null;
            try {
                analysisCpuPerCallS = analysisCpuPerCall(originals);
            } catch (Exception e) {
                // The job's own figures stand without it; only the analysis/client split is lost.
                e.printStackTrace();
                analysisCpuPerCallS = Double.NaN;
                analysisFailure = "failed: could not time the analysis alone (" + e + ")";
            }
            return figures(measured, calls, analysisCpuPerCallS, analysisFailure, parallelism);
        } finally {
            deleteTree(work);
        }
    }

    private record Calls(int count, double audioS) {}

    private static List<Path> transcripts(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(
                    dir.toAbsolutePath()
                            + ": no such directory; run from the repository root or pass"
                            + " --samples DIR");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /**
     * {@code copies} copies of every sample call under distinct call ids: the transcript rewritten
     * with the new id, the recording hard-linked (copied where links are not possible).
     */
    private Calls prepare(List<Path> originals) throws IOException {
        deleteTree(work);
        Files.createDirectories(work);
        int count = 0;
        double audioS = 0;
        for (Path t : originals) {
            String id = t.getFileName().toString().replace(".json", "");
            Path wav = t.resolveSibling(id + ".wav");
            double durationS;
            try (AudioSource a = WavDecoder.open(wav)) {
                durationS = a.format().durationS();
            }
            ObjectNode doc = (ObjectNode) JSON.readTree(t.toFile());
            for (int c = 0; c < copies; c++) {
                String copy = id + "-b" + c;
                doc.put("call_id", copy);
                Files.write(work.resolve(copy + ".json"), JSON.writeValueAsBytes(doc));
                Path target = work.resolve(copy + ".wav");
                try {
                    Files.createLink(target, wav.toAbsolutePath());
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(wav, target);
                }
                count++;
                audioS += durationS;
            }
        }
        return new Calls(count, audioS);
    }

    private record Run(
            double wallS,
            double jvmCpuS,
            double openSearchCpuS,
            double taskCpuS,
            double httpCpuS,
            double otherJavaCpuS) {}

    private Run runJob(URI url, Configuration conf, int parallelism, int expected, long osPid)
            throws Exception {
        http("DELETE", url.resolve("/callqa-calls,callqa-alerts,callqa-errors"));
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        ThreadCpu threads = new ThreadCpu();
        threads.start();
        long jvm0 = os.getProcessCpuTime();
        long os0 = processTreeCpuNs(osPid);
        long t0 = System.nanoTime();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        org.apache.flink.core.fs.Path input =
                new org.apache.flink.core.fs.Path(work.toAbsolutePath().toUri());
        CallqaJob.recordedCalls(input, null, conf).execute(env);
        long t1 = System.nanoTime();
        long jvm1 = os.getProcessCpuTime();
        long os1 = processTreeCpuNs(osPid);
        Map<String, Long> byGroup = threads.stop();
        http("POST", url.resolve("/callqa-calls/_refresh"));
        JsonNode count = JSON.readTree(http("GET", url.resolve("/callqa-calls/_count")));
        long indexed = count.path("count").asLong(-1);
        if (indexed != expected) {
            throw new IllegalStateException(
                    "the job indexed " + indexed + " calls, expected " + expected);
        }
        double sampler = byGroup.getOrDefault("sampler", 0L) / 1e9;
        return new Run(
                (t1 - t0) / 1e9,
                (jvm1 - jvm0) / 1e9 - sampler,
                (os1 - os0) / 1e9,
                byGroup.getOrDefault("task", 0L) / 1e9,
                byGroup.getOrDefault("http", 0L) / 1e9,
                byGroup.getOrDefault("other", 0L) / 1e9);
    }

    private static List<Figure> figures(
            List<Run> runs,
            Calls calls,
            double analysisPerCallS,
            String analysisFailure,
            int parallelism) {
        List<Double> perMinute = new ArrayList<>();
        List<Double> audioRate = new ArrayList<>();
        List<Double> cpuPerCall = new ArrayList<>();
        List<Double> perCoreMinute = new ArrayList<>();
        List<Double> analysis = new ArrayList<>();
        List<Double> indexClient = new ArrayList<>();
        List<Double> indexServer = new ArrayList<>();
        List<Double> flink = new ArrayList<>();
        List<Double> jvmInternal = new ArrayList<>();
        for (Run r : runs) {
            perMinute.add(calls.count / r.wallS * 60);
            audioRate.add(calls.audioS / r.wallS);
            double total = r.jvmCpuS + r.openSearchCpuS;
            cpuPerCall.add(total / calls.count * 1000);
            perCoreMinute.add(60 * calls.count / total);
            double a = Math.min(r.taskCpuS, analysisPerCallS * calls.count);
            double javaThreads = r.taskCpuS + r.httpCpuS + r.otherJavaCpuS;
            analysis.add(100 * a / total);
            indexClient.add(100 * (r.taskCpuS - a + r.httpCpuS) / total);
            indexServer.add(100 * r.openSearchCpuS / total);
            flink.add(100 * r.otherJavaCpuS / total);
            jvmInternal.add(100 * Math.max(0, r.jvmCpuS - javaThreads) / total);
        }
        String what =
                String.format(
                        Locale.ROOT,
                        "recorded mode: the production CallqaJob (local Flink, parallelism %d)"
                                + " over %d recorded calls (the samples, each copied under"
                                + " distinct call ids; %.2f h of audio, recording + sidecar"
                                + " transcript) into a real OpenSearch started once; one run ="
                                + " one bounded job after a warm-up job, wall time from submit"
                                + " to the last document flushed.",
                        parallelism,
                        calls.count,
                        calls.audioS / 3600);
        String split =
                String.format(
                        Locale.ROOT,
                        "recorded CPU split (share of JVM + OpenSearch CPU): Java threads sampled"
                                + " every %d ms by ThreadMXBean; analysis = %.1f ms CPU per call"
                                + " (TranscriptAnalysis timed on one thread in the same JVM)"
                                + " taken out of the chained task threads (at most all of"
                                + " their CPU); indexing client ="
                                + " the rest of the task threads (reading, sink request"
                                + " building) + HTTP client threads; indexing server = the"
                                + " OpenSearch process; Flink runtime = all other Java threads;"
                                + " JVM = process CPU outside Java threads (GC, JIT).",
                        SAMPLE_EVERY_MS,
                        analysisPerCallS * 1000);
        List<Figure> out = new ArrayList<>();
        out.add(Figure.measured("recorded mode: calls per minute", "calls/min", perMinute, what));
        out.add(
                Figure.measured(
                        "recorded mode: audio hours per hour", "audio h/h", audioRate, what));
        out.add(
                Figure.measured(
                        "recorded mode: CPU per call (JVM + OpenSearch)", "ms", cpuPerCall, what));
        out.add(
                Figure.measured(
                        "recorded mode: calls per core-minute (from CPU time)",
                        "calls/core-min",
                        perCoreMinute,
                        what));
        if (analysisFailure == null) {
            out.add(Figure.measured("recorded CPU: analysis", "%", analysis, split));
            out.add(Figure.measured("recorded CPU: indexing, client", "%", indexClient, split));
        } else {
            out.add(Figure.missing("recorded CPU: analysis", analysisFailure));
            out.add(Figure.missing("recorded CPU: indexing, client", analysisFailure));
        }
        out.add(Figure.measured("recorded CPU: indexing, OpenSearch", "%", indexServer, split));
        out.add(Figure.measured("recorded CPU: Flink runtime", "%", flink, split));
        out.add(Figure.measured("recorded CPU: JVM (GC, JIT)", "%", jvmInternal, split));
        return out;
    }

    /**
     * CPU seconds of {@link TranscriptAnalysis} per call on this thread: reading the transcript and
     * the recording, audio features, rules, classification, summary and the call document, as in
     * the job. One pass to warm up, then three timed passes over the sample calls.
     */
    private static double analysisCpuPerCall(List<Path> originals) throws Exception {
        TranscriptAnalysis fn = new TranscriptAnalysis();
        // The operator registers its progress counters with its runtime context; outside a job
        // it gets a plain one of its own.
        fn.setRuntimeContext(
                new RuntimeUDFContext(
                        new TaskInfoImpl("analyse transcript", 1, 0, 1, 0),
                        RecordedModeBenchmark.class.getClassLoader(),
                        new ExecutionConfig(),
                        new HashMap<>(),
                        new HashMap<>(),
                        UnregisteredMetricsGroup.createOperatorMetricGroup()));
        fn.open(DefaultOpenContext.INSTANCE);
        ProcessFunction<CallInput, CallDocument>.Context ctx =
                fn.new Context() {
                    @Override
                    public Long timestamp() {
                        return null;
                    }

                    @Override
                    public TimerService timerService() {
                        throw new UnsupportedOperationException("not used by the analysis");
                    }

                    @Override
                    public <X> void output(OutputTag<X> outputTag, X value) {}
                };
        Collector<CallDocument> sink =
                new Collector<>() {
                    @Override
                    public void collect(CallDocument record) {}

                    @Override
                    public void close() {}
                };
        List<CallInput> inputs = new ArrayList<>();
        for (Path p : originals) {
            inputs.add(
                    new CallInput(
                            new org.apache.flink.core.fs.Path(p.toAbsolutePath().toUri())
                                    .toString(),
                            Files.size(p)));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (CallInput in : inputs) {
            fn.processElement(in, ctx, sink);
        }
        int passes = 3;
        long c0 = mx.getCurrentThreadCpuTime();
        for (int p = 0; p < passes; p++) {
            for (CallInput in : inputs) {
                fn.processElement(in, ctx, sink);
            }
        }
        return (mx.getCurrentThreadCpuTime() - c0) / 1e9 / (passes * inputs.size());
    }

    /** CPU time of a process and all its descendants (OpenSearch runs under a wrapper). */
    static long processTreeCpuNs(long pid) {
        return ProcessHandle.of(pid)
                .map(
                        p ->
                                Stream.concat(Stream.of(p), p.descendants())
                                        .mapToLong(
                                                h ->
                                                        h.info()
                                                                .totalCpuDuration()
                                                                .map(Duration::toNanos)
                                                                .orElse(0L))
                                        .sum())
                .orElse(0L);
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static String http(String method, URI uri) throws IOException, InterruptedException {
        HttpRequest req =
                HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(60))
                        .build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Samples the CPU time of every Java thread while a job runs, grouped by what the thread does.
     * A thread's last sample stands for its total, so a thread that ends between samples loses at
     * most one interval.
     */
    static final class ThreadCpu {
        private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        private final Map<Long, Long> baseline = new HashMap<>();
        private final Map<Long, Long> latest = new HashMap<>();
        private final Map<Long, String> group = new HashMap<>();
        private Thread sampler;
        private volatile boolean running;

        void start() {
            mx.setThreadCpuTimeEnabled(true);
            sample(baseline);
            running = true;
            sampler =
                    new Thread(
                            () -> {
                                while (running) {
                                    sample(latest);
                                    try {
                                        Thread.sleep(SAMPLE_EVERY_MS);
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                }
                            },
                            "bench-cpu-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        Map<String, Long> stop() throws InterruptedException {
            running = false;
            sampler.join();
            sample(latest);
            Map<String, Long> out = new HashMap<>();
            for (Map.Entry<Long, Long> e : latest.entrySet()) {
                long delta = e.getValue() - baseline.getOrDefault(e.getKey(), 0L);
                out.merge(group.get(e.getKey()), Math.max(0, delta), Long::sum);
            }
            return out;
        }

        private synchronized void sample(Map<Long, Long> into) {
            long[] ids = mx.getAllThreadIds();
            ThreadInfo[] infos = mx.getThreadInfo(ids);
            for (int i = 0; i < ids.length; i++) {
                long cpu = mx.getThreadCpuTime(ids[i]);
                if (cpu < 0 || infos[i] == null) {
                    continue;
                }
                into.put(ids[i], cpu);
                group.putIfAbsent(ids[i], groupOf(infos[i].getThreadName()));
            }
        }
    }

    /** What a thread of the benchmark JVM does, from its name. */
    static String groupOf(String threadName) {
        String n = threadName.toLowerCase(Locale.ROOT);
        if (n.equals("bench-cpu-sampler")) {
            return "sampler";
        }
        if (n.contains("analyse transcript")) {
            return "task";
        }
        // The OpenSearch client's Apache HTTP threads; the JDK client this class uses between runs
        // is named HttpClient-N-Worker and is not part of the job.
        if (n.startsWith("httpclient-main")
                || n.startsWith("httpclient-dispatch")
                || n.startsWith("opensearch-sink")) {
            return "http";
        }
        return "other";
    }
}
