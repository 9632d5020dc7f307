package io.callqa.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callqa.rules.abuse.AbuseDetector;
import io.callqa.rules.abuse.AbuseFinding;
import io.callqa.rules.eval.RecognizerStyle.Level;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptReader;
import io.callqa.rules.transcript.Utterance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How well {@link AbuseDetector#defaults()} finds abuse in whole calls it was not written from:
 * abusive calls, angry but civil ones and ordinary ones, English and Korean, in many kinds of
 * business ({@code src/test/resources/io/callqa/rules/abuse/calls/}, written by {@code
 * generate_calls.py} there), as written and recognizer-style ({@link RecognizerStyle}: recognizer
 * text, 10% and 25% word errors). The labels (which utterances are abuse, of what kind) are read
 * only here.
 *
 * <p>Per language, split and level it prints call-level precision and recall (a call is flagged
 * when anything in it is), the angry-but-civil and ordinary calls flagged, and utterance-level
 * precision and recall: a finding is right when its utterance overlaps in time an utterance
 * labelled abusive (recognizer text re-cuts utterances), and a labelled utterance is found when a
 * finding overlaps it. It asserts the bars below on the test split. With {@code
 * -Dcallqa.abuse.split=dev} it runs only the dev split, prints its misses for tuning and asserts
 * nothing; adding {@code -Dcallqa.abuse.thresholds=0.8/0.5,0.9/0.5} prints the dev figures for each
 * pair of thresholds instead. The report also goes to {@code
 * target/callqa-eval/abuse-evaluation-*.txt}.
 */
class AbuseEvaluationTest {

    static final Path ROOT = Path.of("src/test/resources/io/callqa/rules/abuse/calls");

    private static final List<Level> LEVELS =
            List.of(Level.CLEAN, Level.RECOGNIZER, Level.WER10, Level.WER25);

    /**
     * The bars, per language, on the test split; chosen before the test split was first run.
     * Recognizer errors at 10% are allowed to lose a few abusive utterances, never to flag civil
     * calls.
     */
    private static final List<Bar> BARS =
            List.of(
                    new Bar("call precision", Level.CLEAN, 0.90, Figures::callPrecision),
                    new Bar("call recall", Level.CLEAN, 0.85, Figures::callRecall),
                    new Bar("civil calls not flagged", Level.CLEAN, 0.95, Figures::civilClear),
                    new Bar("utterance precision", Level.CLEAN, 0.85, Figures::utterancePrecision),
                    new Bar("utterance recall", Level.CLEAN, 0.80, Figures::utteranceRecall),
                    new Bar("call precision", Level.RECOGNIZER, 0.90, Figures::callPrecision),
                    new Bar("call recall", Level.RECOGNIZER, 0.85, Figures::callRecall),
                    new Bar("civil calls not flagged", Level.RECOGNIZER, 0.95, Figures::civilClear),
                    new Bar(
                            "utterance precision",
                            Level.RECOGNIZER,
                            0.85,
                            Figures::utterancePrecision),
                    new Bar("utterance recall", Level.RECOGNIZER, 0.80, Figures::utteranceRecall),
                    new Bar("call precision", Level.WER10, 0.85, Figures::callPrecision),
                    new Bar("call recall", Level.WER10, 0.75, Figures::callRecall),
                    new Bar("civil calls not flagged", Level.WER10, 0.90, Figures::civilClear));

    private record Bar(
            String what,
            Level level,
            double min,
            java.util.function.ToDoubleFunction<Figures> of) {}

    /** A call of the evaluation set and its labels. */
    record LabelledCall(String split, CallTranscript call, String group, List<Labelled> abusive) {}

    /** An utterance labelled abusive: its time span and kind. */
    record Labelled(double start, double end, String kind) {}

    /** Counts for one language, split and level. */
    static final class Figures {
        int abusiveCalls;
        int abusiveFlagged;
        int otherFlagged;
        int civilCalls;
        int civilFlagged;
        int ordinaryCalls;
        int ordinaryFlagged;
        int labelled;
        int labelledFound;
        int findings;
        int findingsRight;
        int kindRight;

        double callPrecision() {
            int flagged = abusiveFlagged + otherFlagged;
            return flagged == 0 ? 1 : abusiveFlagged / (double) flagged;
        }

        double callRecall() {
            return abusiveCalls == 0 ? 1 : abusiveFlagged / (double) abusiveCalls;
        }

        double civilClear() {
            return civilCalls == 0 ? 1 : 1 - civilFlagged / (double) civilCalls;
        }

        double utterancePrecision() {
            return findings == 0 ? 1 : findingsRight / (double) findings;
        }

        double utteranceRecall() {
            return labelled == 0 ? 1 : labelledFound / (double) labelled;
        }
    }

    @Test
    void abuseFiguresPerLanguageSplitAndLevel() throws IOException {
        String only = System.getProperty("callqa.abuse.split", "").strip();
        if (!only.isEmpty() && !only.equals("dev") && !only.equals("test")) {
            throw new IllegalArgumentException(
                    "callqa.abuse.split: expected dev or test, got '" + only + "'");
        }
        List<String> splits = only.isEmpty() ? List.of("dev", "test") : List.of(only);
        if (only.equals("dev") && !System.getProperty("callqa.abuse.thresholds", "").isBlank()) {
            sweep(System.getProperty("callqa.abuse.thresholds"));
            return;
        }
        AbuseDetector detector = AbuseDetector.defaults();
        RecognizerStyle style = RecognizerStyle.withCommonWords();
        StringBuilder report = new StringBuilder();
        StringBuilder misses = new StringBuilder();
        List<String> failed = new ArrayList<>();
        for (String split : splits) {
            List<LabelledCall> calls = load(split);
            assertThat(calls).as("calls in %s", ROOT.resolve(split)).isNotEmpty();
            report.append(
                    String.format(
                            Locale.ROOT,
                            "%nabuse evaluation, %s split (%d calls)%n"
                                    + "lang level       calls abusive P / R      civil flagged"
                                    + "  ordinary flagged  utterances P / R (found of labelled)"
                                    + "  kind right%n",
                            split,
                            calls.size()));
            for (String lang : List.of("en", "ko")) {
                for (Level level : LEVELS) {
                    Figures f = new Figures();
                    for (LabelledCall c : calls) {
                        if (c.call().language().equals(lang)) {
                            score(c, style.apply(c.call(), level), detector, f, level, misses);
                        }
                    }
                    report.append(row(lang, level, f));
                    if (split.equals("test") && only.isEmpty()) {
                        for (Bar b : BARS) {
                            if (b.level() == level && b.of().applyAsDouble(f) < b.min()) {
                                failed.add(
                                        String.format(
                                                Locale.ROOT,
                                                "%s %s %s %.3f < %.2f",
                                                lang,
                                                level.id,
                                                b.what(),
                                                b.of().applyAsDouble(f),
                                                b.min()));
                            }
                        }
                    }
                }
            }
        }
        if (only.equals("dev")) {
            report.append("\nmisses (dev):\n").append(misses);
        }
        System.out.print(report);
        Path out = Path.of("target/callqa-eval");
        Files.createDirectories(out);
        Files.writeString(
                out.resolve("abuse-evaluation-" + (only.isEmpty() ? "all" : only) + ".txt"),
                report,
                StandardCharsets.UTF_8);
        assertThat(failed).as("bars missed on the test split").isEmpty();
    }

    /**
     * For tuning on dev only: {@code -Dcallqa.abuse.thresholds=0.8/0.5,0.9/0.5} prints the dev
     * figures for each pair of thresholds (classifier alone / with a weak term).
     */
    private static void sweep(String pairs) {
        RecognizerStyle style = RecognizerStyle.withCommonWords();
        List<LabelledCall> calls = load("dev");
        StringBuilder report = new StringBuilder("\nthreshold sweep, dev split\n");
        for (String pair : pairs.split(",")) {
            String[] t = pair.strip().split("/");
            AbuseDetector d =
                    AbuseDetector.defaults()
                            .withThresholds(Double.parseDouble(t[0]), Double.parseDouble(t[1]));
            report.append("thresholds ").append(pair.strip()).append('\n');
            for (String lang : List.of("en", "ko")) {
                for (Level level : LEVELS) {
                    Figures f = new Figures();
                    for (LabelledCall c : calls) {
                        if (c.call().language().equals(lang)) {
                            score(
                                    c,
                                    style.apply(c.call(), level),
                                    d,
                                    f,
                                    level,
                                    new StringBuilder());
                        }
                    }
                    report.append(row(lang, level, f));
                }
            }
        }
        System.out.print(report);
        try {
            Path out = Path.of("target/callqa-eval");
            Files.createDirectories(out);
            Files.writeString(out.resolve("abuse-threshold-sweep-dev.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void score(
            LabelledCall c,
            CallTranscript call,
            AbuseDetector detector,
            Figures f,
            Level level,
            StringBuilder misses) {
        List<AbuseFinding> findings = detector.detect(call);
        List<Utterance> us = call.utterances();
        boolean flagged = !findings.isEmpty();
        switch (c.group()) {
            case "abusive" -> {
                f.abusiveCalls++;
                f.abusiveFlagged += flagged ? 1 : 0;
            }
            case "civil" -> {
                f.civilCalls++;
                f.civilFlagged += flagged ? 1 : 0;
                f.otherFlagged += flagged ? 1 : 0;
            }
            default -> {
                f.ordinaryCalls++;
                f.ordinaryFlagged += flagged ? 1 : 0;
                f.otherFlagged += flagged ? 1 : 0;
            }
        }
        boolean[] found = new boolean[c.abusive().size()];
        for (AbuseFinding finding : findings) {
            Utterance u = us.get(finding.utterance());
            f.findings++;
            boolean right = false;
            for (int i = 0; i < c.abusive().size(); i++) {
                Labelled l = c.abusive().get(i);
                if (overlaps(u, l)) {
                    right = true;
                    if (!found[i]) {
                        found[i] = true;
                        f.kindRight += finding.kind().id().equals(l.kind()) ? 1 : 0;
                    }
                }
            }
            f.findingsRight += right ? 1 : 0;
            if (!right) {
                misses.append(
                        String.format(
                                Locale.ROOT,
                                "  false alarm  %s %-10s %s %.2f %s: %s%n",
                                c.call().callId(),
                                level.id,
                                finding.kind().id(),
                                finding.confidence(),
                                finding.evidence(),
                                u.text()));
            }
        }
        for (int i = 0; i < found.length; i++) {
            f.labelled++;
            if (found[i]) {
                f.labelledFound++;
            } else {
                Labelled l = c.abusive().get(i);
                StringBuilder text = new StringBuilder();
                for (Utterance u : us) {
                    if (overlaps(u, l)) {
                        text.append(text.isEmpty() ? "" : " | ").append(u.text());
                    }
                }
                misses.append(
                        String.format(
                                Locale.ROOT,
                                "  missed       %s %-10s %s: %s%n",
                                c.call().callId(),
                                level.id,
                                l.kind(),
                                text));
            }
        }
    }

    private static boolean overlaps(Utterance u, Labelled l) {
        return Math.min(u.end(), l.end()) - Math.max(u.start(), l.start()) > 0.05;
    }

    private static String row(String lang, Level level, Figures f) {
        return String.format(
                Locale.ROOT,
                "%-4s %-11s %2d of %2d  %.3f / %.3f   %d of %2d        %d of %2d"
                        + "            %.3f / %.3f (%d of %d)            %d of %d%n",
                lang,
                level.id,
                f.abusiveFlagged + f.otherFlagged,
                f.abusiveCalls + f.civilCalls + f.ordinaryCalls,
                f.callPrecision(),
                f.callRecall(),
                f.civilFlagged,
                f.civilCalls,
                f.ordinaryFlagged,
                f.ordinaryCalls,
                f.utterancePrecision(),
                f.utteranceRecall(),
                f.labelledFound,
                f.labelled,
                f.kindRight,
                f.labelledFound);
    }

    /** Every call of one split, sorted by file name, with its labels. */
    static List<LabelledCall> load(String split) {
        Path dir = ROOT.resolve(split);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list the abuse evaluation calls", e);
        }
        TranscriptReader reader = new TranscriptReader();
        List<LabelledCall> out = new ArrayList<>();
        for (Path file : files) {
            try {
                CallTranscript call = reader.read(file);
                JsonNode truth = call.extra().get("ground_truth");
                if (truth == null || !truth.isObject()) {
                    throw new IllegalArgumentException("no ground_truth object");
                }
                List<Labelled> abusive = new ArrayList<>();
                for (JsonNode a : truth.path("abusive_utterances")) {
                    Utterance u = call.utterances().get(a.path("index").asInt());
                    abusive.add(new Labelled(u.start(), u.end(), a.path("kind").asText()));
                }
                out.add(new LabelledCall(split, call, truth.path("group").asText(), abusive));
            } catch (Exception e) {
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
