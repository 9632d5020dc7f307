package io.callqa.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.AssistFields;
import io.callqa.pipeline.CallqaIndices;
import io.callqa.pipeline.CallqaJob;
import io.callqa.pipeline.PipelineOptions;
import io.callqa.pipeline.live.LiveTopics;
import io.callqa.servers.LocalKafka;
import io.callqa.servers.LocalOpenSearch;
import io.callqa.servers.ServerDistributions;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Live mode end to end: 50 concurrent calls replayed through a real Kafka broker into the live job
 * (local Flink) with a real OpenSearch, five rounds. Per round: alert latency from the moment the
 * record that settled an alert was produced (the finalized utterance's timestamp on {@code
 * callqa.utterances}, or for dead air raised while it lasts the audio chunk's on {@code
 * callqa.audio}) to the alert's arrival on {@code callqa.alerts}, p50/p95/p99; live suggestion
 * latency, from the finalized utterance that triggered an agent-assist step to the suggestion's
 * arrival on {@code callqa.assist}, p50/p95 ({@code suggestion_*}); heap per open call (heap after
 * GC in the middle of the round, when every call is open, minus before it, divided by the calls);
 * and keyed state per open call in the checkpoint taken then.
 *
 * <p>The calls are the sample calls, each replayed several times under new ids by {@code callqa
 * replay} in a separate JVM (so that the replayer's own memory does not count as the job's). Prints
 * one JSON line with each figure's per-round values; the report takes medians. Options: {@code
 * --calls 50 --speed 2 --runs 5 --samples samples --minutes 0}.
 *
 * <p>With {@code --minutes M} each measured round plays long calls instead: every call is the
 * samples of one language (English and Korean by turns) played one after another, recording and
 * utterances alike, until the call lasts M minutes; each call starts from a different sample, so
 * that a rule's first failure comes early in one call and late in another. The warm-up round still
 * plays the samples as recorded. Besides the figures above it prints the alert latency over the
 * alerts of the last sixth of each round ({@code late_alert_p95_ms}), which a cost growing with the
 * call would raise first.
 */
