package io.callqa.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
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
            assertThat(out).hasSize(18);
            return out.stream();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
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
                                                u.text()
                                                        .toLowerCase(Locale.ROOT)
                                                        .replaceAll("[^\\p{L}\\p{N}' ]", " ")
                                                        .replaceAll(" +", " ")
                                                        .strip()))
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
        assertThat(new TreeSet<>(a.alerts().stream().map(Alert::type).toList()))
                .as("%s", sidecar.getFileName())
                .isEqualTo(new TreeSet<>(strings(truth.get("expected_alerts"))));
        // Everything the analysis holds (the documents are written from it alone).
        String output = a.toString();
        for (JsonNode pii : truth.get("pii_spoken")) {
            int u = pii.get("utterance").asInt();
            assertThat(a.pii()).anyMatch(f -> f.utterance() == u && f.type().id().equals("card"));
            assertThat(a.call().utterances().get(u).text()).contains("[CARD]");
            assertThat(output).doesNotContain(pii.get("value").asText());
        }
    }
}
