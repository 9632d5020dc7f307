package io.callqa.rules.pack;

import io.callqa.rules.transcript.Speaker;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link Playbook}: what the agent is advised to do, what helps to do it, and what in
 * the call shows it done, so that the suggestion is withdrawn.
 *
 * @param id step id, unique in its playbook, e.g. {@code verify}
 * @param text the advice as the agent reads it
 * @param snippets knowledge the step rests on (policy, usual times), possibly empty
 * @param phrases wording the agent may use, possibly empty
 * @param doneBy whose utterance shows the step done (the agent by default); empty for either
 * @param done the phrases and acts that show the step done
 */
public record PlaybookStep(
        String id,
        String text,
        List<String> snippets,
        List<String> phrases,
        Optional<Speaker> doneBy,
        Cue done) {

    /** Copies the lists. */
    public PlaybookStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(done, "done");
        snippets = List.copyOf(snippets);
        phrases = List.copyOf(phrases);
    }
}
