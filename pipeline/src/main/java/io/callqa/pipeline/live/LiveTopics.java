package io.callqa.pipeline.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.analysis.document.AlertDocument;
import io.callqa.analysis.document.AssistDocument;
import io.callqa.pipeline.analysis.DeadLetter;
import io.callqa.pipeline.analysis.RecordFailure;
import io.callqa.rules.transcript.TranscriptReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The Kafka side of live calls: the topics callqa reads a live call from and writes its alerts to,
 * and the record formats (documented in the README, "Live calls").
 *
 * <p>Every record is read into a {@link LiveInput}; a record that cannot be read becomes a rejected
 * input naming the topic, partition and offset and what is wrong with it, so that one bad producer
 * cannot stop the job and nothing is dropped without a trace.
 */
public final class LiveTopics {
    /** Call started / ended events. */
    public static final String CALL_EVENTS = "callqa.call-events";

    /** Audio chunks. */
    public static final String AUDIO = "callqa.audio";

    /** Utterances finalized by the caller's own recognizer. */
    public static final String UTTERANCES = "callqa.utterances";

    /** Alerts raised while calls are live. */
    public static final String ALERTS = "callqa.alerts";

    /** Agent-assist steps suggested and withdrawn while calls are live, for the agents' views. */
    public static final String ASSIST = "callqa.assist";

    /** Rejected inputs, with their reason, for producers to watch. */
    public static final String ERRORS = "callqa.errors";

    /** Consumer group of the live job. */
    public static final String GROUP_ID = "callqa-live";

    static final String STAGE = "live-input";

    private static final Set<String> CHANNELS = Set.of("agent", "customer");
    private static final Set<String> ENCODINGS = Set.of("pcm16", "mulaw");

    private LiveTopics() {}

    /**
     * A source over the three live topics, from the group's committed offsets (the earliest on
     * first start).
     *
     * @param maxChunkBytes larger audio chunks are rejected as oversized
     * @param boundedAtLatest stop at the offsets that are latest when the job starts (for tests and
     *     replays), instead of running until cancelled
     */
    public static KafkaSource<LiveInput> source(
            String bootstrapServers, int maxChunkBytes, boolean boundedAtLatest) {
        return source(
                bootstrapServers, maxChunkBytes, TranscriptReader.Limits.DEFAULTS, boundedAtLatest);
    }

    /**
     * As {@link #source(String, int, boolean)}, refusing utterances and chunks beyond {@code
     * limits} (times, text and word lengths).
     */
    public static KafkaSource<LiveInput> source(
            String bootstrapServers,
            int maxChunkBytes,
            TranscriptReader.Limits limits,
            boolean boundedAtLatest) {
        var b =
                KafkaSource.<LiveInput>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setTopics(List.of(CALL_EVENTS, AUDIO, UTTERANCES))
                        .setGroupId(GROUP_ID)
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setDeserializer(new Records(maxChunkBytes, limits));
        if (boundedAtLatest) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    /**
     * A sink writing each alert as its JSON document to {@code topic}, keyed by call id so that a
     * call's alerts stay in order on one partition. At least once: a consumer deduplicates by
     * {@code alert_id}.
     */
    public static KafkaSink<AlertDocument> alertSink(String bootstrapServers, String topic) {
        // An alert is worth sending at once; there are few of them, so batching gains nothing.
        return sentAtOnce(bootstrapServers, topic, new AlertKey(), new AlertValue());
    }

    /**
     * A sink writing each agent-assist event as its JSON document to {@code topic}, keyed by call
     * id so that a call's suggestions and withdrawals stay in order on one partition. At least
     * once: a consumer deduplicates by {@code event_id}.
     */
    public static KafkaSink<AssistDocument> assistSink(String bootstrapServers, String topic) {
        // The agent needs the suggestion while the customer is still on the line: no batching.
        return sentAtOnce(bootstrapServers, topic, new AssistKey(), new AssistValue());
    }

    /** An at-least-once sink that sends each record as soon as it comes (no linger). */
    private static <T> KafkaSink<T> sentAtOnce(
            String bootstrapServers,
            String topic,
            SerializationSchema<T> key,
            SerializationSchema<T> value) {
        Properties props = new Properties();
        props.setProperty("linger.ms", "0");
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setKafkaProducerConfig(props)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<T>builder()
                                .setTopic(topic)
                                .setKeySerializationSchema(key)
                                .setValueSerializationSchema(value)
                                .build())
                .build();
    }

