package io.callqa.rules.pack;

import java.util.List;
import java.util.Objects;

/**
 * Agent-assist guidance for one kind of issue (a refund not yet received, a parcel that has not
 * come, a bill higher than usual): what raises it in a live call, and the steps the agent is shown
 * until each is done.
 *
 * @param id playbook id, unique in the pack, e.g. {@code refund-status}
 * @param description what the issue is, for people reading the pack and the agent's view
 * @param trigger what in the call raises the playbook
 * @param steps the steps, in the order the agent should take them
 */
public record Playbook(
        String id, String description, PlaybookTrigger trigger, List<PlaybookStep> steps) {

    /** Copies the steps. */
    public Playbook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(trigger, "trigger");
        steps = List.copyOf(steps);
    }
}
