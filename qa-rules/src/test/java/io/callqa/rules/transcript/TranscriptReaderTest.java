package io.callqa.rules.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptReaderTest {

    private final TranscriptReader reader = new TranscriptReader();

    private CallTranscript read(String json) throws TranscriptException {
        return reader.read("call.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsMetadataUtterancesAndKeepsExtraFields() throws Exception {
        CallTranscript t =
                read(
                        """
                        {"call_id": "c-1", "language": "EN", "started_at": "2026-11-02T09:15:00Z",
                         "agent_id": "a-104", "team": "returns", "queue": "refunds",
                         "channels": {"agent": "right", "customer": "left"},
                         "ground_truth": {"category": "refund"},
                         "utterances": [
                           {"speaker": "customer", "start": 5.6, "end": 9.8, "text": "Hi, I sent back a jacket"},
                           {"speaker": "agent", "start": 0.4, "end": 5.12, "text": "Thank you for calling"}
                         ]}
                        """);
        assertThat(t.callId()).isEqualTo("c-1");
        assertThat(t.language()).isEqualTo("en");
        assertThat(t.startedAt()).contains(Instant.parse("2026-11-02T09:15:00Z"));
        assertThat(t.metadata("agent_id")).contains("a-104");
        assertThat(t.metadata("queue")).contains("refunds");
        assertThat(t.channels()).containsEntry(Speaker.AGENT, "right");
        assertThat(t.extra().path("ground_truth").path("category").asText()).isEqualTo("refund");
        // Sorted by start time, whatever the input order.
        assertThat(t.utterances())
                .extracting(Utterance::speaker)
                .containsExactly(Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(t.speechEnd()).isEqualTo(9.8);
    }

    @Test
    void keepsRecognizerConfidencesAndWordsAndTheBrand() throws Exception {
        CallTranscript t =
                read(
                        """
                        {"call_id": "c-2", "brand": "Northwind Energy", "utterances": [
                          {"speaker": "agent", "start": 0.5, "end": 1.4, "text": "hello there",
                           "confidence": 0.82,
                           "words": [{"w": "hello", "start": 0.5, "end": 0.9, "conf": 0.9},
                                     {"w": "there", "start": 0.95, "end": 1.4, "conf": 0.74}]},
                          {"speaker": "customer", "start": 2.0, "end": 2.6, "text": "hi",
                           "words": [{"w": "hi", "start": 2.0, "end": 2.6, "conf": 0.5}]},
                          {"speaker": "agent", "start": 3.0, "end": 3.6, "text": "Written."}
                        ]}
                        """);
        assertThat(t.metadata("brand")).contains("Northwind Energy");
        Utterance u = t.utterances().get(0);
        assertThat(u.confidence()).isEqualTo(0.82);
        assertThat(u.words())
                .extracting(Word::w, Word::conf)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hello", 0.9),
                        org.assertj.core.groups.Tuple.tuple("there", 0.74));
        assertThat(t.utterances().get(1).meanConfidence()).hasValue(0.5);
        assertThat(t.utterances().get(2).meanConfidence()).isEmpty();
    }

    @Test
    void namesEveryBadWordField() {
        assertThatThrownBy(
                        () ->
                                read(
                                        """
                                        {"call_id": "c-3", "utterances": [
                                          {"speaker": "agent", "start": 0, "end": 1, "text": "a b",
                                           "confidence": 1.5,
                                           "words": [{"w": "a", "start": 0.6, "end": 0.2, "conf": 0.9},
                                                     {"w": 7, "start": 0.1, "end": 0.2, "conf": "high"}]}
                                        ]}
                                        """))
                .isInstanceOf(TranscriptException.class)
                .hasMessageContaining("utterances[0].confidence: expected a number from 0 to 1")
                .hasMessageContaining("utterances[0].words[0].end: 0.20 is before start 0.60")
                .hasMessageContaining("utterances[0].words[1].w: expected the word as a string")
                .hasMessageContaining("utterances[0].words[1].conf: expected a number from 0 to 1");
    }

    @Test
    void readsKoreanTextAsUtf8AndDetectsTheLanguage() throws Exception {
        CallTranscript t =
                read(
                        """
                        {"call_id": "s-ko-1", "utterances": [
                          {"speaker": "customer", "start": 1.0, "end": 3.5, "text": "환불해 주세요. 주문번호는 A123이에요."}
                        ]}
                        """);
        assertThat(t.language()).isEqualTo("ko");
        assertThat(t.utterances().get(0).text()).isEqualTo("환불해 주세요. 주문번호는 A123이에요.");
    }

    @Test
    void detectsEnglishWhenThereIsNoHangul() throws Exception {
        CallTranscript t =
                read(
                        """
                        {"call_id": "x", "utterances": [
                          {"speaker": "agent", "start": 0, "end": 1, "text": "Hello"}]}
                        """);
        assertThat(t.language()).isEqualTo("en");
    }

    @Test
    void reportsEveryProblemAtOnceWithItsField() {
        assertThatThrownBy(
                        () ->
                                read(
                                        """
                                        {"started_at": "yesterday", "utterances": [
                                          {"speaker": "caller", "start": 1, "end": 2, "text": "hi"},
                                          {"speaker": "agent", "start": 4.1, "end": 3.2, "text": "x"},
                                          {"speaker": "agent", "start": "0:05", "end": 6},
                                          "oops"
                                        ]}
                                        """))
                .isInstanceOf(TranscriptException.class)
                .satisfies(
                        e -> {
                            TranscriptException te = (TranscriptException) e;
                            assertThat(te.source()).isEqualTo("call.json");
                            assertThat(te.problems())
                                    .containsExactly(
                                            "call_id: required field is missing",
                                            "started_at: expected an ISO-8601 instant like"
                                                    + " 2026-11-02T09:15:00Z, got a string of 9"
                                                    + " characters",
                                            "utterances[0].speaker: expected agent or customer,"
                                                    + " got a string of 6 characters",
                                            "utterances[1].end: 3.20 is before start 4.10",
                                            "utterances[2].start: expected seconds as a number,"
                                                    + " got a string of 4 characters",
                                            "utterances[2].text: required field is missing",
                                            "utterances[3]: expected an object with speaker,"
                                                    + " start, end and text, got a string of 4"
                                                    + " characters");
                            assertThat(te.getMessage()).startsWith("call.json: 7 problems:");
                        });
    }

    @Test
    void refusesTimesBeyondADayWithTheFieldAndTheLimit() {
        assertThatThrownBy(
                        () ->
                                read(
                                        """
                                        {"call_id": "c", "utterances": [
                                          {"speaker": "agent", "start": 1, "end": 3e9, "text": "hi"}]}
                                        """))
                .isInstanceOf(TranscriptException.class)
                .hasMessage(
                        "call.json: utterances[0].end: 3.00000e+09 s is beyond the 86400 s (24.0"
                                + " h) a call may last (transcript.max-seconds)");
    }

    @Test
    void refusesLongTextLongWordsAndTooManyUtterancesWithoutQuotingThem() throws Exception {
        TranscriptReader small = new TranscriptReader(new TranscriptReader.Limits(60, 40, 8, 2));
        String card = "4111111111111111";
        assertThatThrownBy(
                        () ->
                                small.read(
                                        "c.json",
                                        ("""
                                        {"call_id": "c", "utterances": [
                                          {"speaker": "agent", "start": 1, "end": 2, "text": "my card is %s"},
                                          {"speaker": "agent", "start": 2, "end": 3, "text": "%s"},
                                          {"speaker": "customer", "start": 3, "end": 4, "text": "ok",
                                           "words": [{"w": "%s", "start": 3, "end": 4, "conf": 1}]}
                                        ]}
                                        """
                                                        .formatted(card, "x ".repeat(30), card))
                                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TranscriptException.class)
                .satisfies(
                        e -> {
                            TranscriptException te = (TranscriptException) e;
                            assertThat(te.problems())
                                    .containsExactly(
                                            "utterances: 3 utterances; at most 2 per call are"
                                                    + " accepted (transcript.max-utterances)",
                                            "utterances[0].text: a word of 16 characters; at most 8"
                                                    + " are accepted (transcript.max-word-chars)",
                                            "utterances[1].text: 60 characters; at most 40 per"
                                                    + " utterance are accepted"
                                                    + " (transcript.max-utterance-chars); split"
                                                    + " long speech into utterances at its pauses");
                            assertThat(te.getMessage()).doesNotContain(card);
                        });
        assertThatThrownBy(
                        () ->
                                small.read(
                                        "w.json",
                                        ("{\"call_id\": \"c\", \"utterances\": [{\"speaker\":"
                                                        + " \"agent\", \"start\": 1, \"end\": 2,"
                                                        + " \"text\": \"ok\", \"words\": [{\"w\":"
                                                        + " \""
                                                        + card
                                                        + "\", \"start\": 1, \"end\": 2, \"conf\":"
                                                        + " 1}]}]}")
                                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TranscriptException.class)
                .hasMessage(
                        "w.json: utterances[0].words[0].w: a word of 16 characters; at most 8 are"
                                + " accepted (transcript.max-word-chars)");
    }

    @Test
    void aRejectionListsTheFirstTwentyProblemsAndCountsTheRest() {
        String broken =
                "{\"speaker\": \"agent\", \"start\": 2, \"end\": 1, \"text\": \"x\"},".repeat(50);
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"call_id\": \"c\", \"utterances\": ["
                                                + broken.substring(0, broken.length() - 1)
                                                + "]}"))
                .isInstanceOf(TranscriptException.class)
                .satisfies(
                        e -> {
                            List<String> problems = ((TranscriptException) e).problems();
                            assertThat(problems).hasSize(21);
                            assertThat(problems.get(0))
                                    .isEqualTo("utterances[0].end: 1.00 is before start 2.00");
                            assertThat(problems.get(20)).isEqualTo("... and 30 more problems");
                        });
    }

    @Test
    void refusesAnAgentIdTooLongToIndex() {
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"call_id\": \"c\", \"agent_id\": \""
                                                + "x".repeat(60_000)
                                                + "\", \"utterances\": []}"))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("call.json: agent_id: 60000 characters; at most 128 are accepted");
    }

    @Test
    void syntaxErrorsDoNotQuoteTheInput() {
        assertThatThrownBy(() -> read("{\"call_id\": 4111111111111111x}"))
                .isInstanceOf(TranscriptException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4111111111111111"));
        assertThatThrownBy(() -> read("{\"call_id\": card4111111111111111}"))
                .isInstanceOf(TranscriptException.class)
                .satisfies(
                        e ->
                                assertThat(e.getMessage())
                                        .doesNotContain("4111111111111111")
                                        .contains("a token of"));
    }

    @Test
    void namesLineAndColumnOfASyntaxError() {
        assertThatThrownBy(() -> read("{\"call_id\": \"c\",\n \"utterances\": [,]}"))
                .isInstanceOf(TranscriptException.class)
                .hasMessageStartingWith("call.json: not valid JSON at line 2, column");
    }

    @Test
    void aTruncatedFileNamesWhereItEndsWithoutParserInternals() {
        assertThatThrownBy(() -> read("{\"call_id\": \"broken\"\n"))
                .hasMessage(
                        "call.json: not valid JSON at line 2, column 1: Unexpected end-of-input:"
                                + " expected close marker for Object");
    }

    @Test
    void refusesEmptyInputAndNonObjects() {
        assertThatThrownBy(() -> read(""))
                .hasMessage("call.json: empty input; expected a JSON object");
        assertThatThrownBy(() -> read("[1, 2]"))
                .hasMessage("call.json: expected a JSON object at the top level, got an array");
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> reader.read(missing))
                .hasMessage(missing + ": file does not exist");
    }

    @Test
    void readsAFileFromDisk(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(
                f,
                "{\"call_id\":\"c\",\"utterances\":[{\"speaker\":\"agent\",\"start\":0,"
                        + "\"end\":1.5,\"text\":\"배송 조회\"}]}",
                StandardCharsets.UTF_8);
        CallTranscript t = reader.read(f);
        assertThat(t.utterances()).singleElement().extracting(Utterance::text).isEqualTo("배송 조회");
        assertThat(t.utterances().get(0).duration()).isEqualTo(1.5);
    }
}
