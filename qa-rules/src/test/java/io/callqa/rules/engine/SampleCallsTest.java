package io.callqa.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.rules.abuse.AbuseDetector;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.TranscriptReader;
import io.callqa.rules.transcript.Utterance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample call, analysed with the default pack of its language, breaks exactly the rules its
 * ground truth lists. The ground truth is read only here, never by the code under test.
 */
class SampleCallsTest {

    private static final Path SAMPLES = Path.of("../samples");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> sidecars() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<Path> out =
                    files.filter(p -> p.getFileName().toString().endsWith(".json"))
                            .sorted()
                            .toList();
            assertThat(out).hasSize(20);
            return out.stream();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    /** Vosk prints lowercase words without punctuation; the rules must not rely on either. */
    private static String recognizerStyle(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}' ]", " ")
                .replaceAll(" +", " ")
                .strip();
    }

    private static CallAnalysis analyze(Path sidecar, CallSignals signals) throws Exception {
        CallTranscript call = new TranscriptReader().read(sidecar);
        CallAnalyzer analyzer = new CallAnalyzer(new RulePackLoader().loadDefault(call.language()));
        return analyzer.analyze(call, signals);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sidecars")
    void findsExactlyTheExpectedViolationsFromTheTranscriptAlone(Path sidecar) throws Exception {
        JsonNode truth = JSON.readTree(sidecar.toFile()).get("ground_truth");
        CallAnalysis a = analyze(sidecar, CallSignals.NONE);
        assertThat(a.violations())
                .as("%s: agitated %s", sidecar.getFileName(), a.agitated())
                .containsExactlyElementsOf(strings(truth.get("expected_violations")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sidecars")
    void findsTheSameWithProsodicAgitationFromAudioAnalysis(Path sidecar) throws Exception {
        // Stands in for the emotion audio analysis will provide: the utterances voiced angrily.
        JsonNode truth = JSON.readTree(sidecar.toFile()).get("ground_truth");
        Map<Integer, UtteranceEmotion> emotions = new HashMap<>();
        truth.get("angry_utterances")
                .forEach(n -> emotions.put(n.asInt(), new UtteranceEmotion(0.9)));
        CallAnalysis a = analyze(sidecar, CallSignals.NONE.withEmotions(emotions));
        assertThat(a.violations())
                .as("%s", sidecar.getFileName())
                .containsExactlyElementsOf(strings(truth.get("expected_violations")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sidecars")
    void findsTheSameInAsrStyleTextWithoutCaseOrPunctuation(Path sidecar) throws Exception {
        // Vosk prints lowercase words without punctuation; the rules must not rely on either.
        JsonNode truth = JSON.readTree(sidecar.toFile()).get("ground_truth");
        CallTranscript call = new TranscriptReader().read(sidecar);
        List<Utterance> plain =
                call.utterances().stream()
                        .map(
                                u ->
                                        new Utterance(
                                                u.speaker(),
                                                u.start(),
                                                u.end(),
                                                recognizerStyle(u.text())))
                        .toList();
        CallTranscript asr =
                new CallTranscript(
                        call.callId(),
                        call.language(),
                        call.startedAt(),
                        call.metadata(),
                        call.channels(),
                        plain,
                        call.extra());
        CallAnalysis a =
                new CallAnalyzer(new RulePackLoader().loadDefault(call.language())).analyze(asr);
        assertThat(a.violations())
                .as("%s", sidecar.getFileName())
                .containsExactlyElementsOf(strings(truth.get("expected_violations")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sidecars")
    void raisesTheExpectedAlertsAndRedactsSpokenCards(Path sidecar) throws Exception {
        JsonNode truth = JSON.readTree(sidecar.toFile()).get("ground_truth");
        CallAnalysis a = analyze(sidecar, CallSignals.NONE);
        // The abuse alert is raised beside the pack's alerts, from the abuse detector's findings
        // (call-analysis); the test below holds those findings to the ground truth.
        TreeSet<String> expected = new TreeSet<>(strings(truth.get("expected_alerts")));
        expected.remove("abuse");
        assertThat(new TreeSet<>(a.alerts().stream().map(Alert::type).toList()))
                .as("%s", sidecar.getFileName())
                .isEqualTo(expected);
        // Everything the analysis holds (the documents are written from it alone).
        String output = a.toString();
        for (JsonNode pii : truth.get("pii_spoken")) {
            int u = pii.get("utterance").asInt();
            assertThat(a.pii()).anyMatch(f -> f.utterance() == u && f.type().id().equals("card"));
            assertThat(a.call().utterances().get(u).text()).contains("[CARD]");
            assertThat(output).doesNotContain(pii.get("value").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sidecars")
    void findsAbuseInExactlyTheAbusiveCustomerUtterancesWrittenAndRecognizerStyle(Path sidecar)
            throws Exception {
        JsonNode truth = JSON.readTree(sidecar.toFile()).get("ground_truth");
        // Only calls written with abuse list abusive_utterances; in the others there is none.
        List<Integer> expected = ints(truth.path("abusive_utterances"));
        assertThat(expected.isEmpty())
                .as("%s lists abuse iff it expects the alert", sidecar.getFileName())
                .isEqualTo(!strings(truth.get("expected_alerts")).contains("abuse"));
        CallAnalysis a = analyze(sidecar, CallSignals.NONE);
        AbuseDetector detector = AbuseDetector.defaults();
        List<Integer> written = new ArrayList<>();
        List<Integer> recognized = new ArrayList<>();
        List<Utterance> us = a.call().utterances();
        for (int i = 0; i < us.size(); i++) {
            Utterance u = us.get(i);
            if (u.speaker() == Speaker.CUSTOMER) {
                String lang = a.call().language();
                if (detector.find(i, u.start(), u.text(), lang).isPresent()) {
                    written.add(i);
                }
                if (detector.find(i, u.start(), recognizerStyle(u.text()), lang).isPresent()) {
                    recognized.add(i);
                }
            }
        }
        assertThat(written).as("%s written", sidecar.getFileName()).isEqualTo(expected);
        assertThat(recognized).as("%s recognizer-style", sidecar.getFileName()).isEqualTo(expected);
    }
}
