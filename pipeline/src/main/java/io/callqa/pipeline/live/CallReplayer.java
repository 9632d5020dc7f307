package io.callqa.pipeline.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.audio.AudioSource;
import io.callqa.audio.WavDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays recorded calls to the live topics as a telephony platform would: a start event, each
 * channel's audio in chunks as it is "spoken", each sidecar utterance when it is finalized (a
 * moment after it ends), and an end event. Several calls play at once, on one clock.
 *
 * <p>This is how the live path is tested and benchmarked without a telephone switch, and how a user
 * can try it: {@code callqa replay}. Audio goes out at 8 kHz, 16-bit PCM.
 */
public final class CallReplayer implements AutoCloseable {
    /** Length of each audio chunk. */
    public static final double CHUNK_S = 0.2;

    /** How long after an utterance ends a recognizer typically finalizes it. */
    public static final double FINALIZE_DELAY_S = 0.3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, byte[]> producer;
    private final double speed;
    private final Map<String, Long> sentAtMillis = new ConcurrentHashMap<>();

    /**
     * @param bootstrapServers the Kafka cluster
     * @param speed how much faster than real time to play (1 = real time)
     */
    public CallReplayer(String bootstrapServers, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.put("linger.ms", "0");
        p.put("acks", "all");
        this.producer = new KafkaProducer<>(p);
        this.speed = speed;
    }

    /** One call to play: its sidecar (transcript format) and its stereo recording. */
    public record Call(String callId, Path sidecar, Path wav, Map<String, String> metadata) {}

    /** A recorded call from its sidecar, under {@code callId} (its own id when null). */
    public static Call of(Path sidecar, String callId) throws IOException {
        JsonNode j = JSON.readTree(sidecar.toFile());
        Map<String, String> metadata = new java.util.HashMap<>();
        for (String k : List.of("agent_id", "team", "queue", "brand", "language")) {
            if (j.hasNonNull(k)) {
                metadata.put(k, j.get(k).asText());
            }
        }
        Path wav = sidecar.resolveSibling(j.path("audio").path("file").asText());
        return new Call(
                callId != null ? callId : j.path("call_id").asText(), sidecar, wav, metadata);
    }

    /**
     * Plays the calls, all starting now, and returns when every call has ended.
     *
     * @return per call, the wall-clock time its end event was sent
     */
    public Map<String, Long> play(List<Call> calls) throws IOException, InterruptedException {
        PriorityQueue<Due> queue = new PriorityQueue<>();
        long seq = 0;
        for (Call c : calls) {
            seq = schedule(c, queue, seq);
        }
        Map<String, Long> ended = new java.util.HashMap<>();
        long t0 = System.nanoTime();
        while (!queue.isEmpty()) {
            Due d = queue.poll();
            long dueNanos = t0 + (long) (d.atS / speed * 1e9);
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            producer.send(new ProducerRecord<>(d.topic, d.callId, d.value));
            if (d.utterance >= 0) {
                sentAtMillis.put(d.callId + "#" + d.utterance, System.currentTimeMillis());
            }
            if (d.end) {
                producer.flush();
                ended.put(d.callId, System.currentTimeMillis());
            }
        }
        producer.flush();
        return ended;
    }

    /**
     * When each utterance was sent (finalized), epoch milliseconds, by {@code callId#index} with
     * the index in the sidecar's order.
     */
    public Map<String, Long> utteranceSentAt() {
        return Map.copyOf(sentAtMillis);
    }

    private long schedule(Call c, PriorityQueue<Due> queue, long seq) throws IOException {
        JsonNode sidecar = JSON.readTree(c.sidecar().toFile());
        ObjectNode started = JSON.createObjectNode();
        started.put("call_id", c.callId());
        started.put("type", "started");
        started.put("at", System.currentTimeMillis());
        started.set("metadata", JSON.valueToTree(c.metadata()));
        queue.add(new Due(0, seq++, LiveTopics.CALL_EVENTS, c.callId(), bytes(started), -1, false));

        double duration = 0;
        try (AudioSource source = WavDecoder.open(c.wav())) {
            if (source.channels() != 2) {
                throw new IOException(
                        c.wav() + ": replay needs a stereo recording (agent left, customer right)");
            }
            int rate = AudioSource.ANALYSIS_RATE;
            int per = (int) Math.round(CHUNK_S * rate);
            float[][] block = new float[2][source.blockCapacity()];
            short[][] pending = {new short[per], new short[per]};
            int filled = 0;
            long chunk = 0;
            int n;
            while ((n = source.read(block)) >= 0) {
                for (int i = 0; i < n; i++) {
                    for (int ch = 0; ch < 2; ch++) {
                        pending[ch][filled] =
                                (short) Math.max(-32768, Math.min(32767, block[ch][i] * 32768f));
                    }
                    if (++filled == per) {
                        seq = chunkDue(c, queue, seq, chunk++, pending, filled, rate);
                        filled = 0;
                    }
                }
            }
            if (filled > 0) {
                seq = chunkDue(c, queue, seq, chunk++, pending, filled, rate);
            }
            duration = (chunk - 1) * CHUNK_S + filled / (double) rate;
        }

        int index = 0;
        for (Iterator<JsonNode> it = sidecar.path("utterances").elements(); it.hasNext(); ) {
            JsonNode u = it.next();
            ObjectNode o = JSON.createObjectNode();
            o.put("call_id", c.callId());
            o.put("speaker", u.path("speaker").asText());
            o.put("start", u.path("start").asDouble());
            o.put("end", u.path("end").asDouble());
            o.put("text", u.path("text").asText());
            queue.add(
                    new Due(
                            u.path("end").asDouble() + FINALIZE_DELAY_S,
                            seq++,
                            LiveTopics.UTTERANCES,
                            c.callId(),
                            bytes(o),
                            index++,
                            false));
        }
        ObjectNode ended = JSON.createObjectNode();
        ended.put("call_id", c.callId());
        ended.put("type", "ended");
        ended.put("at", System.currentTimeMillis() + Math.round(duration * 1000));
        queue.add(
                new Due(
                        duration + 2 * FINALIZE_DELAY_S,
                        seq++,
                        LiveTopics.CALL_EVENTS,
                        c.callId(),
                        bytes(ended),
                        -1,
                        true));
        return seq;
    }

    private static long chunkDue(
            Call c,
            PriorityQueue<Due> queue,
            long seq,
            long chunk,
            short[][] pcm,
            int n,
            int rate) {
        for (int ch = 0; ch < 2; ch++) {
            byte[] data = new byte[2 * n];
            for (int i = 0; i < n; i++) {
                data[2 * i] = (byte) pcm[ch][i];
                data[2 * i + 1] = (byte) (pcm[ch][i] >> 8);
            }
            ObjectNode o = JSON.createObjectNode();
            o.put("call_id", c.callId());
            o.put("channel", ch == 0 ? "agent" : "customer");
            o.put("seq", chunk);
            o.put("sample_rate", rate);
            o.put("encoding", "pcm16");
            o.put("data", Base64.getEncoder().encodeToString(data));
            // A chunk goes out once it has been spoken: at the end of its span.
            double at = chunk * CHUNK_S + n / (double) rate;
            queue.add(new Due(at, seq++, LiveTopics.AUDIO, c.callId(), bytes(o), -1, false));
        }
        return seq;
    }

    private static byte[] bytes(ObjectNode o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }

    /** A record due at {@code atS} seconds of replay time; ties keep scheduling order. */
    private record Due(
            double atS,
            long seq,
            String topic,
            String callId,
            byte[] value,
            int utterance,
            boolean end)
            implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = Double.compare(atS, o.atS);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
