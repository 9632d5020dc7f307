package io.callqa.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.analysis.document.AlertDocument;
import io.callqa.analysis.document.CallDocument;
import io.callqa.pipeline.analysis.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveCallAnalysisTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final int RATE = 8000;

    private KeyedOneInputStreamOperatorTestHarness<String, LiveAudio, CallDocument> harness;

    private void open() throws Exception {
        open(null);
    }

    /** Opens the operator, restored from {@code snapshot} when not null. */
    private void open(OperatorSubtaskState snapshot) throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new LiveCallAnalysis(null)),
                        a -> a.callId,
                        Types.STRING);
        if (snapshot != null) {
            harness.initializeState(snapshot);
        }
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private List<String> alertIds() {
        var out = harness.getSideOutput(LiveCallAnalysis.ALERTS);
        return out == null
                ? List.of()
                : out.stream().map(StreamRecord::getValue).map(a -> a.alertId()).toList();
    }

    private List<String> deadLetters() {
        var out = harness.getSideOutput(DeadLetter.OUTPUT);
        return out == null
                ? List.of()
                : out.stream().map(StreamRecord::getValue).map(d -> d.reason).toList();
    }

    /** Line noise for {@code seconds} of one channel, in 0.2 s chunks from {@code fromSeq}. */
    private void noise(String call, String channel, long fromSeq, double seconds) throws Exception {
        Random r = new Random(channel.hashCode());
        int per = RATE / 5;
        long chunks = Math.round(seconds * 5);
        for (long k = 0; k < chunks; k++) {
            byte[] data = new byte[2 * per];
            for (int i = 0; i < per; i++) {
                short s = (short) (r.nextGaussian() * 30);
                data[2 * i] = (byte) s;
                data[2 * i + 1] = (byte) (s >> 8);
            }
            harness.processElement(
                    LiveAudio.audio(
                            new AudioChunk(
                                    call, channel, fromSeq + k, RATE, "pcm16", data, "audio@" + k)),
                    0);
        }
    }

    private static LiveAudio utterance(
            String call, String speaker, double start, double end, String text) {
        return LiveAudio.utterance(
                new LiveUtterance(call, speaker, start, end, text, "utterances@0", 0));
    }

    @Test
    void anEscalationIsRaisedWhenItsUtteranceIsFinalizedAndTheCallLeavesNoState() throws Exception {
        open();
        harness.processElement(LiveAudio.started("c1", 0, Map.of("language", "en")), 0);
        noise("c1", "agent", 0, 6);
        noise("c1", "customer", 0, 6);
        harness.processElement(
                utterance("c1", "agent", 0, 3, "Thank you for calling Acme Retail."), 0);
        assertThat(alertIds()).isEmpty();
        harness.processElement(
                utterance("c1", "customer", 3.5, 5.5, "I want to speak to a manager."), 0);
        // "speak to a manager" is also one of the pack's cues of an agitated customer.
        assertThat(alertIds()).containsExactlyInAnyOrder("c1:escalation-request", "c1:anger");

        harness.processElement(LiveAudio.closed("c1", "ended", Map.of("language", "en")), 0);
        assertThat(harness.extractOutputValues()).hasSize(1);
        JsonNode doc = JSON.readTree(harness.extractOutputValues().get(0).json());
        assertThat(doc.at("/source/kind").asText()).isEqualTo("live");
        assertThat(doc.path("utterances")).hasSize(2);
        // Raised live, found again at the end: one alert, not two.
        assertThat(alertIds()).containsOnlyOnce("c1:escalation-request", "c1:anger");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    /**
     * Dead air is raised while it lasts, from the audio of both channels, as soon as it passes the
     * pack's 30 s, not when someone finally speaks again; the words that end it raise nothing new.
     */
    @Test
    void deadAirIsRaisedWhileItLasts() throws Exception {
        open();
        harness.processElement(LiveAudio.started("c4", 0, Map.of("language", "en")), 0);
        noise("c4", "agent", 0, 3);
        noise("c4", "customer", 0, 3);
        harness.processElement(
                utterance("c4", "agent", 0.5, 3, "Please hold while I check that order."), 0);
        // 29 s of line noise on both channels: not yet over the limit.
        noise("c4", "agent", 15, 29);
        noise("c4", "customer", 15, 29);
        assertThat(alertIds()).isEmpty();

        noise("c4", "agent", 160, 3);
        noise("c4", "customer", 160, 3);
        assertThat(alertIds()).containsExactly("c4:dead-air");
        JsonNode alert =
                JSON.readTree(
                        harness.getSideOutput(LiveCallAnalysis.ALERTS).peek().getValue().json());
        assertThat(alert.at("/live/audio_at").isNumber()).isTrue();
        assertThat(alert.at("/live/finalized_at").isMissingNode()).isTrue();
        assertThat(alert.toString()).contains("of dead-air (3.00-33.");

        harness.processElement(
                utterance("c4", "agent", 35.5, 37, "Thanks for waiting, I found it."), 0);
        noise("c4", "agent", 175, 2);
        noise("c4", "customer", 175, 2);
        harness.processElement(LiveAudio.closed("c4", "ended", Map.of("language", "en")), 0);
        assertThat(alertIds()).containsOnlyOnce("c4:dead-air");
        JsonNode doc = JSON.readTree(harness.extractOutputValues().get(0).json());
        assertThat(doc.at("/qa/failed_rules").toString()).contains("dead-air");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void anUtteranceWaitsForItsAudioThenGetsItsProsody() throws Exception {
        open();
        harness.processElement(LiveAudio.started("c2", 0, Map.of()), 0);
        noise("c2", "customer", 0, 1);
        harness.processElement(
                utterance("c2", "customer", 0.5, 2.5, "This is ridiculous, get me a manager."), 0);
        // Its audio up to 2.5 s has not arrived yet: no verdict on half-heard words.
        assertThat(alertIds()).isEmpty();
        noise("c2", "customer", 5, 2);
        assertThat(alertIds()).contains("c2:escalation-request");
        harness.processElement(LiveAudio.closed("c2", "idle", Map.of()), 0);
        assertThat(deadLetters()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    /**
     * A channel whose audio stalls cannot hold back an alert: after live.audio-wait (2 s) the
     * utterance is taken without prosody, and the gap is reported.
     */
    @Test
    void anUtteranceWhoseAudioStallsIsTakenAfterTheWait() throws Exception {
        open();
        harness.setProcessingTime(1_000);
        harness.processElement(LiveAudio.started("c5", 0, Map.of("language", "en")), 0);
        noise("c5", "agent", 0, 2);
        noise("c5", "customer", 0, 2);
        harness.processElement(
                utterance("c5", "customer", 1.0, 4.0, "I want to speak to a manager."), 0);
        harness.setProcessingTime(2_999);
        assertThat(alertIds()).isEmpty();

        harness.setProcessingTime(3_000);
        assertThat(alertIds()).contains("c5:escalation-request");
        assertThat(deadLetters())
                .containsExactly(
                        "call c5, customer channel: the audio stopped at 2.00 s but the utterance"
                                + " at 1.00-4.00 s waited 2000 ms for it; the utterance is kept"
                                + " without prosody");

        harness.processElement(LiveAudio.closed("c5", "ended", Map.of("language", "en")), 0);
        JsonNode doc = JSON.readTree(harness.extractOutputValues().get(0).json());
        assertThat(doc.path("utterances")).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void audioWithoutWordsIsReportedWhenTheCallCloses() throws Exception {
        open();
        harness.processElement(LiveAudio.started("c3", 0, Map.of()), 0);
        noise("c3", "agent", 0, 3);
        harness.processElement(LiveAudio.closed("c3", "idle", Map.of()), 0);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters())
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r)
                                        .startsWith(
                                                "call c3 closed (idle) with 3.0 s of audio but no"
                                                        + " words: no Vosk model is configured")
                                        .contains("callqa.utterances"));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    /**
     * Every sample call's words, finalized one by one over line noise, give the same violations as
     * the sidecar names once the call has ended.
     */
    @Test
    void sampleCallsGetTheirSidecarsViolations() throws Exception {
        open();
        for (String id : List.of("s-en-billing-01", "s-en-billing-02", "s-ko-refund-01")) {
            JsonNode side = JSON.readTree(SAMPLES.resolve(id + ".json").toFile());
            harness.processElement(started(id, side), 0);
            List<JsonNode> us = new ArrayList<>();
            side.path("utterances").forEach(us::add);
            us.sort(Comparator.comparingDouble(u -> u.path("end").asDouble()));
            for (JsonNode u : us) {
                harness.processElement(
                        utterance(
                                id,
                                u.path("speaker").asText(),
                                u.path("start").asDouble(),
                                u.path("end").asDouble(),
                                u.path("text").asText()),
                        0);
            }
            harness.processElement(LiveAudio.closed(id, "ended", Map.of()), 0);
            List<CallDocument> docs = harness.extractOutputValues();
            JsonNode doc = JSON.readTree(docs.get(docs.size() - 1).json());
            Set<String> failed = new TreeSet<>();
            doc.at("/qa/failed_rules").forEach(v -> failed.add(v.asText()));
            Set<String> expected = new TreeSet<>();
            side.at("/ground_truth/expected_violations").forEach(v -> expected.add(v.asText()));
            assertThat(failed).as(id).isEqualTo(expected);
        }
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    /**
     * A topic utterance with the recognizer's confidences keeps them through the call's state (a
     * checkpoint and restore in between) into the document; the words of an utterance whose digits
     * were redacted are not written.
     */
    @Test
    void recognizedWordsAndConfidencesTravelFromTheTopicIntoTheDocument() throws Exception {
        open();
        harness.processElement(LiveAudio.started("c6", 0, Map.of("language", "en")), 0);
        harness.processElement(
                topic(
                        "{\"call_id\":\"c6\",\"speaker\":\"customer\",\"start\":1.0,"
                                + "\"end\":2.2,\"text\":\"my heater stopped working\","
                                + "\"confidence\":0.8,\"words\":["
                                + "{\"w\":\"my\",\"start\":1.0,\"end\":1.2,\"conf\":0.95},"
                                + "{\"w\":\"heater\",\"start\":1.2,\"end\":1.6,\"conf\":0.55},"
                                + "{\"w\":\"stopped\",\"start\":1.6,\"end\":1.9,\"conf\":0.9},"
                                + "{\"w\":\"working\",\"start\":1.9,\"end\":2.2,\"conf\":0.8}]}"),
                0);
        harness.processElement(
                topic(
                        "{\"call_id\":\"c6\",\"speaker\":\"customer\",\"start\":3.0,"
                                + "\"end\":5.0,\"text\":\"my card is four one one one one one"
                                + " one one one one one one one one one one\",\"words\":["
                                + "{\"w\":\"four\",\"start\":3.5,\"end\":3.7,\"conf\":0.9}]}"),
                0);
        OperatorSubtaskState snapshot = harness.snapshot(1, 0);
        harness.close();
        open(snapshot);
        harness.processElement(LiveAudio.closed("c6", "ended", Map.of()), 0);

        JsonNode doc = JSON.readTree(harness.extractOutputValues().get(0).json());
        JsonNode first = doc.path("utterances").get(0);
        assertThat(first.path("confidence").asDouble()).isEqualTo(0.8);
        assertThat(first.path("words")).hasSize(4);
        assertThat(first.at("/words/1/w").asText()).isEqualTo("heater");
        assertThat(first.at("/words/1/conf").asDouble()).isEqualTo(0.55);
        assertThat(first.at("/words/1/start").asDouble()).isEqualTo(1.2);
        JsonNode redacted = doc.path("utterances").get(1);
        assertThat(redacted.path("text").asText()).doesNotContain("four one one");
        assertThat(redacted.path("words").toString()).doesNotContain("four").doesNotContain("one");
        assertThat(redacted.path("confidence").asDouble()).isEqualTo(0.9);
    }

    /**
     * The call's session survives a checkpoint and restore: a missed disclosure is settled after
     * the restore from what was heard before it, an alert raised before it is not raised again, and
     * the alert document names the utterance and its redacted text.
     */
    @Test
    void theSessionGoesOnAfterARestoreAndRaisesEachAlertOnce() throws Exception {
        open();
        harness.processElement(LiveAudio.started("c9", 0, Map.of("language", "en")), 0);
        harness.processElement(utterance("c9", "agent", 0, 4, "hello thanks for calling"), 0);
        harness.processElement(
                utterance("c9", "customer", 4.5, 9, "i want to speak to a manager now"), 0);
        assertThat(alertIds())
                .contains("c9:escalation-request")
                .doesNotContain("c9:recording-disclosure");
        OperatorSubtaskState snapshot = harness.snapshot(1, 0);
        harness.close();
        open(snapshot);
        harness.processElement(utterance("c9", "agent", 31, 34, "let me see what i can do"), 0);
        List<AlertDocument> raised =
                harness.getSideOutput(LiveCallAnalysis.ALERTS).stream()
                        .map(StreamRecord::getValue)
                        .toList();
        assertThat(raised).extracting(a -> a.alertId()).containsExactly("c9:recording-disclosure");
        JsonNode alert = JSON.readTree(raised.get(0).json());
        assertThat(alert.path("rule_id").asText()).isEqualTo("recording-disclosure");
        assertThat(alert.path("live").has("finalized_at")).isTrue();
        harness.processElement(LiveAudio.closed("c9", "ended", Map.of("language", "en")), 0);
        assertThat(alertIds()).doesNotContain("c9:escalation-request");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    /**
     * A sample call's agent assist, live: each step the post-call assist of its call document
     * suggests is suggested on {@link LiveCallAnalysis#ASSIST} by the same utterance, as soon as
     * that utterance is taken, and withdrawn by the utterance the document says did it, stamped
     * with when that utterance was finalized; after a restore from a checkpoint in the middle of
     * the call, the rest of the call gives the same events again (same ids, same documents but the
     * time they were raised); nothing of the call is left in keyed state at its end. English and
     * Korean.
     */
    @Test
    void aSampleCallsAssistIsSuggestedAndWithdrawnLiveAsThePostCallAssistFinds() throws Exception {
        for (String id : List.of("s-en-refund-01", "s-ko-refund-01")) {
            JsonNode side = JSON.readTree(SAMPLES.resolve(id + ".json").toFile());
            List<JsonNode> us = new ArrayList<>();
            side.path("utterances").forEach(us::add);
            // Call order, as the call document numbers its utterances.
            us.sort(
                    Comparator.comparingDouble((JsonNode u) -> u.path("start").asDouble())
                            .thenComparing(u -> u.path("speaker").asText()));
            int half = us.size() / 2;
            open();
            harness.processElement(started(id, side), 0);
            OperatorSubtaskState middle = null;
            List<JsonNode> firstHalf = new ArrayList<>();
            for (int k = 0; k < us.size(); k++) {
                if (k == half) {
                    middle = harness.snapshot(1, 0);
                    firstHalf = assistEvents();
                }
                JsonNode u = us.get(k);
                int before = assistEvents().size();
                harness.processElement(finalized(id, u, 1000L + k), 0);
                // Out as soon as the utterance is taken, stamped with its finalization.
                for (JsonNode e : assistEvents().subList(before, assistEvents().size())) {
                    assertThat(e.path("utterance").asInt()).as(id).isEqualTo(k);
                    assertThat(e.at("/live/finalized_at").asLong()).isEqualTo(1000L + k);
                    assertThat(e.path("call_id").asText()).isEqualTo(id);
                }
            }
            List<JsonNode> live = assistEvents();
            harness.processElement(LiveAudio.closed(id, "ended", Map.of()), 0);
            JsonNode doc = JSON.readTree(harness.extractOutputValues().get(0).json());
            assertThat(harness.numKeyedStateEntries()).as(id).isZero();

            Map<String, Integer> expected = new java.util.TreeMap<>();
            for (JsonNode p : doc.at("/assist/playbooks")) {
                for (JsonNode st : p.path("steps")) {
                    String step = p.path("playbook").asText() + "/" + st.path("step").asText();
                    if (!st.path("suggested_at").isNull()) {
                        expected.put(step + " suggested", st.path("suggested_at").asInt());
                        if (!st.path("done_at").isNull()) {
                            expected.put(step + " withdrawn", st.path("done_at").asInt());
                        }
                    }
                }
            }
            Map<String, Integer> got = new java.util.TreeMap<>();
            for (JsonNode e : live) {
                String key =
                        e.path("playbook").asText()
                                + "/"
                                + e.path("step").asText()
                                + " "
                                + e.path("type").asText();
                assertThat(got).as(id + ": each event once").doesNotContainKey(key);
                got.put(key, e.path("utterance").asInt());
            }
            assertThat(got).as(id).isEqualTo(expected);
            assertThat(got.keySet())
                    .as(id)
                    .anyMatch(k -> k.endsWith(" suggested"))
                    .anyMatch(k -> k.endsWith(" withdrawn"));

            // Restored in the middle and given the rest of the call again: the same events.
            harness.close();
            open(middle);
            for (int k = half; k < us.size(); k++) {
                harness.processElement(finalized(id, us.get(k), 1000L + k), 0);
            }
            List<JsonNode> again = assistEvents();
            assertThat(again).as(id + ": events after the restore").isNotEmpty();
            assertThat(again.stream().map(LiveCallAnalysisTest::withoutRaisedAt).toList())
                    .as(id)
                    .isEqualTo(
                            live.subList(firstHalf.size(), live.size()).stream()
                                    .map(LiveCallAnalysisTest::withoutRaisedAt)
                                    .toList());
            harness.close();
            harness = null;
        }
    }

    private static LiveAudio finalized(String call, JsonNode u, long finalizedAtMillis) {
        return LiveAudio.utterance(
                new LiveUtterance(
                        call,
                        u.path("speaker").asText(),
                        u.path("start").asDouble(),
                        u.path("end").asDouble(),
                        u.path("text").asText(),
                        "utterances@0",
                        finalizedAtMillis));
    }

    private List<JsonNode> assistEvents() throws Exception {
        var out = harness.getSideOutput(LiveCallAnalysis.ASSIST);
        List<JsonNode> events = new ArrayList<>();
        if (out != null) {
            for (StreamRecord<io.callqa.analysis.document.AssistDocument> r : out) {
                JsonNode e = JSON.readTree(r.getValue().json());
                assertThat(e.path("event_id").asText()).isEqualTo(r.getValue().eventId());
                events.add(e);
            }
        }
        return events;
    }

    private static JsonNode withoutRaisedAt(JsonNode e) {
        JsonNode copy = e.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("live")).remove("raised_at");
        return copy;
    }

    private static LiveAudio topic(String json) {
        LiveInput in =
                LiveTopics.read(
                        LiveTopics.UTTERANCES,
                        0,
                        7,
                        0,
                        json.getBytes(StandardCharsets.UTF_8),
                        1000);
        assertThat(in.rejected).as(json).isNull();
        return LiveAudio.utterance(in.utterance);
    }

    /**
     * An utterance whose analysis fails (here one whose speaker the transcript model rejects) is
     * reported and taken out of the call again: the utterances after it are analysed, and the call
     * ends with a document of the good ones and no state left.
     */
    @Test
    void aFailingUtteranceIsDroppedAndReportedAndTheCallGoesOn() throws Exception {
        open();
        harness.processElement(LiveAudio.started("c7", 0, Map.of("language", "en")), 0);
        harness.processElement(utterance("c7", "agent", 0, 2, "hello how can i help"), 0);
        harness.processElement(
                LiveAudio.utterance(
                        new LiveUtterance(
                                "c7", "robot", 2, 3, "beep 4111111111111111", "utterances@7", 0)),
                0);
        harness.processElement(
                utterance("c7", "customer", 3, 5, "i want to speak to a manager"), 0);
        assertThat(alertIds()).contains("c7:escalation-request");
        harness.processElement(LiveAudio.closed("c7", "ended", Map.of("language", "en")), 0);

        List<DeadLetter> dead =
                harness.getSideOutput(DeadLetter.OUTPUT).stream()
                        .map(StreamRecord::getValue)
                        .toList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).source).isEqualTo("utterances@7");
        assertThat(dead.get(0).callId).isEqualTo("c7");
        assertThat(dead.get(0).reason)
                .startsWith(
                        "call c7, robot utterance at 2.00-3.00 s could not be analysed and was"
                                + " dropped; the call goes on without it: NoSuchElementException")
                .doesNotContain("4111111111111111")
                .doesNotContain("\n\tat ");
        assertThat(harness.extractOutputValues()).hasSize(1);
        JsonNode doc = JSON.readTree(harness.extractOutputValues().get(0).json());
        assertThat(doc.path("utterances")).hasSize(2);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void utterancesBeyondTheCapAreDroppedAndReported() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new LiveCallAnalysis(null, java.time.Duration.ofSeconds(1), 2)),
                        a -> a.callId,
                        Types.STRING);
        harness.open();
        harness.processElement(LiveAudio.started("c8", 0, Map.of("language", "en")), 0);
        for (int i = 0; i < 3; i++) {
            harness.processElement(utterance("c8", "agent", i, i + 1, "word number " + i), 0);
        }
        assertThat(deadLetters())
                .containsExactly(
                        "call c8, agent utterance at 2.00-3.00 s dropped: the call already has 2"
                                + " utterances, the most accepted (transcript.max-utterances)");
        harness.processElement(LiveAudio.closed("c8", "ended", Map.of("language", "en")), 0);
        JsonNode doc = JSON.readTree(harness.extractOutputValues().get(0).json());
        assertThat(doc.path("utterances")).hasSize(2);
    }

    /** The start of a sample call, with the language and brand of its sidecar. */
    private static LiveAudio started(String id, JsonNode side) {
        return LiveAudio.started(
                id,
                0,
                Map.of(
                        "language",
                        side.path("language").asText(),
                        "brand",
                        side.path("brand").asText()));
    }
}
