package io.callqa.rules.assist;

import java.util.List;

/** What the agent's view should change after an utterance: a step suggested or withdrawn. */
public sealed interface AssistEvent permits AssistEvent.Suggested, AssistEvent.Withdrawn {

    /** The playbook of the step. */
    String playbook();

    /** The step's id within its playbook. */
    String step();

    /** Index (0-based, in the order given to the session) of the utterance that caused it. */
    int utterance();

    /**
     * A step to show the agent, raised by an utterance that triggered its playbook.
     *
     * @param playbook playbook id
     * @param step step id
     * @param text the advice
     * @param snippets knowledge the step rests on
     * @param phrases wording the agent may use (variables filled in)
     * @param utterance index of the triggering utterance
     * @param t start of the triggering utterance, seconds into the call
     * @param triggeredBy the triggering utterance's text
     * @param evidence what in it triggered the playbook: the matched words, or {@code act <id>}
     */
    record Suggested(
            String playbook,
            String step,
            String text,
            List<String> snippets,
            List<String> phrases,
            int utterance,
            double t,
            String triggeredBy,
            String evidence)
            implements AssistEvent {

        /** Copies the lists. */
        public Suggested {
            snippets = List.copyOf(snippets);
            phrases = List.copyOf(phrases);
        }
    }

    /**
     * A suggested step that is done and should leave the agent's view.
     *
     * @param playbook playbook id
     * @param step step id
     * @param utterance index of the utterance that showed it done
     * @param t start of that utterance, seconds into the call
     * @param doneBy that utterance's text
     * @param evidence what in it showed the step done: the matched words, or {@code act <id>}
     */
    record Withdrawn(
            String playbook, String step, int utterance, double t, String doneBy, String evidence)
            implements AssistEvent {}
}
