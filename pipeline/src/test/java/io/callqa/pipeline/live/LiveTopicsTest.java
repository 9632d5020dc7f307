package io.callqa.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiveTopicsTest {

    private static LiveInput read(String topic, String json) {
        return LiveTopics.read(topic, 1, 42, 1000, json.getBytes(StandardCharsets.UTF_8), 1000);
    }

    private static String reason(String topic, String json) {
        LiveInput in = read(topic, json);
        assertThat(in.rejected).as(json).isNotNull();
        assertThat(in.rejected.source).isEqualTo("kafka:" + topic + "/1@42");
        return in.rejected.reason;
    }

    @Test
    void readsEachTopicsRecords() {
        LiveInput e =
                read(
                        LiveTopics.CALL_EVENTS,
                        "{\"call_id\":\"c1\",\"type\":\"started\",\"at\":5,"
                                + "\"metadata\":{\"agent_id\":\"a-1\",\"language\":\"ko\"}}");
        assertThat(e.event.metadata).containsEntry("language", "ko");
        LiveInput a =
                read(
                        LiveTopics.AUDIO,
                        "{\"call_id\":\"c1\",\"channel\":\"agent\",\"seq\":3,\"sample_rate\":8000,"
                                + "\"encoding\":\"mulaw\",\"data\":\"AAEC\"}");
        assertThat(a.chunk.data).containsExactly(0, 1, 2);
        assertThat(a.chunk.seq).isEqualTo(3);
        LiveInput u =
                read(
                        LiveTopics.UTTERANCES,
                        "{\"call_id\":\"c1\",\"speaker\":\"customer\",\"start\":1.5,\"end\":3,"
                                + "\"text\":\"환불해 주세요\"}");
        assertThat(u.utterance.text).isEqualTo("환불해 주세요");
        assertThat(u.utterance.finalizedAtMillis).isEqualTo(1000);
        assertThat(u.callId()).isEqualTo("c1");
    }

    @Test
    void everyBadRecordIsRejectedWithItsReason() {
        assertThat(reason(LiveTopics.AUDIO, "")).isEqualTo("empty record");
        assertThat(reason(LiveTopics.AUDIO, "[1]")).isEqualTo("not a JSON object");
        assertThat(reason(LiveTopics.AUDIO, "{\"call_id\":")).startsWith("malformed JSON: ");
        assertThat(reason(LiveTopics.CALL_EVENTS, "{\"type\":\"started\"}"))
                .isEqualTo("call_id is missing or not a string");
        assertThat(
                        reason(
                                LiveTopics.CALL_EVENTS,
                                "{\"call_id\":\"c\",\"type\":\"paused\",\"at\":1}"))
                .isEqualTo("type must be \"started\" or \"ended\", got a string of 6 characters");
        assertThat(
                        reason(
                                LiveTopics.AUDIO,
                                "{\"call_id\":\"c\",\"channel\":\"agent\",\"seq\":0,"
                                    + "\"sample_rate\":4000,\"encoding\":\"pcm16\",\"data\":\"AA==\"}"))
                .isEqualTo("sample_rate must be 8000..48000 Hz, got 4000");
        assertThat(
                        reason(
                                LiveTopics.AUDIO,
                                "{\"call_id\":\"c\",\"channel\":\"agent\",\"seq\":0,"
                                    + "\"sample_rate\":8000,\"encoding\":\"opus\",\"data\":\"AA==\"}"))
                .isEqualTo("encoding must be \"pcm16\" or \"mulaw\", got a string of 4 characters");
        assertThat(
                        reason(
                                LiveTopics.AUDIO,
                                "{\"call_id\":\"c\",\"channel\":\"agent\",\"seq\":0,"
                                    + "\"sample_rate\":8000,\"encoding\":\"mulaw\",\"data\":\"***\"}"))
                .startsWith("data is not base64");
        assertThat(
                        reason(
                                LiveTopics.AUDIO,
                                "{\"call_id\":\"c\",\"channel\":\"agent\",\"seq\":0,"
                                        + "\"sample_rate\":8000,\"encoding\":\"mulaw\",\"data\":\""
                                        + "A".repeat(2000)
                                        + "\"}"))
                .startsWith("oversized chunk: about 1500 bytes of audio, the limit is 1000");
        assertThat(
                        reason(
                                LiveTopics.UTTERANCES,
                                "{\"call_id\":\"c\",\"speaker\":\"agent\",\"start\":3,\"end\":1,"
                                        + "\"text\":\"x\"}"))
                .isEqualTo("times must satisfy 0 <= start <= end, got start 3.0, end 1.0");
        assertThat(
                        reason(
                                LiveTopics.UTTERANCES,
                                "{\"call_id\":\"c\",\"speaker\":\"agent\",\"start\":1,\"end\":3e9,"
                                        + "\"text\":\"x\"}"))
                .isEqualTo(
                        "end 3.00000e+09 s is beyond the 86400 s a call may last"
                                + " (transcript.max-seconds)");
        assertThat(
                        reason(
                                LiveTopics.UTTERANCES,
                                "{\"call_id\":\"c\",\"speaker\":\"agent\",\"start\":1,\"end\":2,"
                                        + "\"text\":\""
                                        + "x".repeat(40_000)
                                        + "\"}"))
                .isEqualTo(
                        "text of 40000 characters; at most 5000 per utterance are accepted"
                                + " (transcript.max-utterance-chars)");
        assertThat(
                        reason(
                                LiveTopics.AUDIO,
                                "{\"call_id\":\"c\",\"channel\":\"agent\",\"seq\":999999999,"
                                    + "\"sample_rate\":8000,\"encoding\":\"mulaw\",\"data\":\"AAEC\"}"))
                .startsWith("chunk 999999999 of 0.000 s would start at 375000 s")
                .isNotNull();
        LiveInput named = read(LiveTopics.UTTERANCES, "{\"call_id\":\"c9\",\"speaker\":\"bot\"}");
        assertThat(named.rejected.callId).isEqualTo("c9");
    }

    @Test
    void anUtteranceMayCarryItsRecognizersConfidences() {
        LiveUtterance u =
                read(
                                LiveTopics.UTTERANCES,
                                "{\"call_id\":\"c1\",\"speaker\":\"agent\",\"start\":1,\"end\":2,"
                                        + "\"text\":\"네 고객님\",\"confidence\":0.7,\"words\":["
                                        + "{\"w\":\"네\",\"start\":1,\"end\":1.3,\"conf\":0.9},"
                                        + "{\"w\":\"고객님\",\"start\":1.3,\"end\":2,\"conf\":0.5}]}")
                        .utterance;
        assertThat(u.confidence).isEqualTo(0.7);
        assertThat(u.words).extracting(w -> w.w).containsExactly("네", "고객님");
        assertThat(u.words[1].conf).isEqualTo(0.5);
        assertThat(u.words[1].start).isEqualTo(1.3);

        LiveUtterance plain =
                read(
                                LiveTopics.UTTERANCES,
                                "{\"call_id\":\"c1\",\"speaker\":\"agent\",\"start\":1,\"end\":2,"
                                        + "\"text\":\"hello\"}")
                        .utterance;
        assertThat(plain.confidence).isNull();
        assertThat(plain.words).isNull();
    }

    @Test
    void badConfidencesAreRejectedNamingTheField() {
        String head =
                "{\"call_id\":\"c\",\"speaker\":\"agent\",\"start\":1,\"end\":2,\"text\":\"x\",";
        assertThat(reason(LiveTopics.UTTERANCES, head + "\"confidence\":1.5}"))
                .isEqualTo("confidence must be a number from 0 to 1, got 1.5");
        assertThat(reason(LiveTopics.UTTERANCES, head + "\"words\":\"x\"}"))
                .isEqualTo("words must be an array of {w, start, end, conf}, got STRING");
        assertThat(reason(LiveTopics.UTTERANCES, head + "\"words\":[{\"start\":1,\"end\":2}]}"))
                .startsWith("words[0] must be an object with the word as w");
        assertThat(
                        reason(
                                LiveTopics.UTTERANCES,
                                head
                                        + "\"words\":[{\"w\":\"x\",\"start\":2,\"end\":1,\"conf\":1}]}"))
                .isEqualTo(
                        "words[0] times must be numbers of seconds with 0 <= start <= end <="
                                + " 86400.0, got start 2, end 1");
        assertThat(
                        reason(
                                LiveTopics.UTTERANCES,
                                head
                                        + "\"words\":[{\"w\":\"x\",\"start\":1,\"end\":2,\"conf\":-1}]}"))
                .isEqualTo("words[0].conf must be a number from 0 to 1, got -1");
    }

    @Test
    void rejectionsNeverQuoteTheRecord() {
        String card = "4111111111111111";
        String[][] bad = {
            {LiveTopics.CALL_EVENTS, "{\"call_id\":\"c\",\"type\":\"" + card + "\",\"at\":1}"},
            {
                LiveTopics.CALL_EVENTS,
                "{\"call_id\":\"c\",\"type\":\"started\",\"at\":\"" + card + "\"}"
            },
            {LiveTopics.UTTERANCES, "{\"call_id\":\"c\",\"speaker\":\"" + card + "\"}"},
            {
                LiveTopics.UTTERANCES,
                "{\"call_id\":\"c\",\"speaker\":\"agent\",\"start\":1,\"end\":2,\"text\":\"my card "
                        + card
                        + " "
                        + "x".repeat(200)
                        + "\"}"
            },
            {LiveTopics.AUDIO, "{\"call_id\":\"c\",\"channel\":\"" + card + "\"}"},
            {
                LiveTopics.AUDIO,
                "{\"call_id\":\"c\",\"channel\":\"agent\",\"seq\":\"" + card + "\"}"
            },
            {
                LiveTopics.AUDIO,
                "{\"call_id\":\"c\",\"channel\":\"agent\",\"seq\":0,\"sample_rate\":\""
                        + card
                        + "\"}"
            },
            {LiveTopics.AUDIO, "{\"call_id\":\"c\",\"text\": card" + card + "}"},
            {LiveTopics.AUDIO, "{\"call_id\":\"" + card + "\" " + card + "}"},
        };
        for (String[] b : bad) {
            assertThat(reason(b[0], b[1])).as(b[1]).doesNotContain(card);
        }
    }
}
