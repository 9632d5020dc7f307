package io.callqa.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Hostile variants of valid inputs, generated with jqwik arbitraries from a seeded {@link Random}
 * so that a run can be repeated exactly: transcripts (fields deleted, duplicated or replaced by
 * huge numbers, non-numbers, wrong types, very long strings, thousands of number words, deep
 * nesting; bytes truncated or made invalid UTF-8), WAV headers (truncated, rates, channels, sizes
 * corrupted) and live records (the formats of {@link io.callqa.pipeline.live.LiveTopics}).
 *
 * <p>Every text value a mutation writes carries {@link #CARD}, a Luhn-valid card number, so that a
 * rejection quoting its input is caught.
 */
final class HostileInputs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A Luhn-valid card number (a test number of no real card), planted in every hostile text. */
    static final String CARD = withLuhnDigit("453201511283036");

    private final Random random;
    private final Iterator<JsonNode> values;
    private final Iterator<Tuple.Tuple3<Integer, Integer, Integer>> treeMutations;
    private final Iterator<Tuple.Tuple3<Integer, Integer, Integer>> byteMutations;
    private final Iterator<Tuple.Tuple3<Integer, Integer, Long>> wavMutations;

    HostileInputs(long seed) {
        this.random = new Random(seed);
        // jqwik samples from its thread's source of randomness; seeding it makes a run repeatable.
        SourceOfRandomness.create(Long.toString(seed));
        Arbitrary<String> words =
                Arbitraries.of(
                        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                        "zero", "oh", "dot", "at", "a", "일", "이", "삼", "İ");
        Arbitrary<String> numberWords =
                words.list().ofMinSize(1).ofMaxSize(3000).map(l -> String.join(" ", l));
        Arbitrary<String> text =
                Arbitraries.frequencyOf(
                        Tuple.of(3, numberWords.map(s -> "my date of birth is " + s + " " + CARD)),
                        Tuple.of(
                                1,
                                Arbitraries.integers()
                                        .between(1, 1200)
                                        .map(n -> "a dot ".repeat(n) + "com " + CARD)),
                        Tuple.of(
                                1,
                                Arbitraries.integers()
                                        .between(1, 200)
                                        .map(
                                                n ->
                                                        "İ".repeat(n)
                                                                + " this call is recorded "
                                                                + CARD)),
                        Tuple.of(
                                1,
                                Arbitraries.integers()
                                        .between(90, 60_000)
                                        .map(n -> CARD + "x".repeat(n))),
                        Tuple.of(
                                1,
                                Arbitraries.strings()
                                        .all()
                                        .ofMaxLength(300)
                                        .map(s -> s + " " + CARD)),
                        Tuple.of(1, Arbitraries.of("", " ", "\u0000", "\uFEFF", CARD)));
        Arbitrary<JsonNode> numbers =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                        -1.0,
                                        0.0,
                                        3e9,
                                        86_400.0,
                                        86_400.5,
                                        1e308,
                                        -1e308,
                                        Double.MIN_VALUE,
                                        4.9e-324)
                                .map(d -> (JsonNode) NODES.numberNode(d)),
                        Arbitraries.doubles()
                                .between(-1e6, 1e6)
                                .map(d -> (JsonNode) NODES.numberNode(d)),
                        Arbitraries.integers()
                                .between(20, 400)
                                .map(
                                        n ->
                                                (JsonNode)
                                                        NODES.numberNode(
                                                                BigInteger.TEN.pow(n).negate())),
                        Arbitraries.integers()
                                .between(20, 400)
                                .map(n -> (JsonNode) NODES.numberNode(BigInteger.TEN.pow(n))));
        Arbitrary<JsonNode> nonNumbers =
                Arbitraries.of("NaN", "Infinity", "-Infinity", "1e999", "0x10", "5s", CARD)
                        .map(s -> (JsonNode) NODES.textNode(s));
        Arbitrary<JsonNode> wrongTypes =
                Arbitraries.of(0, 1, 2, 3, 4)
                        .map(
                                k ->
                                        switch (k) {
                                            case 0 -> NODES.nullNode();
                                            case 1 -> NODES.booleanNode(true);
                                            case 2 -> NODES.arrayNode().add(CARD);
                                            case 3 -> NODES.objectNode().put("text", CARD);
                                            default -> NODES.arrayNode();
                                        });
        Arbitrary<JsonNode> deep =
                // Jackson refuses to write more than 1,000 levels; deeper ones come as bytes.
                Arbitraries.integers().between(10, 990).map(HostileInputs::nested);
        this.values =
                Arbitraries.frequencyOf(
                                Tuple.of(4, text.map(s -> (JsonNode) NODES.textNode(s))),
                                Tuple.of(3, numbers),
                                Tuple.of(2, nonNumbers),
                                Tuple.of(2, wrongTypes),
                                Tuple.of(1, deep))
                        .sampleStream()
                        .iterator();
        // (kind, which field or utterance, how many)
        this.treeMutations =
                Combinators.combine(
                                Arbitraries.integers().between(0, 6),
                                Arbitraries.integers().between(0, 10_000),
                                Arbitraries.integers().between(1, 6_000))
                        .as(Tuple::of)
                        .sampleStream()
                        .iterator();
        // (kind, where, byte)
        this.byteMutations =
                Combinators.combine(
                                Arbitraries.integers().between(0, 6),
                                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                                Arbitraries.integers().between(0, 255))
                        .as(Tuple::of)
                        .sampleStream()
                        .iterator();
        // (field, where to truncate, value)
        this.wavMutations =
                Combinators.combine(
                                Arbitraries.integers().between(0, 7),
                                Arbitraries.integers().between(0, 100),
                                Arbitraries.longs().between(-1, 0xFFFF_FFFFL))
                        .as(Tuple::of)
                        .sampleStream()
                        .iterator();
    }

    private static <T> T next(Iterator<T> samples) {
        return samples.next();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A hostile variant of {@code base} (a transcript), given {@code callId}. */
    byte[] transcript(ObjectNode base, String callId) throws Exception {
        ObjectNode t = base.deepCopy();
        t.put("call_id", callId);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutateTree(t, next(treeMutations));
        }
        byte[] bytes = JSON.writeValueAsBytes(t);
        return random.nextInt(4) == 0 ? mutateBytes(bytes, next(byteMutations)) : bytes;
    }

    private void mutateTree(ObjectNode t, Tuple.Tuple3<Integer, Integer, Integer> m) {
        ArrayNode us = t.path("utterances").isArray() ? (ArrayNode) t.get("utterances") : null;
        ObjectNode u =
                us != null && !us.isEmpty() && us.get(m.get2() % us.size()).isObject()
                        ? (ObjectNode) us.get(m.get2() % us.size())
                        : null;
        String[] callFields = {"call_id", "language", "started_at", "agent_id", "channels"};
        String[] utteranceFields = {"speaker", "start", "end", "text", "confidence", "words"};
        switch (m.get1()) {
            case 0 -> t.remove(callFields[m.get2() % callFields.length]);
            case 1 -> t.set(callFields[1 + m.get2() % (callFields.length - 1)], next(values));
            case 2 -> {
                if (u != null) {
                    u.set(utteranceFields[m.get2() % utteranceFields.length], next(values));
                }
            }
            case 3 -> {
                if (u != null) {
                    u.remove(utteranceFields[m.get2() % utteranceFields.length]);
                }
            }
            case 4 -> {
                // Duplicated utterances, up to beyond the per-call cap, but at most about 8 MB of
                // them (the reader's limit is 32 MB; the test JVM's heap is not much more).
                if (u != null) {
                    int copies = Math.min(m.get3(), 8_000_000 / (u.toString().length() + 1));
                    for (int i = 0; i < copies; i++) {
                        us.add(u.deepCopy());
                    }
                }
            }
            case 5 -> {
                if (u != null) {
                    ArrayNode ws = u.putArray("words");
                    for (int i = 0; i < 1 + m.get3() % 50; i++) {
                        JsonNode w = next(values);
                        ObjectNode word = ws.addObject();
                        word.set("w", w.isTextual() ? w : NODES.textNode("w"));
                        word.set("start", i % 3 == 0 ? next(values) : NODES.numberNode(i));
                        word.put("end", i + 0.5);
                        word.put("conf", 0.9);
                    }
                }
            }
            default -> t.set("utterances", next(values));
        }
    }

    private byte[] mutateBytes(byte[] b, Tuple.Tuple3<Integer, Integer, Integer> m) {
        int at = b.length == 0 ? 0 : m.get2() % b.length;
        return switch (m.get1()) {
            case 0 -> Arrays.copyOf(b, at);
            case 1 -> {
                byte[] c = b.clone();
                if (c.length > 0) {
                    c[at] = (byte) (int) m.get3();
                }
                yield c;
            }
            case 2 -> insert(b, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            case 3 -> insert(b, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            case 4 -> insert(b, at, "NaN".getBytes(StandardCharsets.US_ASCII));
            case 5 ->
                    ("{\"call_id\": \"deep\", \"utterances\": "
                                    + "[".repeat(1000 + at % 100_000)
                                    + "]".repeat(1000 + at % 100_000)
                                    + "}")
                            .getBytes(StandardCharsets.US_ASCII);
            default -> new byte[0];
        };
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(what);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    /** A short stereo 16-bit 8 kHz WAV with a hostile header. */
    byte[] wav() {
        int rate = 8000;
        int seconds = 2;
        ByteBuffer b = ByteBuffer.allocate(44 + rate * seconds * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + rate * seconds * 4);
        b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4);
        b.putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(rate * seconds * 4);
        for (int i = 0; i < rate * seconds * 2; i++) {
            b.putShort((short) (Math.sin(i * 0.05) * 3000 + random.nextGaussian() * 100));
        }
        byte[] wav = b.array();
        Tuple.Tuple3<Integer, Integer, Long> m = next(wavMutations);
        ByteBuffer h = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int v = (int) (long) m.get3();
        switch (m.get1()) {
            case 0 -> {
                return Arrays.copyOf(wav, m.get2() * wav.length / 100);
            }
            case 1 -> h.putInt(24, v); // sample rate
            case 2 -> h.putShort(22, (short) v); // channels
            case 3 -> h.putInt(40, v); // data size
            case 4 -> h.putInt(16, v); // fmt chunk size
            case 5 -> h.putShort(34, (short) v); // bits per sample
            case 6 -> h.putShort(20, (short) v); // format code
            default -> h.putInt(4, v); // RIFF size
        }
        return wav;
    }

    /** The records of one live call, each possibly hostile: (topic, JSON bytes). */
    List<String[]> liveCall(String callId, List<JsonNode> utterances, long at) throws Exception {
        List<ObjectNode> records = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        ObjectNode started =
                NODES.objectNode().put("call_id", callId).put("type", "started").put("at", at);
        started.putObject("metadata").put("language", "en").put("agent_id", "a-1");
        records.add(started);
        topics.add(io.callqa.pipeline.live.LiveTopics.CALL_EVENTS);
        ObjectNode chunk =
                NODES.objectNode()
                        .put("call_id", callId)
                        .put("channel", "agent")
                        .put("seq", 0)
                        .put("sample_rate", 8000)
                        .put("encoding", "pcm16")
                        .put("data", java.util.Base64.getEncoder().encodeToString(new byte[1600]));
        records.add(chunk);
        topics.add(io.callqa.pipeline.live.LiveTopics.AUDIO);
        for (JsonNode u : utterances) {
            ObjectNode r = NODES.objectNode().put("call_id", callId);
            Iterator<String> names = u.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (List.of("speaker", "start", "end", "text").contains(n)) {
                    r.set(n, u.get(n));
                }
            }
            records.add(r);
            topics.add(io.callqa.pipeline.live.LiveTopics.UTTERANCES);
        }
        records.add(
                NODES.objectNode()
                        .put("call_id", callId)
                        .put("type", "ended")
                        .put("at", at + 60_000));
        topics.add(io.callqa.pipeline.live.LiveTopics.CALL_EVENTS);
        List<String[]> out = new ArrayList<>();
        String[] fields = {"speaker", "start", "end", "text", "type", "at", "channel", "seq"};
        for (int i = 0; i < records.size(); i++) {
            ObjectNode r = records.get(i);
            byte[] bytes;
            if (random.nextInt(2) == 0) {
                Tuple.Tuple3<Integer, Integer, Integer> m = next(treeMutations);
                if (m.get1() % 2 == 0) {
                    r.set(fields[m.get2() % fields.length], next(values));
                } else {
                    r.remove(fields[m.get2() % fields.length]);
                }
                bytes = JSON.writeValueAsBytes(r);
                if (random.nextInt(5) == 0) {
                    bytes = mutateBytes(bytes, next(byteMutations));
                }
            } else {
                bytes = JSON.writeValueAsBytes(r);
            }
            out.add(new String[] {topics.get(i), new String(bytes, StandardCharsets.ISO_8859_1)});
        }
        return out;
    }

    private static JsonNode nested(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode at = root;
        for (int i = 0; i < depth; i++) {
            at = at.addArray();
        }
        at.add(CARD);
        return root;
    }

    private static String withLuhnDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
