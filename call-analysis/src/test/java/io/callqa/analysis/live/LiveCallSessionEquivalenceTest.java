package io.callqa.analysis.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.rules.eval.RecognizerVariants;
import io.callqa.rules.pack.Rule;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The session settles the same alerts, at the same utterance, with the same id, utterance, time,
 * message and text, as analysing the whole call so far on every utterance did. Over the 20 samples
 * and the dev and test evaluation calls, English and Korean, as written and recognizer-style (no
 * word errors, and 25%), with a synthetic agitated voice on every fifth customer utterance and with
 * every rule of the bundled packs made to alert (so that the reaction rule, which raises no alert
 * in the bundled packs, is compared too).
 */
class LiveCallSessionEquivalenceTest {

    private static final Path SAMPLES = Path.of("../samples");
    private static final Path EVAL =
            Path.of("../qa-rules/src/test/resources/io/callqa/rules/eval/calls");

    @Test
    void theSessionSettlesWhatRerunningTheWholeCallSettled() throws Exception {
        Map<String, RulePack> packs = new HashMap<>();
        Map<String, LivePack> live = new HashMap<>();
        for (String lang : List.of("en", "ko")) {
            RulePack p = everyRuleAlerts(new RulePackLoader().loadDefault(lang));
            packs.put(lang, p);
            live.put(lang, new LivePack(p));
        }
        List<CallTranscript> calls = new ArrayList<>();
        calls.addAll(read(SAMPLES));
        calls.addAll(read(EVAL.resolve("dev")));
        calls.addAll(read(EVAL.resolve("test")));
        assertThat(calls).hasSizeGreaterThanOrEqualTo(20 + 60);
        int compared = 0;
        int alerts = 0;
        List<String> differences = new ArrayList<>();
        Map<String, Integer> byLanguage = new HashMap<>();
        Map<String, Integer> byRule = new java.util.TreeMap<>();
        for (CallTranscript written : calls) {
            List<CallTranscript> variants =
                    List.of(
                            written,
                            RecognizerVariants.recognizer(written, 0),
                            RecognizerVariants.recognizer(written, 0.25));
            for (CallTranscript c : variants) {
                var voice = RerunPath.voice(c);
                List<String> want = RerunPath.rerun(packs.get(c.language()), c, voice);
                List<String> got = RerunPath.session(live.get(c.language()), c, voice, false);
                List<String> restored = RerunPath.session(live.get(c.language()), c, voice, true);
                compared++;
                alerts += want.size();
                for (String line : want) {
                    byRule.merge(line.split(" \\| ")[1].replaceAll("^[^:]*:", ""), 1, Integer::sum);
                }
                byLanguage.merge(c.language(), 1, Integer::sum);
                if (!got.equals(restored)) {
                    differences.add(c.callId() + " restored from snapshots:\n  " + restored);
                }
                if (!want.equals(got)) {
                    differences.add(
                            c.callId()
                                    + "\n  rerun:   "
                                    + String.join("\n           ", want)
                                    + "\n  session: "
                                    + String.join("\n           ", got));
                }
            }
        }
        System.out.printf(
                "live session equivalence: %d call variants (%s), %d settled alerts %s, %d"
                        + " differ%n",
                compared, byLanguage, alerts, byRule, differences.size());
        assertThat(byLanguage).containsKeys("en", "ko");
        assertThat(alerts).isGreaterThan(100);
        assertThat(differences).isEmpty();
    }

    static RulePack everyRuleAlerts(RulePack p) {
        List<Rule> rules = new ArrayList<>();
        for (Rule r : p.rules()) {
            rules.add(
                    r.alert().isPresent()
                            ? r
                            : new Rule(
                                    r.id(),
                                    r.type(),
                                    r.kind(),
                                    r.severity(),
                                    r.weight(),
                                    r.description(),
                                    Optional.of("quality"),
                                    r.fuzzyThreshold(),
                                    r.check()));
        }
        return new RulePack(
                p.id(),
                p.version(),
                p.language(),
                p.description(),
                p.matching(),
                p.agitation(),
                rules,
                p.variables());
    }

    static List<CallTranscript> read(Path dir) throws Exception {
        TranscriptReader reader = new TranscriptReader();
        List<CallTranscript> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(reader.read(f));
            }
        }
        return out;
    }
}
