package io.callqa.rules.pii;

import java.util.List;

/**
 * One text after redaction.
 *
 * @param text the text with each finding replaced by its placeholder (or unchanged when redaction
 *     is off)
 * @param types the kind of each finding, in text order
 */
public record RedactedText(String text, List<PiiType> types) {

    /** Copies the list. */
    public RedactedText {
        types = List.copyOf(types);
    }
}
