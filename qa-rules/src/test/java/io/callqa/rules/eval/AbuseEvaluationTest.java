package io.callqa.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.rules.abuse.AbuseDetector;
import io.callqa.rules.abuse.AbuseFinding;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.TranscriptReader;
import io.callqa.rules.transcript.Utterance;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The abuse detector on whole calls written for it ({@code eval/abuse}, see its generator), per
 * language and per level (written, recognizer-style, 10% word errors): call and utterance precision
 * and recall, and how many angry-but-civil calls were flagged. The split was fixed before any
 * tuning; dev has bars, test is printed with loose floors only.
 *
 * <p>Recognizer-style variants re-cut and merge utterances, so a found utterance counts as right
 * when its time span overlaps a labelled abusive utterance of the written call.
 */
class AbuseEvaluationTest {

    private static final RecognizerStyle STYLE = RecognizerStyle.withCommonWords();
    private static final List<RecognizerStyle.Level> LEVELS =
            List.of(
                    RecognizerStyle.Level.CLEAN,
                    RecognizerStyle.Level.RECOGNIZER,
                    RecognizerStyle.Level.WER10);

    record Labelled(CallTranscript call, String cls, List<Utterance> abusive) {}

    record Figures(
            int calls,
            int tpCalls,
            int fpCalls,
            int fnCalls,
            int civil,
            int civilFlagged,
            int tpUtt,
            int fpUtt,
            int fnUtt) {

        double callPrecision() {
            return ratio(tpCalls, tpCalls + fpCalls);
        }

        double callRecall() {
            return ratio(tpCalls, tpCalls + fnCalls);
        }

        double uttPrecision() {
            return ratio(tpUtt, tpUtt + fpUtt);
        }

        double uttRecall() {
            return ratio(tpUtt, tpUtt + fnUtt);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1.0 : (double) a / b;
        }
    }

    private static List<Labelled> load(String split) throws Exception {
        Path dir = dir().resolve(split);
        List<Labelled> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                CallTranscript call = new TranscriptReader().read(p);
                JsonNode labels = json.readTree(p.toFile());
                List<Utterance> abusive = new ArrayList<>();
                labels.get("abusive_utterances")
                        .forEach(i -> abusive.add(call.utterances().get(i.asInt())));
                out.add(new Labelled(call, labels.get("abuse_class").asText(), abusive));
            }
        }
        return out;
    }

    private static Path dir() throws URISyntaxException {
        return Path.of(AbuseEvaluationTest.class.getResource("abuse/dev").toURI()).getParent();
    }

    static Figures evaluate(List<Labelled> calls, String lang, RecognizerStyle.Level level) {
        AbuseDetector detector = AbuseDetector.defaults();
        int n = 0, tpC = 0, fpC = 0, fnC = 0, civil = 0, civilF = 0, tpU = 0, fpU = 0, fnU = 0;
        for (Labelled l : calls) {
            if (!l.call().language().equals(lang)) {
                continue;
            }
            n++;
            CallTranscript heard = STYLE.apply(l.call(), level);
            List<Utterance> found = new ArrayList<>();
            List<Utterance> us = heard.utterances();
            for (int i = 0; i < us.size(); i++) {
                Utterance u = us.get(i);
                if (u.speaker() == Speaker.CUSTOMER) {
                    java.util.Optional<AbuseFinding> f =
                            detector.find(i, u.start(), u.text(), lang);
                    if (f.isPresent()) {
                        found.add(u);
                    }
                }
            }
            boolean truth = !l.abusive().isEmpty();
            boolean flagged = !found.isEmpty();
            if (truth && flagged) {
                tpC++;
            } else if (flagged) {
                fpC++;
            } else if (truth) {
                fnC++;
            }
            if (l.cls().equals("civil")) {
                civil++;
                if (flagged) {
                    civilF++;
                }
            }
            for (Utterance f : found) {
                if (l.abusive().stream().anyMatch(a -> overlaps(a, f))) {
                    tpU++;
                } else {
                    fpU++;
                }
            }
            for (Utterance a : l.abusive()) {
                if (found.stream().noneMatch(f -> overlaps(a, f))) {
                    fnU++;
                }
            }
        }
        return new Figures(n, tpC, fpC, fnC, civil, civilF, tpU, fpU, fnU);
    }

    private static boolean overlaps(Utterance a, Utterance b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private static Figures report(
            String split, String lang, RecognizerStyle.Level level, List<Labelled> calls) {
        Figures f = evaluate(calls, lang, level);
        System.out.printf(
                Locale.ROOT,
                "abuse %-4s %s %-10s calls %2d  call P %.3f R %.3f  utterance P %.3f R %.3f"
                        + "  civil flagged %d/%d (%.2f)%n",
                split,
                lang,
                level.id,
                f.calls(),
                f.callPrecision(),
                f.callRecall(),
                f.uttPrecision(),
                f.uttRecall(),
                f.civilFlagged(),
                f.civil(),
                f.civil() == 0 ? 0.0 : (double) f.civilFlagged() / f.civil());
        return f;
    }

    @Test
    void devMeetsTheBars() throws Exception {
        List<Labelled> dev = load("dev");
        for (String lang : List.of("en", "ko")) {
            for (RecognizerStyle.Level level : LEVELS) {
                Figures f = report("dev", lang, level, dev);
                assertThat(f.calls()).isGreaterThanOrEqualTo(lang.equals("en") ? 20 : 10);
                assertThat(f.civilFlagged())
                        .as("%s %s civil calls flagged", lang, level.id)
                        .isZero();
                if (level != RecognizerStyle.Level.WER10) {
                    assertThat(f.callPrecision())
                            .as("%s %s call precision", lang, level.id)
                            .isGreaterThanOrEqualTo(0.9);
                    assertThat(f.callRecall())
                            .as("%s %s call recall", lang, level.id)
                            .isGreaterThanOrEqualTo(0.8);
                    assertThat(f.uttPrecision())
                            .as("%s %s utterance precision", lang, level.id)
                            .isGreaterThanOrEqualTo(0.9);
                }
            }
        }
    }

    @Test
    void testSplitFigures() throws Exception {
        List<Labelled> test = load("test");
        for (String lang : List.of("en", "ko")) {
            for (RecognizerStyle.Level level : LEVELS) {
                Figures f = report("test", lang, level, test);
                if (level == RecognizerStyle.Level.CLEAN) {
                    assertThat(f.callPrecision())
                            .as("%s test call precision", lang)
                            .isGreaterThanOrEqualTo(0.7);
                    assertThat(f.callRecall())
                            .as("%s test call recall", lang)
                            .isGreaterThanOrEqualTo(0.7);
                }
            }
        }
    }
}
