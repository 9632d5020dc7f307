package io.callqa.rules.engine;

import io.callqa.rules.pack.RuleKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The QA verdict of a call: a 0-100 score from the weighted quality rules, and compliance pass/fail
 * kept apart because one compliance breach fails a call whatever its score.
 *
 * @param score 100 times the passed share of the applicable quality rules' weight (100 when none
 *     applies), rounded to one decimal
 * @param compliancePassed false when any compliance rule failed
 * @param explanation one line per failed rule: what it cost
 */
public record Scorecard(double score, boolean compliancePassed, List<String> explanation) {

    /** Copies the list. */
    public Scorecard {
        explanation = List.copyOf(explanation);
    }

    /** Scores a call from its rule results. */
    public static Scorecard of(List<RuleResult> results) {
        double total = 0;
        double passed = 0;
        boolean compliance = true;
        for (RuleResult r : results) {
            if (r.rule().kind() == RuleKind.QUALITY && r.outcome() != Outcome.NOT_APPLICABLE) {
                total += r.rule().weight();
                if (r.outcome() == Outcome.PASSED) {
                    passed += r.rule().weight();
                }
            }
            if (r.rule().kind() == RuleKind.COMPLIANCE && r.failed()) {
                compliance = false;
            }
        }
        double score = total == 0 ? 100 : 100 * passed / total;
        List<String> lines = new ArrayList<>();
        for (RuleResult r : results) {
            if (!r.failed()) {
                continue;
            }
            if (r.rule().kind() == RuleKind.QUALITY) {
                lines.add(
                        String.format(
                                Locale.ROOT,
                                "-%.1f points: %s (%s): %s",
                                100 * r.rule().weight() / total,
                                r.rule().id(),
                                r.rule().severity().id(),
                                r.note()));
            } else {
                lines.add(
                        String.format(
                                Locale.ROOT,
                                "compliance failed: %s (%s): %s",
                                r.rule().id(),
                                r.rule().severity().id(),
                                r.note()));
            }
        }
        return new Scorecard(Math.round(score * 10) / 10.0, compliance, lines);
    }
}
