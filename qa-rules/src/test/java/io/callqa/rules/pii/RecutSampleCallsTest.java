package io.callqa.rules.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.rules.engine.CallAnalysis;
import io.callqa.rules.engine.CallAnalyzer;
import io.callqa.rules.engine.RuleResult;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptReader;
import io.callqa.rules.transcript.Utterance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample calls as a recognizer would give them: lower case, no punctuation, digits as words,
 * and every utterance re-cut into pieces of three words, as at pauses. Spoken cards must still be
 * redacted and still fail {@code pii-spoken} exactly where the ground truth says; no long digit run
 * may stay readable. The ground truth is read only here.
 */
class RecutSampleCallsTest {

    private static final Path SAMPLES = Path.of("../samples");
    private static final String[] EN =
            "zero one two three four five six seven eight nine".split(" ");

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

    /** Recognizer-style text: lower case, no punctuation, ASCII digits said one by one. */
    static String recognizerStyle(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= '0' && c <= '9') {
                sb.append(' ').append(EN[c - '0']).append(' ');
            } else if (Character.isLetter(c) || Character.isWhitespace(c) || c == '\'') {
                sb.append(c == '\'' ? "" : String.valueOf(c));
            } else {
                sb.append(' ');
            }
        }
        return sb.toString().trim().replaceAll("\\s+", " ");
    }

    static CallTranscript recut(CallTranscript call) {
        List<Utterance> out = new ArrayList<>();
        for (Utterance u : call.utterances()) {
            String[] w = recognizerStyle(u.text()).split(" ");
            int pieces = Math.max(1, (w.length + 2) / 3);
            double step = u.duration() / pieces;
            for (int p = 0; p < pieces; p++) {
                String text =
                        String.join(" ", List.of(w).subList(3 * p, Math.min(w.length, 3 * p + 3)));
                out.add(
                        new Utterance(
                                u.speaker(),
                                u.start() + p * step,
                                u.start() + (p + 1) * step,
                                text));
            }
        }
        return new CallTranscript(
                call.callId(),
                call.language(),
                call.startedAt(),
                call.metadata(),
                call.channels(),
                out,
                call.extra());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sidecars")
    void spokenCardsAreRedactedAndFailPiiSpokenOnlyWhereExpected(Path sidecar) throws Exception {
        JsonNode truth = new ObjectMapper().readTree(sidecar.toFile()).get("ground_truth");
        boolean expected = false;
        for (JsonNode v : truth.path("expected_violations")) {
            expected |= v.asText().equals("pii-spoken");
        }
        CallTranscript call = recut(new TranscriptReader().read(sidecar));
        CallAnalysis a =
                new CallAnalyzer(new RulePackLoader().loadDefault(call.language())).analyze(call);
        RuleResult pii =
                a.results().stream()
                        .filter(r -> r.rule().id().equals("pii-spoken"))
                        .findFirst()
                        .orElseThrow();
        assertThat(pii.failed()).as(sidecar + ": pii-spoken failed").isEqualTo(expected);
        String text =
                String.join(" ", a.call().utterances().stream().map(Utterance::text).toList());
        for (String run : PiiBatteryTest.readable(text.toLowerCase(Locale.ROOT), false)) {
            assertThat(run.length()).as(sidecar + ": readable digits " + run).isLessThan(13);
        }
    }
}