public final class LiveAlertLatencyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveAlertLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchArgs.run("LiveAlertLatencyBenchmark", args, LiveAlertLatencyBenchmark::measure);
    }

    private static void measure(String[] args) throws Exception {
        BenchArgs opt =
                new BenchArgs(
                        args, List.of("--calls", "--speed", "--runs", "--samples", "--minutes"));
        int calls = opt.count("--calls", 50, 1);
        int speed = opt.count("--speed", 2, 1);
        int runs = opt.count("--runs", 5, 1);
        int minutes = opt.count("--minutes", 0, 0);
        Path samples = opt.path("--samples", "samples").toAbsolutePath();
        Path work = Files.createTempDirectory("callqa-live-bench");

        ServerDistributions dists = ServerDistributions.locate();
        try (LocalOpenSearch node =
                        LocalOpenSearch.builder().distribution(dists.opensearchHome()).start();
                LocalKafka kafka = LocalKafka.builder().libs(dists.kafkaLibs()).start()) {
            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(
                                Stream.of(
                                                LiveTopics.CALL_EVENTS,
                                                LiveTopics.AUDIO,
                                                LiveTopics.UTTERANCES,
                                                LiveTopics.ALERTS,
                                                LiveTopics.ASSIST)
                                        .map(t -> new NewTopic(t, 2, (short) 1))
                                        .toList())
                        .all()
                        .get();
            }
            CallqaIndices.installTemplates(node.httpUri());
            Configuration sinks = new Configuration();
            sinks.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(node.httpUri().toString()));
            sinks.set(PipelineOptions.OPENSEARCH_BULK_FLUSH_INTERVAL, Duration.ofMillis(200));

            Path checkpoints = work.resolve("checkpoints");
            Configuration envConf = new Configuration();
            envConf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(envConf);
            env.setParallelism(2);
            env.enableCheckpointing(2000);
            CallqaJob.liveCalls(bootstrap, null, sinks).build(env);
            JobClient job = env.executeAsync("callqa live benchmark");

            List<long[]> alerts = new CopyOnWriteArrayList<>();
            List<long[]> suggestions = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread listener =
                    new Thread(
                            () -> listen(bootstrap, alerts, suggestions, stop), "alert listener");
            listener.start();
            Thread.sleep(5000);

            ObjectNode out = JSON.createObjectNode();
            var p50 = out.putArray("alert_p50_ms");
            var p95 = out.putArray("alert_p95_ms");
            var p99 = out.putArray("alert_p99_ms");
            var count = out.putArray("alerts_per_round");
            var s50 = out.putArray("suggestion_p50_ms");
            var s95 = out.putArray("suggestion_p95_ms");
            var sCount = out.putArray("suggestions_per_round");
            var heap = out.putArray("heap_per_open_call_kb");
            var state = out.putArray("checkpoint_state_per_open_call_kb");
            var late = minutes > 0 ? out.putArray("late_alert_p95_ms") : null;
            var lateCount = minutes > 0 ? out.putArray("late_alerts_per_round") : null;
            try {
                for (int r = 0; r <= runs; r++) {
                    String suffix = "-r" + r;
                    Path dir =
                            r > 0 && minutes > 0
                                    ? LongCalls.write(
                                            samples,
                                            calls,
                                            minutes * 60.0,
                                            suffix,
                                            work.resolve("calls" + suffix))
                                    : copies(samples, calls, suffix, work);
                    long before = usedHeapAfterGc();
                    long stateBefore = latestCheckpointBytes(checkpoints);
                    int from = alerts.size();
                    int suggestionsFrom = suggestions.size();
                    long roundStart = System.currentTimeMillis();
                    Process replay = replay(bootstrap, dir, speed, minutes > 0, work);
                    // Halfway through the shortest calls every call is open.
                    Thread.sleep(15_000L / speed);
                    long during = usedHeapAfterGc();
                    Thread.sleep(4500);
                    long stateDuring = latestCheckpointBytes(checkpoints);
                    if (!replay.waitFor(10 + minutes, TimeUnit.MINUTES)
                            || replay.exitValue() != 0) {
                        throw new IllegalStateException(
                                "callqa replay failed, see " + work.resolve("replay.log"));
                    }
                    long replayEnd = System.currentTimeMillis();
                    // End grace plus indexing.
                    Thread.sleep(8000);
                    List<Long> ms = new ArrayList<>();
                    List<Long> lateMs = new ArrayList<>();
                    long lateFrom = replayEnd - (replayEnd - roundStart) / 6;
                    for (long[] a : alerts.subList(from, alerts.size())) {
                        ms.add(a[0]);
                        if (a[1] >= lateFrom) {
                            lateMs.add(a[0]);
                        }
                    }
                    ms.sort(Comparator.naturalOrder());
                    lateMs.sort(Comparator.naturalOrder());
                    List<Long> suggestedMs = new ArrayList<>();
                    for (long[] a : suggestions.subList(suggestionsFrom, suggestions.size())) {
                        suggestedMs.add(a[0]);
                    }
                    suggestedMs.sort(Comparator.naturalOrder());
                    System.err.printf(
                            "round %d: %d alerts, p50 %d ms, p95 %d ms, p99 %d ms; %d suggestions,"
                                    + " p50 %d ms, p95 %d ms; heap +%d kB; checkpoint %d -> %d"
                                    + " bytes%n",
                            r,
                            ms.size(),
                            pct(ms, 50),
                            pct(ms, 95),
                            pct(ms, 99),
                            suggestedMs.size(),
                            pct(suggestedMs, 50),
                            pct(suggestedMs, 95),
                            (during - before) / 1024,
                            stateBefore,
                            stateDuring);
                    if (r == 0) {
                        continue; // warm-up: class loading, JIT, Kafka and OpenSearch caches
                    }
                    if (late != null) {
                        System.err.printf(
                                "round %d: %d alerts in the last sixth, p95 %d ms%n",
                                r, lateMs.size(), pct(lateMs, 95));
                        late.add(pct(lateMs, 95));
                        lateCount.add(lateMs.size());
                    }
                    p50.add(pct(ms, 50));
                    p95.add(pct(ms, 95));
                    p99.add(pct(ms, 99));
                    count.add(ms.size());
                    s50.add(pct(suggestedMs, 50));
                    s95.add(pct(suggestedMs, 95));
                    sCount.add(suggestedMs.size());
                    heap.add((during - before) / 1024.0 / calls);
                    state.add((stateDuring - stateBefore) / 1024.0 / calls);
                }
            } finally {
                stop.set(true);
                listener.join();
                job.cancel().get();
            }
            out.put("calls", calls);
            out.put("speed", speed);
            out.put("call_minutes", minutes);
            System.out.println(JSON.writeValueAsString(out));
        }
    }

    /** Copies of the samples under round-specific ids, as many as {@code calls}. */
    private static Path copies(Path samples, int calls, String suffix, Path work)
            throws IOException {
        List<Path> sidecars;
        try (Stream<Path> s = Files.list(samples)) {
            sidecars = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Path dir = Files.createDirectories(work.resolve("calls" + suffix));
        for (int i = 0; i < calls; i++) {
            Path side = sidecars.get(i % sidecars.size());
            JsonNode j = JSON.readTree(side.toFile());
            String id = j.path("call_id").asText() + "-" + i + suffix;
            ((ObjectNode) j).put("call_id", id);
            Path wav = side.resolveSibling(j.path("audio").path("file").asText());
            ((ObjectNode) j.path("audio")).put("file", wav.toString());
            Files.writeString(dir.resolve(id + ".json"), JSON.writeValueAsString(j));
        }
        return dir;
    }

    /** Starts {@code callqa replay} of every call in {@code dir}. */
    private static Process replay(
            String bootstrap, Path dir, int speed, boolean longCalls, Path work)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        // The replayer schedules a call's audio chunks up front: an hour is
                        // about 150 MB of them.
                        longCalls ? "-Xmx3g" : "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.callqa.cli.CallqaCommand",
                        "replay",
                        "--kafka",
                        bootstrap,
                        "--speed",
                        Integer.toString(speed),
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(work.resolve("replay.log").toFile()))
                .start();
    }

    /**
     * Follows the alert and assist topics: per alert, and per suggested step, the time from what
     * settled or triggered it to its arrival, and the arrival.
     */
    private static void listen(
            String bootstrap, List<long[]> alerts, List<long[]> suggestions, AtomicBoolean stop) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "live-benchmark");
        p.put("auto.offset.reset", "latest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(LiveTopics.ALERTS, LiveTopics.ASSIST));
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    try {
                        JsonNode a = JSON.readTree(r.value());
                        if (r.topic().equals(LiveTopics.ASSIST)) {
                            JsonNode f = a.at("/live/finalized_at");
                            if (AssistFields.SUGGESTED.equals(a.path("type").asText())
                                    && f.isNumber()) {
                                suggestions.add(new long[] {now - f.asLong(), now});
                            }
                            continue;
                        }
                        JsonNode f = a.at("/live/finalized_at");
                        if (!f.isNumber()) {
                            f = a.at("/live/audio_at");
                        }
                        if (f.isNumber()) {
                            alerts.add(new long[] {now - f.asLong(), now});
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException("unreadable alert: " + r.value(), e);
                    }
                }
            }
        }
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Bytes of the newest completed checkpoint (its directory, metadata included). */
    private static long latestCheckpointBytes(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return 0;
        }
        Optional<Path> latest;
        try (Stream<Path> s = Files.walk(checkpoints, 2)) {
            latest =
                    s.filter(p -> p.getFileName().toString().startsWith("chk-"))
                            .filter(p -> Files.exists(p.resolve("_metadata")))
                            .max(
                                    Comparator.comparingLong(
                                            p ->
                                                    Long.parseLong(
                                                            p.getFileName()
                                                                    .toString()
                                                                    .substring(4))));
        }
        if (latest.isEmpty()) {
            return 0;
        }
        long bytes = 0;
        try (Stream<Path> s = Files.walk(latest.get())) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                bytes += f.toFile().length();
            }
        }
        // Keyed state held in shared/ by a full checkpoint is referenced from the metadata.
        Path shared = latest.get().resolveSibling("shared");
        if (Files.isDirectory(shared)) {
            try (Stream<Path> s = Files.walk(shared)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    bytes += new File(f.toString()).length();
                }
            }
        }
        return bytes;
    }
}
