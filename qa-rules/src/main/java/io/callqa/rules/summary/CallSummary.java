package io.callqa.rules.summary;

import java.util.List;

/**
 * An extractive summary: each part is a sentence taken from the call (redacted), empty when the
 * call has none that fits.
 *
 * @param reason why the customer called
 * @param action what the agent did
 * @param outcome how the customer took it
 * @param nextStep what happens next
 * @param text the parts joined with labels in the call's language
 * @param keywords the most frequent content words, most frequent first
 */
public record CallSummary(
        String reason,
        String action,
        String outcome,
        String nextStep,
        String text,
        List<String> keywords) {

    /** Copies the list. */
    public CallSummary {
        keywords = List.copyOf(keywords);
    }
}
