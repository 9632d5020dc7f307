package io.callqa.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.rules.classify.CallClassifier;
import io.callqa.rules.engine.CallAnalysis;
import io.callqa.rules.engine.CallAnalyzer;
import io.callqa.rules.engine.RuleResult;
import io.callqa.rules.eval.EvalCorpus.LabelledCall;
import io.callqa.rules.eval.RecognizerStyle.Level;
import io.callqa.rules.pack.RulePackLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * How well the default rule packs and the call classifier do on calls they were not written from,
 * at four levels of text (clean, recognizer-style, 10% and 25% word errors), in English and Korean.
 * Every call of the evaluation corpus is analysed with the production code: {@link CallAnalyzer}
 * with the default pack of its language, and the default {@link CallClassifier} on the analysed
 * (redacted) call, as the job's document builder does. The labels are read only here.
 *
 * <p>It prints per split a table of figures and asserts the acceptance bars on the test split. With
 * {@code -Dcallqa.eval.split=dev} (or {@code tune}, the classifier's tuning calls, which the
 * default run leaves out) it runs only that split, prints its misses for tuning, and asserts
 * nothing. The report also goes to {@code target/callqa-eval/}.
 */
class RuleEvaluationTest {

    /**
     * The acceptance bars on the test split (issue #13): {@code target} is the bar; {@code
     * guard} is what this build must hold. They are equal except where the target is not reached
     * yet: there the guard keeps today's figure from regressing, and the report names the target as
     * missed (category accuracy: see the README, "Evaluation on calls we did not write").
     */
    private static final List<Bar> BARS =
            List.of(
                    new Bar("right (call, rule) verdicts", Level.CLEAN, 0.97, Figures::verdicts),
                    new Bar(
                            "right (call, rule) verdicts",
                            Level.RECOGNIZER,
                            0.95,
                            Figures::verdicts),
                    new Bar("right (call, rule) verdicts", Level.WER10, 0.90, Figures::verdicts),
                    new Bar("right (call, rule) verdicts", Level.WER25, 0.80, Figures::verdicts),
                    new Bar("category accuracy", Level.CLEAN, 0.95, 0.75, Figures::category),
                    new Bar("category accuracy", Level.WER10, 0.90, 0.75, Figures::category),
                    new Bar("escalation recall", Level.WER10, 0.95, Figures::escalationRecall));

    private static final String ESCALATION = "escalation-request";

    private record Bar(
            String what,
            Level level,
            double target,
            double guard,
            java.util.function.ToDoubleFunction<Figures> value) {

        /** A bar that this build must meet in full. */
        Bar(
                String what,
                Level level,
                double target,
                java.util.function.ToDoubleFunction<Figures> value) {
            this(what, level, target, target, value);
        }
    }

    /** What the production code said about one call at one level. */
    private record Verdict(
            LabelledCall call,
            Level level,
            List<String> rules,
            Map<String, String> outcomes,
            Set<String> failed,
            String category) {

        boolean right(String rule) {
            return failed.contains(rule) == call.labels().expectedViolations().contains(rule);
        }
    }

