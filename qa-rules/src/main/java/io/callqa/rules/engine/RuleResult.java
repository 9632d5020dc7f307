package io.callqa.rules.engine;

import io.callqa.rules.pack.Rule;
import java.util.List;

/**
 * The outcome of one rule on one call.
 *
 * @param rule the rule
 * @param outcome passed, failed or not applicable
 * @param evidence the utterances or stretches the outcome rests on
 * @param note a one-line reason, for the explanation
 */
public record RuleResult(Rule rule, Outcome outcome, List<Evidence> evidence, String note) {

    /** Copies the list. */
    public RuleResult {
        evidence = List.copyOf(evidence);
    }

    /** True when the rule failed. */
    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
