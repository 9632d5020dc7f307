package io.callqa.rules.assist;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What agent assist did on one call: the playbooks raised, and for each of their steps whether it
 * was suggested and whether the agent then did it.
 *
 * @param playbooks the playbooks raised, in the order they were raised
 */
public record AssistReport(List<RaisedPlaybook> playbooks) {

    /** Copies the list. */
    public AssistReport {
        playbooks = List.copyOf(playbooks);
    }

    /** Every step of every raised playbook. */
    public List<StepOutcome> steps() {
        return playbooks.stream().flatMap(p -> p.steps().stream()).toList();
    }

    /** The steps that were suggested, as {@code playbook/step}. */
    public List<String> suggested() {
        return steps().stream().filter(StepOutcome::suggested).map(StepOutcome::key).toList();
    }

    /** Share of suggested steps the agent followed; empty when nothing was suggested. */
    public OptionalDouble followedShare() {
        List<StepOutcome> s = steps().stream().filter(StepOutcome::suggested).toList();
        return s.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(
                        s.stream().filter(StepOutcome::followed).count() / (double) s.size());
    }

    /**
     * A playbook raised on the call.
     *
     * @param playbook playbook id
     * @param triggeredAt index of the utterance that raised it
     * @param evidence what in that utterance raised it
     * @param steps its steps, in playbook order
     */
    public record RaisedPlaybook(
            String playbook, int triggeredAt, String evidence, List<StepOutcome> steps) {

        /** Copies the list. */
        public RaisedPlaybook {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step of a raised playbook.
     *
     * @param playbook playbook id
     * @param step step id
     * @param suggestedAt index of the utterance at which it was suggested; empty when it was done
     *     before its playbook was raised and so never suggested
     * @param doneAt index of the utterance that showed it done; empty when it never was
     */
    public record StepOutcome(
            String playbook, String step, OptionalInt suggestedAt, OptionalInt doneAt) {

        /** Whether the step was shown to the agent. */
        public boolean suggested() {
            return suggestedAt.isPresent();
        }

        /** Whether the agent did the step after it was suggested. */
        public boolean followed() {
            return suggested() && doneAt.isPresent() && doneAt.getAsInt() >= suggestedAt.getAsInt();
        }

        /** {@code playbook/step}. */
        public String key() {
            return playbook + "/" + step;
        }
    }
}
