package io.callqa.analysis.live;

import io.callqa.rules.assist.AssistEvent;
import java.util.List;

/**
 * What one finalized utterance changed in a live call: the alerts it settled, and the agent-assist
 * steps it suggested or showed done (withdrawals first, as {@link
 * io.callqa.rules.assist.AssistSession#accept} gives them).
 *
 * @param alerts alerts that nothing said later can withdraw, each once per call
 * @param assist steps of the session's language pack's playbooks to show or withdraw
 */
public record UtteranceOutcome(List<SettledAlert> alerts, List<AssistEvent> assist) {

    /** Copies the lists. */
    public UtteranceOutcome {
        alerts = List.copyOf(alerts);
        assist = List.copyOf(assist);
    }
}