    @Test
    void defaultPacksOnTheEvaluationCorpus() throws Exception {
        String only = EvalCorpus.requestedSplit();
        List<String> splits = EvalCorpus.splitsToRun(only);
        RecognizerStyle style = RecognizerStyle.withCommonWords();
        RulePackLoader loader = new RulePackLoader();
        Map<String, CallAnalyzer> analyzers = new HashMap<>();
        for (String lang : List.of("en", "ko")) {
            analyzers.put(lang, new CallAnalyzer(loader.loadDefault(lang)));
        }
        CallClassifier classifier = CallClassifier.defaultModel();

        StringBuilder report = new StringBuilder();
        List<String> missed = new ArrayList<>();
        boolean asserting = false;
        for (String split : splits) {
            List<LabelledCall> calls = EvalCorpus.load(split);
            assertThat(calls).as("calls in %s", EvalCorpus.ROOT.resolve(split)).isNotEmpty();
            List<Verdict> verdicts = new ArrayList<>();
            for (LabelledCall c : calls) {
                CallAnalyzer analyzer = analyzers.get(c.language());
                for (Level level : Level.values()) {
                    CallAnalysis a = analyzer.analyze(style.apply(c.call(), level));
                    verdicts.add(verdict(c, level, a, classifier.classify(a.call()).label()));
                }
            }
            report.append(table(split, calls, verdicts));
            if (!split.equals("test")) {
                report.append(misses(split, verdicts));
            } else {
                asserting = !only.equals("dev");
                Map<Level, Figures> all = new LinkedHashMap<>();
                for (Level level : Level.values()) {
                    all.put(level, Figures.of(verdicts, v -> v.level() == level));
                }
                StringBuilder targets = new StringBuilder();
                for (Bar bar : BARS) {
                    double got = bar.value().applyAsDouble(all.get(bar.level()));
                    if (!(got >= bar.guard())) {
                        missed.add(
                                String.format(
                                        Locale.ROOT,
                                        "%s at %s: %s, needs at least %s",
                                        bar.what(),
                                        bar.level().id,
                                        pct(got),
                                        pct(bar.guard())));
                    }
                    targets.append(
                            String.format(
                                    Locale.ROOT,
                                    "  %-28s %-10s %7s  target %5s  %s%n",
                                    bar.what(),
                                    bar.level().id,
                                    pct(got),
                                    pct(bar.target()),
                                    got >= bar.target() ? "met" : "NOT MET"));
                }
                report.append("issue #13 acceptance bars, test split:")
                        .append(System.lineSeparator())
                        .append(targets);
            }
        }
        String text = report.toString();
        System.out.print(text);
        Path out =
                Path.of(
                        "target/callqa-eval/rule-evaluation-"
                                + (only.isEmpty() ? "all" : only)
                                + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        if (asserting) {
            assertThat(missed)
                    .as(
                            "acceptance bars missed on the test split (figures above and in %s):%n "
                                    + " %s%n",
                            out, String.join(System.lineSeparator() + "  ", missed))
                    .isEmpty();
        }
    }

    private static Verdict verdict(LabelledCall c, Level level, CallAnalysis a, String category) {
        List<String> rules = new ArrayList<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        for (RuleResult r : a.results()) {
            rules.add(r.rule().id());
            outcomes.put(r.rule().id(), r.outcome().name());
            if (r.failed()) {
                failed.add(r.rule().id());
            }
        }
        for (String expected : c.labels().expectedViolations()) {
            if (!rules.contains(expected)) {
                throw new IllegalStateException(
                        c.id()
                                + ": expected violation '"
                                + expected
                                + "' is not a rule of pack "
                                + a.pack().id()
                                + " "
                                + rules);
            }
        }
        return new Verdict(c, level, rules, outcomes, failed, category);
    }

    /** Counts over a set of verdicts. */
    private record Figures(
            int calls,
            int verdictsRight,
            int verdictsAll,
            int exact,
            int categoryRight,
            int escalationsFound,
            int escalations,
            Map<String, int[]> perRule) {

        static Figures of(List<Verdict> verdicts, Predicate<Verdict> which) {
            int calls = 0, right = 0, all = 0, exact = 0, cat = 0, escFound = 0, esc = 0;
            Map<String, int[]> perRule = new LinkedHashMap<>();
            for (Verdict v : verdicts) {
                if (!which.test(v)) {
                    continue;
                }
                calls++;
                Set<String> expected = v.call().labels().expectedViolations();
                boolean allRight = true;
                for (String rule : v.rules()) {
                    int[] c = perRule.computeIfAbsent(rule, r -> new int[3]);
                    boolean p = v.failed().contains(rule);
                    boolean e = expected.contains(rule);
                    c[0] += p && e ? 1 : 0;
                    c[1] += p && !e ? 1 : 0;
                    c[2] += !p && e ? 1 : 0;
                    all++;
                    if (p == e) {
                        right++;
                    } else {
                        allRight = false;
                    }
                }
                exact += allRight ? 1 : 0;
                cat += v.category().equals(v.call().labels().category()) ? 1 : 0;
                if (v.call().labels().escalationRequested()) {
                    esc++;
                    escFound += v.failed().contains(ESCALATION) ? 1 : 0;
                }
            }
            return new Figures(calls, right, all, exact, cat, escFound, esc, perRule);
        }

        double verdicts() {
            return ratio(verdictsRight, verdictsAll);
        }

        double exactShare() {
            return ratio(exact, calls);
        }

        double category() {
            return ratio(categoryRight, calls);
        }

        double escalationRecall() {
            return ratio(escalationsFound, escalations);
        }

        String precisionRecall(String rule) {
            int[] c = perRule.getOrDefault(rule, new int[3]);
            String p =
                    c[0] + c[1] == 0
                            ? "  - "
                            : String.format(Locale.ROOT, "%.2f", ratio(c[0], c[0] + c[1]));
            String r =
                    c[0] + c[2] == 0
                            ? "  - "
                            : String.format(Locale.ROOT, "%.2f", ratio(c[0], c[0] + c[2]));
            return p + "/" + r;
        }

        private static double ratio(int a, int b) {
            return b == 0 ? Double.NaN : (double) a / b;
        }
    }

    private static String table(String split, List<LabelledCall> calls, List<Verdict> verdicts) {
        long en = calls.stream().filter(c -> c.language().equals("en")).count();
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%n== rule evaluation, %s split: %d calls (%d en, %d ko) ==%n",
                        split,
                        calls.size(),
                        en,
                        calls.size() - en));
        out.append(
                String.format(
                        Locale.ROOT,
                        "%-11s %-4s %5s %9s %7s %9s %11s%n",
                        "level",
                        "lang",
                        "calls",
                        "verdicts",
                        "exact",
                        "category",
                        "escalation"));
        List<String> langs = List.of("en", "ko", "all");
        for (Level level : Level.values()) {
            for (String lang : langs) {
                Figures f =
                        Figures.of(
                                verdicts,
                                v ->
                                        v.level() == level
                                                && (lang.equals("all")
                                                        || v.call().language().equals(lang)));
                out.append(
                        String.format(
                                Locale.ROOT,
                                "%-11s %-4s %5d %9s %7s %9s %11s%n",
                                level.id,
                                lang,
                                f.calls(),
                                pct(f.verdicts()),
                                pct(f.exactShare()),
                                pct(f.category()),
                                f.escalations() == 0
                                        ? "-"
                                        : f.escalationsFound() + "/" + f.escalations()));
            }
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "per-rule precision/recall (- = no failure predicted / none expected)%n"));
        out.append(String.format(Locale.ROOT, "%-21s %-4s", "rule", "lang"));
        for (Level level : Level.values()) {
            out.append(String.format(Locale.ROOT, " %11s", level.id));
        }
        out.append(System.lineSeparator());
        List<String> rules = verdicts.isEmpty() ? List.of() : verdicts.get(0).rules();
        for (String rule : rules) {
            for (String lang : langs) {
                out.append(String.format(Locale.ROOT, "%-21s %-4s", rule, lang));
                for (Level level : Level.values()) {
                    Figures f =
                            Figures.of(
                                    verdicts,
                                    v ->
                                            v.level() == level
                                                    && (lang.equals("all")
                                                            || v.call().language().equals(lang)));
                    out.append(String.format(Locale.ROOT, " %11s", f.precisionRecall(rule)));
                }
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /**
     * The misses of a split that may be looked at (dev, tune), for tuning: call, level, rule,
     * expected vs got. Never printed for the test split.
     */
    private static String misses(String split, List<Verdict> verdicts) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "misses (%s only):%n", split));
        for (Verdict v : verdicts) {
            for (String rule : v.rules()) {
                if (!v.right(rule)) {
                    boolean expected = v.call().labels().expectedViolations().contains(rule);
                    out.append(
                            String.format(
                                    Locale.ROOT,
                                    "  %-15s %-10s %-21s expected %-10s got %s%n",
                                    v.call().id(),
                                    v.level().id,
                                    rule,
                                    expected ? "FAILED" : "not failed",
                                    v.outcomes().get(rule)));
                }
            }
            if (!v.category().equals(v.call().labels().category())) {
                out.append(
                        String.format(
                                Locale.ROOT,
                                "  %-15s %-10s %-21s expected %-10s got %s%n",
                                v.call().id(),
                                v.level().id,
                                "category",
                                v.call().labels().category(),
                                v.category()));
            }
        }
        return out.toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