    /**
     * A sink writing each dead letter as JSON ({@code source}, {@code stage}, {@code reason},
     * {@code call_id}, {@code rejected_at}) to {@code topic}, keyed by call id when known, so a
     * producer can watch what callqa refused without access to OpenSearch.
     */
    public static KafkaSink<DeadLetter> deadLetterSink(String bootstrapServers, String topic) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(bootstrapServers)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<DeadLetter>builder()
                                .setTopic(topic)
                                .setKeySerializationSchema(new DeadLetterKey())
                                .setValueSerializationSchema(new DeadLetterValue())
                                .build())
                .build();
    }

    /** Reads one record of any of the live topics. Public for tests and replay tools. */
    public static LiveInput read(
            String topic, int partition, long offset, long timestamp, byte[] value, int maxChunk) {
        return read(
                topic,
                partition,
                offset,
                timestamp,
                value,
                maxChunk,
                TranscriptReader.Limits.DEFAULTS);
    }

    /**
     * Reads one record of any of the live topics, refusing one beyond {@code limits}. Rejections
     * never quote the record's text: a field that should have been {@code agent} may hold a card
     * number, so a string is described by its length.
     */
    public static LiveInput read(
            String topic,
            int partition,
            long offset,
            long timestamp,
            byte[] value,
            int maxChunk,
            TranscriptReader.Limits limits) {
        String source = "kafka:" + topic + "/" + partition + "@" + offset;
        try {
            JsonNode json = parse(value);
            return switch (topic) {
                case CALL_EVENTS -> LiveInput.of(event(json, source));
                case AUDIO -> LiveInput.of(chunk(json, source, maxChunk, limits));
                case UTTERANCES -> LiveInput.of(utterance(json, source, timestamp, limits));
                default -> throw new BadRecord(null, "not a live topic");
            };
        } catch (BadRecord e) {
            return LiveInput.rejected(
                    new DeadLetter(source, STAGE, e.getMessage(), e.callId, timestamp));
        } catch (RuntimeException | Error e) {
            // Reading runs in the source: a failure here would stop every live call, not one.
            RecordFailure.rethrowIfFatal(e);
            return LiveInput.rejected(
                    new DeadLetter(
                            source,
                            STAGE,
                            "could not read the record: " + RecordFailure.describe(e),
                            null,
                            timestamp));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode parse(byte[] value) throws BadRecord {
        if (value == null || value.length == 0) {
            throw new BadRecord(null, "empty record");
        }
        try {
            JsonNode n = JSON.readTree(value);
            if (n == null || !n.isObject()) {
                throw new BadRecord(null, "not a JSON object");
            }
            return n;
        } catch (IOException e) {
            String m =
                    e instanceof com.fasterxml.jackson.core.JsonProcessingException jp
                            ? jp.getOriginalMessage()
                            : e.getMessage();
            throw new BadRecord(
                    null,
                    "malformed JSON: "
                            + RecordFailure.safe(m == null ? "unreadable" : m)
                            + " ("
                            + value.length
                            + " bytes)");
        }
    }

    private static CallEvent event(JsonNode j, String source) throws BadRecord {
        String callId = callId(j);
        String type = text(j, "type", callId);
        if (!CallEvent.STARTED.equals(type) && !CallEvent.ENDED.equals(type)) {
            throw new BadRecord(
                    callId, "type must be \"started\" or \"ended\", got " + describe(type));
        }
        JsonNode at = j.path("at");
        if (!at.canConvertToLong() || at.asLong() < 0) {
            throw new BadRecord(callId, "at must be epoch milliseconds, got " + describe(at));
        }
        Map<String, String> metadata = new HashMap<>();
        JsonNode m = j.path("metadata");
        if (!m.isMissingNode() && !m.isNull() && !m.isObject()) {
            throw new BadRecord(callId, "metadata must be an object, got " + m.getNodeType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode()) {
                metadata.put(e.getKey(), e.getValue().asText());
            }
        }
        return new CallEvent(callId, type, at.asLong(), metadata, source);
    }

    private static AudioChunk chunk(
            JsonNode j, String source, int maxChunk, TranscriptReader.Limits limits)
            throws BadRecord {
        String callId = callId(j);
        String channel = text(j, "channel", callId);
        if (!CHANNELS.contains(channel)) {
            throw new BadRecord(
                    callId, "channel must be \"agent\" or \"customer\", got " + describe(channel));
        }
        JsonNode seq = j.path("seq");
        if (!seq.canConvertToLong() || seq.asLong() < 0) {
            throw new BadRecord(callId, "seq must be a number from 0, got " + describe(seq));
        }
        int rate = j.path("sample_rate").asInt(-1);
        if (rate < 8000 || rate > 48000) {
            throw new BadRecord(
                    callId,
                    "sample_rate must be 8000..48000 Hz, got " + describe(j.path("sample_rate")));
        }
        String encoding = text(j, "encoding", callId);
        if (!ENCODINGS.contains(encoding)) {
            throw new BadRecord(
                    callId, "encoding must be \"pcm16\" or \"mulaw\", got " + describe(encoding));
        }
        String b64 = text(j, "data", callId);
        // Base64 is 4/3 of the bytes: refuse before decoding a flood.
        if (b64.length() / 4L * 3 > maxChunk) {
            throw new BadRecord(
                    callId,
                    String.format(
                            "oversized chunk: about %d bytes of audio, the limit is %d"
                                    + " (live.max-chunk-bytes); send chunks of at most a second",
                            b64.length() / 4L * 3, maxChunk));
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new BadRecord(
                    callId, "data is not base64: " + RecordFailure.safe(e.getMessage()));
        }
        if (data.length == 0) {
            throw new BadRecord(callId, "data is empty");
        }
        if ("pcm16".equals(encoding) && data.length % 2 != 0) {
            throw new BadRecord(
                    callId, "pcm16 data has an odd number of bytes (" + data.length + ")");
        }
        AudioChunk c = new AudioChunk(callId, channel, seq.asLong(), rate, encoding, data, source);
        // The chunk's place in the call, from its number and length: a call lasts at most a day.
        if (seq.asLong() * c.seconds() > limits.maxSeconds()) {
            throw new BadRecord(
                    callId,
                    String.format(
                            Locale.ROOT,
                            "chunk %d of %.3f s would start at %.0f s, beyond the %.0f s a call"
                                    + " may last (transcript.max-seconds)",
                            seq.asLong(),
                            c.seconds(),
                            seq.asLong() * c.seconds(),
                            limits.maxSeconds()));
        }
        return c;
    }

    private static LiveUtterance utterance(
            JsonNode j, String source, long timestamp, TranscriptReader.Limits limits)
            throws BadRecord {
        String callId = callId(j);
        String speaker = text(j, "speaker", callId);
        if (!CHANNELS.contains(speaker)) {
            throw new BadRecord(
                    callId, "speaker must be \"agent\" or \"customer\", got " + describe(speaker));
        }
        JsonNode start = j.path("start");
        JsonNode end = j.path("end");
        if (!start.isNumber() || !end.isNumber()) {
            throw new BadRecord(callId, "start and end must be numbers of seconds");
        }
        if (!Double.isFinite(start.asDouble())
                || !Double.isFinite(end.asDouble())
                || start.asDouble() < 0
                || end.asDouble() < start.asDouble()) {
            throw new BadRecord(
                    callId,
                    "times must satisfy 0 <= start <= end, got start "
                            + start.asDouble()
                            + ", end "
                            + end.asDouble());
        }
        if (end.asDouble() > limits.maxSeconds()) {
            throw new BadRecord(
                    callId,
                    String.format(
                            Locale.ROOT,
                            "end %.6g s is beyond the %.0f s a call may last"
                                    + " (transcript.max-seconds)",
                            end.asDouble(),
                            limits.maxSeconds()));
        }
        String text = text(j, "text", callId);
        if (text.length() > limits.maxTextChars()) {
            throw new BadRecord(
                    callId,
                    "text of "
                            + text.length()
                            + " characters; at most "
                            + limits.maxTextChars()
                            + " per utterance are accepted (transcript.max-utterance-chars)");
        }
        int longest = longestWord(text);
        if (longest > limits.maxWordChars()) {
            throw new BadRecord(
                    callId,
                    "text has a word of "
                            + longest
                            + " characters; at most "
                            + limits.maxWordChars()
                            + " are accepted (transcript.max-word-chars)");
        }
        LiveUtterance u =
                new LiveUtterance(
                        callId, speaker, start.asDouble(), end.asDouble(), text, source, timestamp);
        JsonNode c = j.path("confidence");
        if (!c.isMissingNode() && !c.isNull()) {
            if (!isShare(c)) {
                throw new BadRecord(
                        callId, "confidence must be a number from 0 to 1, got " + shown(c));
            }
            u.confidence = c.asDouble();
        }
        u.words = words(j.path("words"), callId, limits);
        return u;
    }

    /** The optional recognized words of a topic utterance: {@code [{w, start, end, conf}]}. */
    private static HeardWord[] words(JsonNode ws, String callId, TranscriptReader.Limits limits)
            throws BadRecord {
        if (ws.isMissingNode() || ws.isNull()) {
            return null;
        }
        if (!ws.isArray()) {
            throw new BadRecord(
                    callId,
                    "words must be an array of {w, start, end, conf}, got " + ws.getNodeType());
        }
        HeardWord[] out = new HeardWord[ws.size()];
        for (int i = 0; i < ws.size(); i++) {
            JsonNode w = ws.get(i);
            String at = "words[" + i + "]";
            if (!w.isObject() || !w.path("w").isTextual()) {
                // The word itself is never quoted: it may be a digit of a card number.
                throw new BadRecord(
                        callId,
                        at + " must be an object with the word as w, got " + w.getNodeType());
            }
            JsonNode start = w.path("start");
            JsonNode end = w.path("end");
            if (!start.isNumber()
                    || !end.isNumber()
                    || start.asDouble() < 0
                    || end.asDouble() < start.asDouble()
                    || end.asDouble() > limits.maxSeconds()) {
                throw new BadRecord(
                        callId,
                        at
                                + " times must be numbers of seconds with 0 <= start <= end <= "
                                + limits.maxSeconds()
                                + ", got start "
                                + shown(start)
                                + ", end "
                                + shown(end));
            }
            if (!isShare(w.path("conf"))) {
                throw new BadRecord(
                        callId,
                        at + ".conf must be a number from 0 to 1, got " + shown(w.path("conf")));
            }
            out[i] =
                    new HeardWord(
                            w.path("w").asText(),
                            start.asDouble(),
                            end.asDouble(),
                            w.path("conf").asDouble());
        }
        return out;
    }

    /** A number as it was given; any other value only by its type, never its content. */
    private static String shown(JsonNode n) {
        return n.isNumber() ? n.asText() : n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static boolean isShare(JsonNode n) {
        return n.isNumber() && n.asDouble() >= 0 && n.asDouble() <= 1;
    }

    private static String callId(JsonNode j) throws BadRecord {
        JsonNode id = j.path("call_id");
        if (!id.isTextual() || id.asText().isBlank()) {
            throw new BadRecord(null, "call_id is missing or not a string");
        }
        if (id.asText().length() > TranscriptReader.MAX_ID_CHARS) {
            throw new BadRecord(
                    null,
                    "call_id of "
                            + id.asText().length()
                            + " characters; at most "
                            + TranscriptReader.MAX_ID_CHARS
                            + " are accepted");
        }
        return id.asText();
    }

    private static String text(JsonNode j, String field, String callId) throws BadRecord {
        JsonNode v = j.path(field);
        if (!v.isTextual()) {
            throw new BadRecord(callId, field + " is missing or not a string");
        }
        return v.asText();
    }

    /** A string as a rejection may show it: by its length, never its content. */
    private static String describe(String s) {
        return "a string of " + s.length() + " characters";
    }

    /** A JSON value as a rejection may show it: numbers and booleans as they are. */
    private static String describe(JsonNode n) {
        if (n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNumber() || n.isBoolean()) {
            String v = n.asText();
            return v.length() <= 40 ? v : "a number of " + v.length() + " digits";
        }
        if (n.isTextual()) {
            return describe(n.asText());
        }
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static int longestWord(String text) {
        int run = 0;
        int longest = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isWhitespace(text.charAt(i)) ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** A record that cannot be read, with the call it names if it got that far. */
    private static final class BadRecord extends Exception {
        private static final long serialVersionUID = 1L;
        final String callId;

        BadRecord(String callId, String reason) {
            super(reason, null, false, false);
            this.callId = callId;
        }
    }

    static final class Records implements KafkaRecordDeserializationSchema<LiveInput> {
        private static final long serialVersionUID = 1L;
        private final int maxChunk;
        private final TranscriptReader.Limits limits;

        Records(int maxChunk, TranscriptReader.Limits limits) {
            this.maxChunk = maxChunk;
            this.limits = limits;
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<LiveInput> out) {
            out.collect(
                    read(
                            r.topic(),
                            r.partition(),
                            r.offset(),
                            r.timestamp(),
                            r.value(),
                            maxChunk,
                            limits));
        }

        @Override
        public TypeInformation<LiveInput> getProducedType() {
            return TypeInformation.of(LiveInput.class);
        }
    }

    private static final class AlertKey implements SerializationSchema<AlertDocument> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(AlertDocument a) {
            return a.callId().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class AssistKey implements SerializationSchema<AssistDocument> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(AssistDocument a) {
            return a.callId().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class AssistValue implements SerializationSchema<AssistDocument> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(AssistDocument a) {
            return a.json().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class DeadLetterKey implements SerializationSchema<DeadLetter> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(DeadLetter d) {
            return d.callId == null ? null : d.callId.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class DeadLetterValue implements SerializationSchema<DeadLetter> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(DeadLetter d) {
            var o = JSON.createObjectNode();
            o.put("source", d.source);
            o.put("stage", d.stage);
            o.put("reason", d.reason);
            o.put("call_id", d.callId);
            o.put("rejected_at", d.rejectedAtMillis);
            return o.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class AlertValue implements SerializationSchema<AlertDocument> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(AlertDocument a) {
            return a.json().getBytes(StandardCharsets.UTF_8);
        }
    }
}
