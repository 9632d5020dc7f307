package io.callqa.rules.pack;

import io.callqa.rules.transcript.Speaker;
import java.util.List;
import java.util.Optional;

/**
 * What raises a playbook: an utterance of {@code speaker} that shows the cue (one of its phrases,
 * or one of its dialogue acts), while the call is about one of the {@code categories}.
 *
 * @param speaker whose utterance counts (the customer by default); empty for either
 * @param categories call categories (as the call classifier names them) the call or the triggering
 *     utterance must be classified as; empty for any category
 * @param cue the phrases and acts that show the issue
 */
public record PlaybookTrigger(Optional<Speaker> speaker, List<String> categories, Cue cue) {

    /** Copies the categories. */
    public PlaybookTrigger {
        categories = List.copyOf(categories);
    }
}
