package io.callqa.rules.acts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Agreement of the bundled act model with the dialogue-act labels of the Harper Valley Bank calls
 * (Gridspace, CC BY 4.0): real, unpunctuated banking calls, each utterance with a human transcript,
 * a recognizer transcript and labels such as {@code gridspace_greeting} and {@code
 * gridspace_closing}. The data was never trained or tuned on and is not in the repository; the test
 * runs where {@code ../shared/datasets} sits beside the clone, or where the system property {@code
 * callqa.datasets} names that directory.
 *
 * <p>Mapping: a greeting label is matched by a greeting or a self-introduction, a closing label by
 * an offer of further help or a farewell, bear-with-me by a hold request (reported only).
 *
 * <p>The transcripts mark non-speech as {@code [noise]} and unintelligible words as {@code <unk>};
 * these marks are removed, and utterances whose human transcript has no word left are left out
 * (many carry the act label the call script planned although nothing audible was said) and counted
 * in the report. Both transcripts are scored on the same utterances.
 */
class HarperValleyActsTest {

    private static final Path DATA =
            Path.of(System.getProperty("callqa.datasets", "../../shared/datasets"))
                    .resolve("harper-valley-subset");
    private static final double MIN_CONFIDENCE = 0.5;
    private static final Pattern MARKUP = Pattern.compile("\\[[^\\]]*]|<[^>]*>");

    /** One labelled act of the dataset and the acts that count as agreeing with it. */
    private record Mapping(String label, Set<DialogueAct> acts) {}

    private static final List<Mapping> MAPPINGS =
            List.of(
                    new Mapping(
                            "gridspace_greeting",
                            Set.of(DialogueAct.GREETING, DialogueAct.SELF_INTRODUCTION)),
                    new Mapping(
                            "gridspace_closing",
                            Set.of(DialogueAct.OFFER_HELP, DialogueAct.FAREWELL)),
                    new Mapping("gridspace_bear_with_me", Set.of(DialogueAct.HOLD_REQUEST)));

    /** Counts for one mapping and one transcript kind. */
    private static final class Agreement {
        long truePositives;
        long falsePositives;
        long falseNegatives;

        double recall() {
            long n = truePositives + falseNegatives;
            return n == 0 ? 1 : (double) truePositives / n;
        }

        double precision() {
            long n = truePositives + falsePositives;
            return n == 0 ? 1 : (double) truePositives / n;
        }
    }

    @Test
    void greetingAndClosingAgreeWithTheHumanLabels() throws IOException {
        Assumptions.assumeTrue(
                Files.isDirectory(DATA.resolve("transcript")),
                "Harper Valley data not found at "
                        + DATA.toAbsolutePath().normalize()
                        + " (shared datasets are not part of the repository; set -Dcallqa.datasets"
                        + " to their directory)");
        DialogueActClassifier model = DialogueActClassifier.defaults();
        List<JsonNode> all = utterances();
        List<JsonNode> utterances =
                all.stream().filter(u -> !speech(u.path("human_transcript")).isBlank()).toList();
        assertThat(utterances).hasSizeGreaterThan(150);
        Agreement[][] agreement = new Agreement[2][MAPPINGS.size()];
        for (Agreement[] row : agreement) {
            for (int m = 0; m < row.length; m++) {
                row[m] = new Agreement();
            }
        }
        String[] kinds = {"human_transcript", "transcript"};
        for (JsonNode u : utterances) {
            Set<String> labels = new java.util.HashSet<>();
            u.path("dialog_acts").forEach(a -> labels.add(a.asText()));
            for (int k = 0; k < kinds.length; k++) {
                String text = speech(u.path(kinds[k]));
                List<DialogueAct> predicted =
                        text.isBlank()
                                ? List.of()
                                : model.classify(text, "en").acts(MIN_CONFIDENCE);
                for (int m = 0; m < MAPPINGS.size(); m++) {
                    boolean gold = labels.contains(MAPPINGS.get(m).label());
                    boolean hit = predicted.stream().anyMatch(MAPPINGS.get(m).acts()::contains);
                    Agreement a = agreement[k][m];
                    if (gold && hit) {
                        a.truePositives++;
                    } else if (gold) {
                        a.falseNegatives++;
                    } else if (hit) {
                        a.falsePositives++;
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Harper Valley acts, %d utterances with speech (%d without left out):%n",
                utterances.size(),
                all.size() - utterances.size());
        for (int k = 0; k < kinds.length; k++) {
            for (int m = 0; m < MAPPINGS.size(); m++) {
                Agreement a = agreement[k][m];
                System.out.printf(
                        Locale.ROOT,
                        "  %-17s %-23s n=%3d recall=%.3f precision=%.3f%n",
                        kinds[k].equals("transcript") ? "asr" : "human",
                        MAPPINGS.get(m).label(),
                        a.truePositives + a.falseNegatives,
                        a.recall(),
                        a.precision());
            }
        }
        assertThat(agreement[0][0].recall())
                .as("greeting recall, human")
                .isGreaterThanOrEqualTo(0.85);
        assertThat(agreement[0][1].recall())
                .as("closing recall, human")
                .isGreaterThanOrEqualTo(0.85);
    }

    private static String speech(JsonNode transcript) {
        return MARKUP.matcher(transcript.asText("")).replaceAll(" ").strip();
    }

    private static List<JsonNode> utterances() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (Path dir :
                List.of(DATA.resolve("transcript"), DATA.resolve("extra_over_1MB/transcript"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    json.readTree(f.toFile()).forEach(out::add);
                }
            }
        }
        return out;
    }
}
