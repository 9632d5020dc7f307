package io.callqa.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.analysis.document.CallDocument;
import io.callqa.pipeline.source.CallInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptAnalysisTest {

    private static final String KOREAN_CALL =
            """
            {"call_id": "s-ko-billing-09", "started_at": "2026-11-03T10:00:00Z",
             "agent_id": "a-201", "team": "billing", "queue": "결제",
             "utterances": [
               {"speaker": "agent", "start": 0.5, "end": 4.0, "text": "안녕하세요, 에이크미입니다."},
               {"speaker": "customer", "start": 3.6, "end": 8.0,
                "text": "카드 번호는 사 일 일 일 일 일 일 일 일 일 일 일 일 일 일 일 이에요"},
               {"speaker": "agent", "start": 45.0, "end": 47.0, "text": "기다려 주셔서 감사합니다."}
             ]}
            """;

    @TempDir Path dir;

    private OneInputStreamOperatorTestHarness<CallInput, CallDocument> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forProcessFunction(new TranscriptAnalysis());
    }

    private CallInput write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return new CallInput(f.toUri().toString(), Files.size(f));
    }

    @Test
    void turnsATranscriptIntoItsCallDocumentWithoutAnyUtteranceText() throws Exception {
        CallInput file = write("s-ko-billing-09.json", KOREAN_CALL);
        try (var h = harness()) {
            h.processElement(file, 0);
            List<CallDocument> docs = h.extractOutputValues();
            assertThat(docs)
                    .singleElement()
                    .extracting(d -> d.callId())
                    .isEqualTo("s-ko-billing-09");
            JsonNode doc = new ObjectMapper().readTree(docs.get(0).json());
            assertThat(doc.path("language").asText()).isEqualTo("ko");
            assertThat(doc.path("queue").asText()).isEqualTo("결제");
            assertThat(doc.path("ended_at").asText()).isEqualTo("2026-11-03T10:00:47Z");
            assertThat(doc.path("source").path("uri").asText()).isEqualTo(file.uri);
            assertThat(doc.path("source").path("sha256").asText()).hasSize(64);
            assertThat(doc.path("prosody").path("overtalk_s").asDouble()).isEqualTo(0.4);
            assertThat(doc.path("prosody").path("interruptions").asInt()).isEqualTo(1);
            assertThat(doc.path("prosody").path("longest_silence_s").asDouble()).isEqualTo(37.0);
            assertThat(doc.path("utterances")).hasSize(3);
            // The analysis ran before indexing: scored with the Korean pack, PII redacted.
            assertThat(doc.path("qa").path("rulepack").path("id").asText()).isEqualTo("default-ko");
            assertThat(doc.path("qa").path("failed_rules"))
                    .extracting(JsonNode::asText)
                    .contains("pii-spoken");
            assertThat(doc.path("pii_found"))
                    .extracting(p -> p.path("type").asText())
                    .contains("card");
            assertThat(docs.get(0).json()).contains("[CARD]").doesNotContain("일 일 일");
            assertThat(h.getSideOutput(TranscriptAnalysis.DEAD_LETTERS)).isNullOrEmpty();
        }
    }

    /**
     * A recognizer's sidecar (lowercase, no punctuation, per-word confidences) keeps its
     * confidences in the document; the words of the utterance in which a card number was redacted
     * are not written.
     */
    @Test
    void aRecognizersWordConfidencesReachTheDocument() throws Exception {
        String call =
                """
                {"call_id": "c-words", "language": "en", "utterances": [
                  {"speaker": "customer", "start": 1.0, "end": 2.0, "text": "my parcel never came",
                   "words": [{"w": "my", "start": 1.0, "end": 1.2, "conf": 1.0},
                             {"w": "parcel", "start": 1.2, "end": 1.5, "conf": 0.4},
                             {"w": "never", "start": 1.5, "end": 1.8, "conf": 0.9},
                             {"w": "came", "start": 1.8, "end": 2.0, "conf": 0.7}]},
                  {"speaker": "customer", "start": 3.0, "end": 6.0, "confidence": 0.66,
                   "text": "the card is four one one one one one one one one one one one one one one one",
                   "words": [{"w": "four", "start": 3.9, "end": 4.1, "conf": 0.8}]}
                ]}
                """;
        try (var h = harness()) {
            h.processElement(write("c-words.json", call), 0);
            JsonNode doc = new ObjectMapper().readTree(h.extractOutputValues().get(0).json());
            JsonNode first = doc.path("utterances").get(0);
            assertThat(first.path("confidence").asDouble()).isEqualTo(0.75);
            assertThat(first.path("words"))
                    .extracting(w -> w.path("w").asText() + "@" + w.path("conf").asDouble())
                    .containsExactly("my@1.0", "parcel@0.4", "never@0.9", "came@0.7");
            assertThat(first.at("/words/1/start").asDouble()).isEqualTo(1.2);
            JsonNode redacted = doc.path("utterances").get(1);
            assertThat(redacted.path("confidence").asDouble()).isEqualTo(0.66);
            assertThat(redacted.path("text").asText()).contains("[CARD]");
            assertThat(redacted.path("words").toString())
                    .doesNotContain("four")
                    .doesNotContain("one");
        }
    }

    @Test
    void badFilesBecomeDeadLettersNamingTheFileAndTheProblemAndTheGoodOnesStillPass()
            throws Exception {
        CallInput empty = write("empty.json", "");
        CallInput broken = write("broken.json", "{\"call_id\": \"x\", \"utterances\": [");
        CallInput noId = write("noid.json", "{\"utterances\": []}");
        CallInput good = write("good.json", KOREAN_CALL);
        CallInput missing = new CallInput(dir.resolve("gone.json").toUri().toString(), 10);
        try (var h = harness()) {
            for (CallInput f : List.of(empty, broken, noId, missing, good)) {
                h.processElement(f, 0);
            }
            assertThat(h.extractOutputValues())
                    .extracting(d -> d.callId())
                    .containsExactly("s-ko-billing-09");
            List<DeadLetter> dead =
                    h.getSideOutput(TranscriptAnalysis.DEAD_LETTERS).stream()
                            .map(StreamRecord::getValue)
                            .toList();
            assertThat(dead)
                    .extracting(d -> d.source)
                    .containsExactly(empty.uri, broken.uri, noId.uri, missing.uri);
            assertThat(dead).allSatisfy(d -> assertThat(d.stage).isEqualTo("transcript"));
            assertThat(dead.get(0).reason)
                    .isEqualTo(empty.uri + ": empty input; expected a JSON object");
            assertThat(dead.get(1).reason).startsWith(broken.uri + ": not valid JSON at line 1");
            assertThat(dead.get(2).reason)
                    .isEqualTo(noId.uri + ": call_id: required field is missing");
            assertThat(dead.get(3).reason).startsWith(missing.uri + ": cannot read:");
            assertThat(dead.get(0).id()).isNotEqualTo(dead.get(1).id()).hasSize(32);
        }
    }

    @Test
    void aRecordingBesideTheTranscriptAddsVoiceAndBecomesTheSourceOfRecord() throws Exception {
        Path samples = Path.of("..", "samples");
        Files.copy(samples.resolve("s-en-refund-02.json"), dir.resolve("c.json"));
        Files.copy(samples.resolve("s-en-refund-02.wav"), dir.resolve("c.wav"));
        Path json = dir.resolve("c.json");
        try (var h = harness()) {
            h.processElement(
                    new CallInput(
                            json.toUri().toString(),
                            Files.size(json),
                            dir.resolve("c.wav").toUri().toString()),
                    0);
            JsonNode doc = new ObjectMapper().readTree(h.extractOutputValues().get(0).json());
            String wavSha =
                    java.util.HexFormat.of()
                            .formatHex(
                                    java.security.MessageDigest.getInstance("SHA-256")
                                            .digest(Files.readAllBytes(dir.resolve("c.wav"))));
            assertThat(doc.at("/source/kind").asText()).isEqualTo("recording");
            assertThat(doc.at("/source/uri").asText()).endsWith("/c.wav");
            assertThat(doc.at("/source/sha256").asText()).isEqualTo(wavSha);
            assertThat(doc.at("/source/transcript/uri").asText()).endsWith("/c.json");
            assertThat(doc.at("/prosody/customer/pitch_mean_hz").asDouble()).isBetween(60.0, 500.0);
            assertThat(doc.at("/emotion/customer/dominant").asText()).isEqualTo("agitated");
            assertThat(doc.at("/utterances/1/arousal").isNumber()).isTrue();
            assertThat(h.getSideOutput(TranscriptAnalysis.DEAD_LETTERS)).isNullOrEmpty();
        }
    }

    @Test
    void aCorruptRecordingIsADeadLetterAndTheCallIsStillIndexedFromItsTranscript()
            throws Exception {
        CallInput file = write("c.json", KOREAN_CALL);
        Files.writeString(dir.resolve("c.wav"), "RIFF....WAVEjunk");
        file.recordingUri = dir.resolve("c.wav").toUri().toString();
        try (var h = harness()) {
            h.processElement(file, 0);
            JsonNode doc = new ObjectMapper().readTree(h.extractOutputValues().get(0).json());
            assertThat(doc.at("/source/kind").asText()).isEqualTo("transcript");
            List<DeadLetter> dead =
                    h.getSideOutput(TranscriptAnalysis.DEAD_LETTERS).stream()
                            .map(StreamRecord::getValue)
                            .toList();
            assertThat(dead)
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.stage).isEqualTo("audio");
                                assertThat(d.source).endsWith("/c.wav");
                                assertThat(d.callId).isEqualTo("s-ko-billing-09");
                                assertThat(d.reason)
                                        .contains("c.wav")
                                        .endsWith(
                                                "; the call was analysed from its transcript"
                                                        + " alone");
                            });
        }
    }

    @Test
    void aRecordingWithoutATranscriptIsReported() throws Exception {
        Path lone = dir.resolve("lone.wav");
        Files.copy(Path.of("..", "samples", "s-en-refund-01.wav"), lone);
        try (var h = harness()) {
            h.processElement(new CallInput(lone.toUri().toString(), Files.size(lone)), 0);
            assertThat(h.extractOutputValues()).isEmpty();
            List<DeadLetter> dead =
                    h.getSideOutput(TranscriptAnalysis.DEAD_LETTERS).stream()
                            .map(StreamRecord::getValue)
                            .toList();
            assertThat(dead)
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.stage).isEqualTo("audio");
                                assertThat(d.source).isEqualTo(lone.toUri().toString());
                                assertThat(d.reason)
                                        .contains("lone.wav: no transcript beside it (lone.json)");
                            });
        }
    }

    /**
     * A spelled-out e-mail address of 3.6 KB once overflowed the redactor's stack and, uncaught,
     * crash-looped the job. Whatever the rules make of it now, the operator does not throw: the
     * call is indexed, or it is a dead letter naming the file and the failure without its text.
     */
    @Test
    void aTranscriptWhoseAnalysisFailsIsADeadLetterAndTheNextFileIsAnalysed() throws Exception {
        String email = "a dot ".repeat(600) + "at example dot com";
        CallInput poisoned =
                write(
                        "spelled.json",
                        "{\"call_id\": \"spelled\", \"language\": \"en\", \"utterances\": ["
                                + "{\"speaker\": \"customer\", \"start\": 0, \"end\": 30,"
                                + " \"text\": \""
                                + email
                                + "\"}]}");
        CallInput next = write("s-ko-billing-09.json", KOREAN_CALL);
        try (var h = harness()) {
            h.processElement(poisoned, 0);
            h.processElement(next, 0);
            List<String> ids = h.extractOutputValues().stream().map(d -> d.callId()).toList();
            var dead = h.getSideOutput(DeadLetter.OUTPUT);
            List<DeadLetter> letters =
                    dead == null ? List.of() : dead.stream().map(StreamRecord::getValue).toList();
            assertThat(ids).contains("s-ko-billing-09");
            if (!ids.contains("spelled")) {
                assertThat(letters)
                        .singleElement()
                        .satisfies(
                                d -> {
                                    assertThat(d.source).isEqualTo(poisoned.uri);
                                    assertThat(d.reason)
                                            .startsWith(poisoned.uri + ": could not be analysed: ")
                                            .doesNotContain("a dot a dot")
                                            .doesNotContain("\tat ");
                                });
            }
        }
    }
}
