package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.IndexNames;
import io.callqa.pipeline.live.LiveCallSettings;
import io.callqa.pipeline.live.LiveTopics;
import io.callqa.testing.KafkaBroker;
import io.callqa.testing.KafkaExtension;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz test: {@code callqa.fuzz.inputs} hostile inputs ({@link HostileInputs}, default 1,000,
 * seeded by {@code callqa.fuzz.seed}) go through ONE run of the real job on a MiniCluster, with
 * real OpenSearch and Kafka: transcript files (70%), transcripts with a hostile WAV beside them
 * (10%, two inputs each) and live call records on the live topics (20%).
 *
 * <p>The job may restart (fixed delay, many attempts), so that a crash loop shows as restarts
 * rather than as one failure; it must not restart at all. Every input must come out either indexed
 * in callqa-calls or in callqa-errors with a reason, and no reason may quote the card number that
 * every hostile text carries.
 *
 * <p>The longer run: {@code ./mvnw -pl pipeline -am verify -Dit.test=HostileInputITCase
 * -Dcallqa.fuzz.inputs=10000}.
 */
@ExtendWith({OpenSearchExtension.class, KafkaExtension.class})
@Timeout(1800)
class HostileInputITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int UTTERANCES_PER_LIVE_CALL = 5;

    @TempDir Path input;

    @Test
    void noHostileInputStopsTheJobAndEachIsIndexedOrRejectedWithoutQuotingIt(
            OpenSearchNode openSearch,
            KafkaBroker kafka,
            @InjectClusterClient ClusterClient<?> flink)
            throws Exception {
        long seed = Long.getLong("callqa.fuzz.seed", 20_261_202L);
        int total = Integer.getInteger("callqa.fuzz.inputs", 1000);
        long began = System.nanoTime();
        HostileInputs hostile = new HostileInputs(seed);
        List<ObjectNode> samples = samples();

        int wavPairs = total / 20;
        int liveCalls = total / 5 / (UTTERANCES_PER_LIVE_CALL + 3);
        int files = total - 2 * wavPairs - liveCalls * (UTTERANCES_PER_LIVE_CALL + 3);
        List<String> expectedFiles = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            ObjectNode base = samples.get(hostile.nextInt(samples.size()));
            Files.write(input.resolve("f-" + i + ".json"), hostile.transcript(base, "fz-" + i));
            expectedFiles.add("f-" + i + ".json");
        }
        for (int i = 0; i < wavPairs; i++) {
            ObjectNode t = samples.get(hostile.nextInt(samples.size())).deepCopy();
            t.put("call_id", "wz-" + i);
            Files.write(input.resolve("w-" + i + ".json"), JSON.writeValueAsBytes(t));
            Files.write(input.resolve("w-" + i + ".wav"), hostile.wav());
            expectedFiles.add("w-" + i + ".json");
            expectedFiles.add("w-" + i + ".wav");
        }

        String bootstrap = kafka.bootstrapServers();
        createLiveTopics(bootstrap);
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, String> liveRecords = new TreeMap<>(); // kafka source -> call id
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        Map.of("bootstrap.servers", bootstrap, "linger.ms", 20),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
            List<String> callOf = new ArrayList<>();
            for (int c = 0; c < liveCalls; c++) {
                String callId = "lz-" + run + "-" + c;
                ObjectNode base = samples.get(hostile.nextInt(samples.size()));
                List<JsonNode> utterances = new ArrayList<>();
                for (int i = 0; i < UTTERANCES_PER_LIVE_CALL; i++) {
                    utterances.add(base.path("utterances").path(i));
                }
                for (String[] r :
                        hostile.liveCall(callId, utterances, System.currentTimeMillis())) {
                    sent.add(
                            producer.send(
                                    new ProducerRecord<>(
                                            r[0],
                                            callId.getBytes(StandardCharsets.UTF_8),
                                            r[1].getBytes(StandardCharsets.ISO_8859_1))));
                    callOf.add(callId);
                }
            }
            producer.flush();
            for (int i = 0; i < sent.size(); i++) {
                RecordMetadata m = sent.get(i).get();
                liveRecords.put(
                        "kafka:" + m.topic() + "/" + m.partition() + "@" + m.offset(),
                        callOf.get(i));
            }
        }
        int inputs = expectedFiles.size() + liveRecords.size();
        long generatedMs = (System.nanoTime() - began) / 1_000_000;

        URI node = openSearch.httpUri();
        IndexContents.delete(node, IndexNames.CALLS, IndexNames.ALERTS_ALL, IndexNames.ERRORS_ALL);
        CallqaIndices.installTemplates(node);
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(node.toString()));
        conf.set(PipelineOptions.OPENSEARCH_BULK_FLUSH_INTERVAL, Duration.ofMillis(300));
        // A crash loop must show as restarts, not end the run at its first failure.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1000);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        LiveCallSettings live =
                new LiveCallSettings(
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(2),
                        50,
                        Duration.ofMillis(500),
                        Duration.ofMillis(500));
        CallqaJob.recordedCalls(new org.apache.flink.core.fs.Path(input.toUri()), null, conf)
                .withLive(
                        new CallqaJob.Live(
                                LiveTopics.source(
                                        bootstrap,
                                        64 * 1024,
                                        PipelineOptions.transcriptLimits(conf),
                                        false),
                                live,
                                null))
                .build(env);
        long started = System.nanoTime();
        JobClient job = env.executeAsync("callqa-hostile-input");

        Outcomes out;
        Set<String> missing;
        long deadline = System.nanoTime() + Duration.ofSeconds(120 + total / 20).toNanos();
        int lastMissing = Integer.MAX_VALUE;
        long processedMs = 0;
        do {
            Thread.sleep(1000);
            out = Outcomes.fetch(node);
            missing = out.missing(expectedFiles, liveRecords);
            if (missing.size() < lastMissing) {
                lastMissing = missing.size();
                processedMs = (System.nanoTime() - started) / 1_000_000;
            }
            if (job.getJobStatus().get().isGloballyTerminalState()) {
                break;
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        JobStatus status = job.getJobStatus().get();
        long restarts = restarts(flink, job);
        try {
            job.cancel().get();
        } catch (ExecutionException e) {
            // Already ended: the status above says how.
        }

        Map<String, Integer> byReason = new TreeMap<>();
        for (Outcomes.Rejection r : out.rejections) {
            byReason.merge(r.stage() + ": " + reasonClass(r.reason()), 1, Integer::sum);
        }
        StringBuilder figures = new StringBuilder();
        figures.append(
                String.format(
                        "fuzz seed %d: %d inputs (%d transcript files, %d transcript+WAV pairs, %d"
                            + " live records in %d calls), generated in %d ms; all accounted for"
                            + " after %d ms; %d call documents, %d rejections; status %s, %d"
                            + " restarts%n",
                        seed,
                        inputs,
                        files,
                        wavPairs,
                        liveRecords.size(),
                        liveCalls,
                        generatedMs,
                        processedMs,
                        out.callUris.size(),
                        out.rejections.size(),
                        status,
                        restarts));
        byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> figures.append(String.format("%7d  %s%n", e.getValue(), e.getKey())));
        System.out.print(figures);
        Files.writeString(Path.of("target", "hostile-input-figures.txt"), figures);

        if (!missing.isEmpty()) {
            // What the unaccounted inputs were, to reproduce them: size and first bytes.
            StringBuilder why = new StringBuilder();
            for (String m : missing) {
                Path f = input.resolve(m);
                if (Files.exists(f)) {
                    byte[] b = Files.readAllBytes(f);
                    why.append(m)
                            .append(" (")
                            .append(b.length)
                            .append(" bytes): ")
                            .append(
                                    new String(
                                            b, 0, Math.min(b.length, 400), StandardCharsets.UTF_8))
                            .append(System.lineSeparator());
                }
            }
            Files.writeString(Path.of("target", "hostile-input-missing.txt"), why);
        }
        assertThat(status).as("job status").isEqualTo(JobStatus.RUNNING);
        assertThat(restarts).as("numRestarts").isZero();
        assertThat(missing).as("inputs neither indexed nor rejected").isEmpty();
        assertThat(out.rejections)
                .allSatisfy(
                        r -> {
                            assertThat(r.reason()).as(r.source()).isNotBlank();
                            assertThat(r.reason())
                                    .as(r.source())
                                    .doesNotContain(HostileInputs.CARD)
                                    .doesNotContain("\tat ");
                        });
    }

    /** The reason without its numbers and source, to count rejections by kind. */
    private static String reasonClass(String reason) {
        String r = reason.replaceFirst("^\\S*?\\.(json|wav): ", "");
        r = r.replaceAll("\\[\\d+\\]", "[]").replaceAll("\\d+(\\.\\d+)?(e[+-]\\d+)?", "N");
        r = r.replaceAll("call lz-\\S+", "call C");
        return r.length() <= 110 ? r : r.substring(0, 110) + "…";
    }

    private static List<ObjectNode> samples() throws IOException {
        List<ObjectNode> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(IndexContents.SAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                samples.add((ObjectNode) JSON.readTree(f.toFile()));
            }
        }
        return samples;
    }

    private static void createLiveTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            for (String t :
                    List.of(LiveTopics.CALL_EVENTS, LiveTopics.AUDIO, LiveTopics.UTTERANCES)) {
                try {
                    admin.createTopics(List.of(new NewTopic(t, 2, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Flink's {@code numRestarts} metric of the job, from the MiniCluster's REST API. */
    private static long restarts(ClusterClient<?> flink, JobClient job) throws Exception {
        URI uri =
                URI.create(
                        flink.getWebInterfaceURL()
                                + "/jobs/"
                                + job.getJobID()
                                + "/metrics?get=numRestarts");
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<String> r =
                    HTTP.send(
                            HttpRequest.newBuilder(uri).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode metrics = JSON.readTree(r.body());
            if (metrics.isArray() && !metrics.isEmpty()) {
                return metrics.get(0).path("value").asLong();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the MiniCluster did not report numRestarts at " + uri);
    }

    /** What the job wrote: the call documents' sources and ids, and the rejections. */
    private record Outcomes(Set<String> callUris, Set<String> callIds, List<Rejection> rejections) {
        record Rejection(String source, String stage, String reason, String callId) {}

        static Outcomes fetch(URI node) throws IOException, InterruptedException {
            Set<String> uris = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode c : all(node, IndexNames.CALLS, "call_id", "source")) {
                ids.add(c.path("call_id").asText());
                uris.add(name(c.at("/source/uri").asText()));
                uris.add(name(c.at("/source/transcript/uri").asText()));
            }
            List<Rejection> rejections = new ArrayList<>();
            for (JsonNode e :
                    all(node, IndexNames.ERRORS_ALL, "source", "stage", "reason", "call_id")) {
                rejections.add(
                        new Rejection(
                                e.path("source").asText(),
                                e.path("stage").asText(),
                                e.path("reason").asText(),
                                e.path("call_id").asText(null)));
            }
            return new Outcomes(uris, ids, rejections);
        }

        Set<String> missing(List<String> files, Map<String, String> liveRecords) {
            Set<String> rejectedNames = new HashSet<>();
            Set<String> rejectedSources = new HashSet<>();
            Set<String> rejectedCalls = new HashSet<>();
            for (Rejection r : rejections) {
                if (!r.reason().isBlank()) {
                    rejectedNames.add(name(r.source()));
                    rejectedSources.add(r.source());
                    if (r.callId() != null) {
                        rejectedCalls.add(r.callId());
                    }
                }
            }
            Set<String> missing = new java.util.TreeSet<>();
            for (String f : files) {
                // f-7.json holds call fz-7, w-7.json and w-7.wav call wz-7.
                String call = f.charAt(0) + "z-" + f.substring(2, f.indexOf('.'));
                if (!callUris.contains(f)
                        && !rejectedNames.contains(f)
                        && !(f.endsWith(".json") && rejectedCalls.contains(call))) {
                    missing.add(f);
                }
            }
            liveRecords.forEach(
                    (source, call) -> {
                        if (!rejectedSources.contains(source)
                                && !callIds.contains(call)
                                && !rejectedCalls.contains(call)) {
                            missing.add(source + " (" + call + ")");
                        }
                    });
            return missing;
        }

        private static String name(String uri) {
            return uri.substring(uri.lastIndexOf('/') + 1);
        }

        /** Every document of {@code index} (its {@code fields}), scrolling past 10,000. */
        private static List<JsonNode> all(URI node, String index, String... fields)
                throws IOException, InterruptedException {
            send(node, "POST", "/" + index + "/_refresh?ignore_unavailable=true", null);
            List<JsonNode> docs = new ArrayList<>();
            Map<String, Object> body = new HashMap<>();
            body.put("size", 5000);
            body.put("_source", fields);
            JsonNode page =
                    send(
                            node,
                            "POST",
                            "/" + index + "/_search?scroll=1m&ignore_unavailable=true",
                            JSON.writeValueAsString(body));
            while (true) {
                JsonNode hits = page.path("hits").path("hits");
                if (hits.isEmpty()) {
                    break;
                }
                hits.forEach(h -> docs.add(h.path("_source")));
                String scroll = page.path("_scroll_id").asText(null);
                if (scroll == null) {
                    break;
                }
                page =
                        send(
                                node,
                                "POST",
                                "/_search/scroll",
                                JSON.writeValueAsString(
                                        Map.of("scroll", "1m", "scroll_id", scroll)));
            }
            return docs;
        }

        private static JsonNode send(URI node, String method, String path, String body)
                throws IOException, InterruptedException {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(node.resolve(path))
                            .header("Content-Type", "application/json");
            b.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        }
    }
}
