package io.callqa.rules.engine;

import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pii.PiiFinding;
import io.callqa.rules.summary.CallSummary;
import io.callqa.rules.transcript.CallTranscript;
import java.util.List;

/**
 * Everything callqa concludes about one call from its words. Holds only redacted text.
 *
 * @param call the redacted call
 * @param durationS length of the call in seconds (end of the last utterance when no audio)
 * @param pack the pack the call was scored with
 * @param results one result per rule, in pack order
 * @param scorecard QA score and compliance verdict
 * @param summary extractive summary and keywords
 * @param pii sensitive data found, by utterance
 * @param agitated customer utterances judged agitated
 * @param alerts alerts raised
 */
public record CallAnalysis(
        CallTranscript call,
        double durationS,
        RulePack pack,
        List<RuleResult> results,
        Scorecard scorecard,
        CallSummary summary,
        List<PiiFinding> pii,
        List<Integer> agitated,
        List<Alert> alerts) {

    /** Copies the lists. */
    public CallAnalysis {
        results = List.copyOf(results);
        pii = List.copyOf(pii);
        agitated = List.copyOf(agitated);
        alerts = List.copyOf(alerts);
    }

    /** Ids of the failed rules, in pack order. */
    public List<String> violations() {
        return results.stream().filter(RuleResult::failed).map(r -> r.rule().id()).toList();
    }
}
