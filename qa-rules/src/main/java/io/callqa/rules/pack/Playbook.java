package io.callqa.rules.pack;

import java.util.List;
import java.util.Objects;

/**
 * Agent-assist guidance for one kind of issue (a refund not yet received, a parcel that has not
 * come, a bill higher than usual): what raises it in a live call, and the steps the agent is shown
 * until each is done.
 *
 * <p>Playbooks that share an {@code issue} are alternative readings of one problem (an item damaged
 * on arrival or one that failed in use; a refund chased or one asked for after a cancellation): a
 * call gets at most one of them, the first raised, so words that fit both do not show the agent two
 * sets of steps for one problem.
 *
 * @param id playbook id, unique in the pack, e.g. {@code refund-status}
 * @param description what the issue is, for people reading the pack and the agent's view
 * @param issue the problem the playbook answers; playbooks sharing it are alternatives. The id when
 *     the pack names none, so a playbook is by default an alternative to no other.
 * @param trigger what in the call raises the playbook
 * @param steps the steps, in the order the agent should take them
 */
public record Playbook(
        String id,
        String description,
        String issue,
        PlaybookTrigger trigger,
        List<PlaybookStep> steps) {

    /** Copies the steps. */
    public Playbook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(trigger, "trigger");
        steps = List.copyOf(steps);
    }

    /** A playbook that is an alternative to no other (its issue is its id). */
    public Playbook(
            String id, String description, PlaybookTrigger trigger, List<PlaybookStep> steps) {
        this(id, description, id, trigger, steps);
    }
}
