package io.callqa.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.analysis.document.IndexNames;
import io.callqa.pipeline.CallqaIndices;
import io.callqa.pipeline.CallqaJob;
import io.callqa.pipeline.IndexContents;
import io.callqa.pipeline.PipelineOptions;
import io.callqa.testing.KafkaBroker;
import io.callqa.testing.KafkaExtension;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sample calls replayed as live calls (audio chunks, sidecar utterances finalized as they end,
 * start and end events) through a real Kafka broker into the live job on a Flink MiniCluster and a
 * real OpenSearch: every expected alert arrives on {@code callqa.alerts} while its call is still
 * open, every call is indexed once when it ends with the violations its sidecar names, the
 * agent-assist steps its document's post-call assist finds are suggested and withdrawn live on
 * {@code callqa.assist} and in {@code callqa-assist-*}, and unreadable records land in {@code
 * callqa-errors} with their reason while the rest goes on.
 */
@ExtendWith({OpenSearchExtension.class, KafkaExtension.class})
class LiveCallsITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Replay speed: all 20 calls at once at three times real time, which a 2-core machine running
     * Kafka, OpenSearch and Flink keeps up with (the longest call plays in 27 s).
     */
    private static final double SPEED = 3;

    private static URI opensearch;

    @BeforeAll
    static void connect(OpenSearchNode node) {
        opensearch = node.httpUri();
    }

    @Test
    void alertsArriveWhileCallsAreOpenAndEveryCallIsIndexedWhenItEnds(
            OpenSearchNode node, KafkaBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(
                            Stream.of(
                                            LiveTopics.CALL_EVENTS,
                                            LiveTopics.AUDIO,
                                            LiveTopics.UTTERANCES,
                                            LiveTopics.ALERTS,
                                            LiveTopics.ASSIST,
                                            LiveTopics.ERRORS)
                                    .map(t -> new NewTopic(t, 2, (short) 1))
                                    .toList())
                    .all()
                    .get();
        }
        IndexContents.delete(
                opensearch,
                IndexNames.CALLS,
                IndexNames.ERRORS_ALL,
                IndexNames.ALERTS_ALL,
                IndexNames.ASSIST_ALL);
        CallqaIndices.installTemplates(node.httpUri());

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(node.httpUri().toString()));
        conf.set(PipelineOptions.OPENSEARCH_BULK_FLUSH_INTERVAL, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CallqaJob.liveCalls(bootstrap, null, conf).build(env);
        JobClient job = env.executeAsync("callqa live");

        Map<String, Long> alertSeenAt = new ConcurrentHashMap<>();
        Map<String, String> alertType = new ConcurrentHashMap<>();
        Map<String, Long> alertLatency = new ConcurrentHashMap<>();
        Set<String> atCallEnd = ConcurrentHashMap.newKeySet();
        Set<String> byAudio = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        Thread listener =
                new Thread(
                        () ->
                                listen(
                                        bootstrap,
                                        alertSeenAt,
                                        alertType,
                                        alertLatency,
                                        atCallEnd,
                                        byAudio,
                                        stop));
        listener.start();
        try {
            List<CallReplayer.Call> calls = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            try (Stream<Path> files = Files.list(SAMPLES)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    CallReplayer.Call c = CallReplayer.of(f, null);
                    calls.add(c);
                    ids.add(c.callId());
                }
            }
            sendBadRecords(bootstrap);
            Map<String, Long> endedAt;
            try (CallReplayer replayer = new CallReplayer(bootstrap, SPEED)) {
                endedAt = replayer.play(calls);
            }

            List<JsonNode> docs =
                    awaitDocuments(IndexNames.CALLS, ids.size(), Duration.ofSeconds(90));
            assertThat(docs)
                    .extracting(d -> d.path("call_id").asText())
                    .containsExactlyInAnyOrderElementsOf(ids);

            // Anything rejected on the way is shown, so a failure below can be read.
            search(IndexNames.ERRORS_ALL)
                    .forEach(e -> System.out.println("LiveCallsITCase dead letter: " + e));
            List<String> lateAlerts = new ArrayList<>();
            for (String id : ids) {
                JsonNode truth = JSON.readTree(SAMPLES.resolve(id + ".json").toFile());
                JsonNode doc =
                        docs.stream()
                                .filter(d -> d.path("call_id").asText().equals(id))
                                .findFirst()
                                .orElseThrow();
                Set<String> expectedViolations = new TreeSet<>();
                truth.at("/ground_truth/expected_violations")
                        .forEach(v -> expectedViolations.add(v.asText()));
                Set<String> failed = new TreeSet<>();
                doc.at("/qa/failed_rules").forEach(v -> failed.add(v.asText()));
                assertThat(failed).as("violations of %s", id).isEqualTo(expectedViolations);
                assertThat(doc.at("/source/kind").asText()).isEqualTo("live");
                assertThat(doc.at("/category/label").asText())
                        .as(id)
                        .isIn("refund", "shipping", "billing", "other");

                Set<String> expectedAlerts = new TreeSet<>();
                truth.at("/ground_truth/expected_alerts")
                        .forEach(v -> expectedAlerts.add(v.asText()));
                Set<String> onTopic = new TreeSet<>();
                alertType.forEach(
                        (alertId, type) -> {
                            if (alertId.startsWith(id + ":")) {
                                onTopic.add(type);
                                if (alertSeenAt.get(alertId) > endedAt.get(id)) {
                                    lateAlerts.add(alertId);
                                }
                            }
                        });
                assertThat(onTopic).as("alerts of %s on the topic", id).isEqualTo(expectedAlerts);
            }
            // Live means live: every alert that an utterance settled came before its call's end
            // event was even sent. Only a deadline the call barely outlived is decided by the end
            // itself (s-en-other-01's agent last speaks at 28 s, before the 30 s disclosure
            // deadline): those are marked as raised at the end of the call.
            assertThat(lateAlerts).allMatch(atCallEnd::contains);
            assertThat(atCallEnd).allMatch(id -> id.endsWith(":recording-disclosure"));
            assertThat(alertType.size() - atCallEnd.size()).isGreaterThan(2 * atCallEnd.size());
            // Dead air is raised while it lasts, from the audio, not by the words that end it
            // (s-en-shipping-02 and s-ko-shipping-01 hold the customer 36-38 s).
            assertThat(alertType)
                    .hasEntrySatisfying(
                            "s-en-shipping-02:dead-air", t -> assertThat(t).isEqualTo("dead-air"));
            alertType.forEach(
                    (alertId, t) -> {
                        if (t.equals("dead-air")) {
                            assertThat(byAudio).as("settled by audio").contains(alertId);
                        }
                    });
            printLatency(alertLatency);

            // The alerts index has its own sink, flushed on its own: give it a moment to catch up
            // with the topic before comparing.
            assertThat(
                            awaitDocuments(
                                    IndexNames.ALERTS_ALL,
                                    alertType.size(),
                                    Duration.ofSeconds(10)))
                    .extracting(a -> a.path("alert_id").asText())
                    .containsExactlyInAnyOrderElementsOf(alertType.keySet());

            // Agent assist: every step the call document's post-call assist suggested was
            // suggested live on callqa.assist, and withdrawn when the document says it was done;
            // the assist index holds the same events under their ids.
            Set<String> expectedAssist = new TreeSet<>();
            for (JsonNode doc : docs) {
                for (JsonNode p : doc.at("/assist/playbooks")) {
                    for (JsonNode st : p.path("steps")) {
                        String step =
                                doc.path("call_id").asText()
                                        + ":"
                                        + p.path("playbook").asText()
                                        + ":"
                                        + st.path("step").asText();
                        if (!st.path("suggested_at").isNull()) {
                            expectedAssist.add(step + ":suggested");
                            if (!st.path("done_at").isNull()) {
                                expectedAssist.add(step + ":withdrawn");
                            }
                        }
                    }
                }
            }
            assertThat(expectedAssist)
                    .anyMatch(k -> k.endsWith(":suggested"))
                    .anyMatch(k -> k.endsWith(":withdrawn"));
            List<JsonNode> assist = readTopic(bootstrap, LiveTopics.ASSIST, expectedAssist.size());
            // At least once: a redelivered event has the same id.
            Set<String> assistOnTopic = new TreeSet<>();
            List<Long> assistRaisedMs = new ArrayList<>();
            for (JsonNode e : assist) {
                assistOnTopic.add(e.path("event_id").asText());
                assistRaisedMs.add(
                        e.at("/live/raised_at").asLong() - e.at("/live/finalized_at").asLong());
            }
            assertThat(assistOnTopic).isEqualTo(expectedAssist);
            assertThat(assistRaisedMs).allMatch(ms -> ms >= 0);
            assistRaisedMs.sort(null);
            System.out.printf(
                    "LiveCallsITCase: %d assist events, finalization to raised median %d ms, max"
                            + " %d ms%n",
                    assistRaisedMs.size(),
                    assistRaisedMs.get(assistRaisedMs.size() / 2),
                    assistRaisedMs.get(assistRaisedMs.size() - 1));
            assertThat(
                            awaitDocuments(
                                    IndexNames.ASSIST_ALL,
                                    expectedAssist.size(),
                                    Duration.ofSeconds(10)))
                    .extracting(e -> e.path("event_id").asText())
                    .containsExactlyInAnyOrderElementsOf(expectedAssist);

            List<JsonNode> errors = search(IndexNames.ERRORS_ALL);
            assertThat(errors)
                    .extracting(e -> e.path("reason").asText())
                    .anySatisfy(r -> assertThat(r).startsWith("malformed JSON"))
                    .anySatisfy(
                            r ->
                                    assertThat(r)
                                            .isEqualTo(
                                                    "channel must be \"agent\" or \"customer\","
                                                            + " got a string of 6 characters"))
                    .anySatisfy(r -> assertThat(r).startsWith("oversized chunk"))
                    .anySatisfy(r -> assertThat(r).startsWith("unknown call id ghost-1"));
            assertThat(errors)
                    .extracting(e -> e.path("source").asText())
                    .allSatisfy(s -> assertThat(s).startsWith("kafka:callqa."));
            // The same rejections reach producers on the errors topic.
            assertThat(readTopic(bootstrap, LiveTopics.ERRORS, errors.size()))
                    .extracting(e -> e.path("reason").asText())
                    .containsExactlyInAnyOrderElementsOf(
                            errors.stream().map(e -> e.path("reason").asText()).toList());
        } finally {
            stop.set(true);
            listener.join();
            job.cancel().get();
        }
    }

    /** Records a bad producer might send, interleaved with the good calls. */
    private static void sendBadRecords(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(LiveTopics.AUDIO, "x", "{\"call_id\": \"x\", "));
            producer.send(
                    new ProducerRecord<>(
                            LiveTopics.AUDIO,
                            "y",
                            "{\"call_id\":\"y\",\"channel\":\"caller\",\"seq\":0,"
                                + "\"sample_rate\":8000,\"encoding\":\"pcm16\",\"data\":\"AAA=\"}"));
            producer.send(
                    new ProducerRecord<>(
                            LiveTopics.AUDIO,
                            "z",
                            "{\"call_id\":\"z\",\"channel\":\"agent\",\"seq\":0,"
                                    + "\"sample_rate\":8000,\"encoding\":\"pcm16\",\"data\":\""
                                    + "A".repeat(400_000)
                                    + "\"}"));
            producer.send(
                    new ProducerRecord<>(
                            LiveTopics.AUDIO,
                            "ghost-1",
                            "{\"call_id\":\"ghost-1\",\"channel\":\"agent\",\"seq\":0,"
                                + "\"sample_rate\":8000,\"encoding\":\"pcm16\",\"data\":\"AAAAAA==\"}"));
        }
    }

    private static void listen(
            String bootstrap,
            Map<String, Long> seenAt,
            Map<String, String> type,
            Map<String, Long> latency,
            Set<String> atCallEnd,
            Set<String> byAudio,
            AtomicBoolean stop) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "live-itcase");
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(LiveTopics.ALERTS));
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    try {
                        JsonNode a = JSON.readTree(r.value());
                        String id = a.path("alert_id").asText();
                        seenAt.putIfAbsent(id, now);
                        type.put(id, a.path("type").asText());
                        if (a.at("/live/at_call_end").asBoolean()) {
                            atCallEnd.add(id);
                        }
                        if (a.at("/live/audio_at").isNumber()) {
                            byAudio.add(id);
                        }
                        if (a.at("/live/finalized_at").isNumber()) {
                            latency.putIfAbsent(id, now - a.at("/live/finalized_at").asLong());
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException("unreadable alert " + r.value(), e);
                    }
                }
            }
        }
    }

    /**
     * Prints how long after its utterance was finalized each alert reached the topic. Informative
     * only: the figure that counts comes from the live benchmark on a quiet machine.
     */
    private static void printLatency(Map<String, Long> latency) {
        List<Long> ms = new ArrayList<>(latency.values());
        ms.sort(null);
        if (!ms.isEmpty()) {
            System.out.printf(
                    "LiveCallsITCase: %d alerts, finalization to topic median %d ms, max %d ms%n",
                    ms.size(), ms.get(ms.size() / 2), ms.get(ms.size() - 1));
        }
    }

    private static List<JsonNode> readTopic(String bootstrap, String topic, int atLeast)
            throws IOException {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "live-itcase-" + topic);
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        List<JsonNode> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(JSON.readTree(r.value()));
                }
            }
        }
        return out;
    }

    /** The documents of {@code index} once there are {@code count}, or what there is by then. */
    private static List<JsonNode> awaitDocuments(String index, int count, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> docs = List.of();
        while (System.nanoTime() < deadline) {
            docs = search(index);
            if (docs.size() >= count) {
                return docs;
            }
            Thread.sleep(500);
        }
        return docs;
    }

    /** Every document of {@code index}; fails if an id is there twice. */
    private static List<JsonNode> search(String index) throws Exception {
        return new ArrayList<>(IndexContents.documents(opensearch, index).values());
    }
}
