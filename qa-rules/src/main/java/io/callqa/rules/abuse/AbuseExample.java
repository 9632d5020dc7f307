package io.callqa.rules.abuse;

import java.util.Objects;
import java.util.Optional;

/**
 * One labelled customer utterance of the abuse corpus.
 *
 * @param text the utterance
 * @param kind the abuse it carries, empty for none
 * @param group {@code abuse}, {@code civil} (angry but civil) or {@code ordinary}
 * @param lang {@code en} or {@code ko}
 * @param style {@code clean} (as people write) or {@code asr} (as a recognizer outputs)
 * @param template the seed the example was expanded from; its variants share a split
 * @param heldOut whether the example is kept out of training to measure the model
 */
public record AbuseExample(
        String text,
        Optional<AbuseKind> kind,
        String group,
        String lang,
        String style,
        String template,
        boolean heldOut) {

    /** Rejects missing fields. */
    public AbuseExample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(template, "template");
    }
}
