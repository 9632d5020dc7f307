package io.callqa.rules.engine;

import io.callqa.rules.pack.RuleCheck;
import io.callqa.rules.transcript.Speaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which alerts of a call still in progress are final, so that a floor manager hears about
 * them while the call is live and never hears about one that the rest of the call would withdraw.
 *
 * <p>A live call is analysed again each time an utterance is finalized, over the utterances known
 * so far. A rule that failed on that partial transcript has failed for good when nothing said later
 * can change it: a prohibited phrase, a card number or an escalation request once said stays said;
 * an ordering is broken once account details came before verification; a stretch of dead air stays
 * as long as it was. A required phrase with a deadline ({@code within: 30s}) has been missed only
 * once the speaker's transcript is known past the deadline: each channel's utterances are finalized
 * in order, so a finalized utterance that starts after the deadline means nothing before it is
 * still to come. Rules about the end of the call ({@code in_last}), ratios over the whole call and
 * required phrases without a deadline are only decided when the call ends.
 */
public final class LiveAlerts {

    private LiveAlerts() {}

    /**
     * The alerts of {@code partial}, an analysis of the utterances finalized so far, that no later
     * utterance can withdraw.
     *
     * @param heardFrom for each speaker, the start (seconds into the call) of their latest
     *     finalized utterance; a speaker not in the map has said nothing yet
     */
    public static List<Alert> settled(CallAnalysis partial, Map<Speaker, Double> heardFrom) {
        List<Alert> out = new ArrayList<>();
        for (Alert a : partial.alerts()) {
            if (a.ruleId() == null) {
                // Raised by an agitated customer: an utterance once heard as agitated stays so.
                out.add(a);
                continue;
            }
            for (RuleResult r : partial.results()) {
                if (r.rule().id().equals(a.ruleId()) && settled(r, heardFrom)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private static boolean settled(RuleResult r, Map<Speaker, Double> heardFrom) {
        RuleCheck check = r.rule().check();
        if (check instanceof RuleCheck.PhraseAbsent p) {
            return p.inLast().isEmpty();
        }
        if (check instanceof RuleCheck.PiiSpoken || check instanceof RuleCheck.Ordering) {
            return true;
        }
        if (check instanceof RuleCheck.Threshold t) {
            return t.metric().isDuration();
        }
        if (check instanceof RuleCheck.PhrasePresent p) {
            return p.inLast().isEmpty()
                    && p.within().isPresent()
                    && heard(p.speaker(), heardFrom) > p.within().getAsDouble();
        }
        if (check instanceof RuleCheck.Reaction x) {
            return !r.evidence().isEmpty()
                    && heard(Optional.of(x.responder()), heardFrom)
                            > r.evidence().get(0).t() + x.within();
        }
        return false;
    }

    /** How far into the call the speaker's (or, for no speaker, everyone's) words are all known. */
    private static double heard(Optional<Speaker> speaker, Map<Speaker, Double> heardFrom) {
        if (speaker.isPresent()) {
            return heardFrom.getOrDefault(speaker.get(), Double.NEGATIVE_INFINITY);
        }
        double min = Double.POSITIVE_INFINITY;
        for (Speaker s : Speaker.values()) {
            min = Math.min(min, heardFrom.getOrDefault(s, Double.NEGATIVE_INFINITY));
        }
        return min;
    }
}
