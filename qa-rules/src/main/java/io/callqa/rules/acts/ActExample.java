package io.callqa.rules.acts;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One labelled utterance of the act corpus.
 *
 * @param text the utterance
 * @param acts the acts it carries; {@code {OTHER}} when none of the others
 * @param lang {@code en} or {@code ko}
 * @param style {@code clean} (as people write) or {@code asr} (as a recognizer outputs)
 * @param template the hand-written seed the example was expanded from; examples of one seed share a
 *     split so near-duplicates never straddle it
 * @param heldOut whether the example is kept out of training to measure the model
 */
public record ActExample(
        String text,
        Set<DialogueAct> acts,
        String lang,
        String style,
        String template,
        boolean heldOut) {

    /** Rejects missing fields and copies the acts. */
    public ActExample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(template, "template");
        if (acts.isEmpty()) {
            throw new IllegalArgumentException("an example needs at least one act");
        }
        acts = Set.copyOf(EnumSet.copyOf(acts));
    }

    /** Whether the example carries {@code act}. */
    public boolean has(DialogueAct act) {
        return acts.contains(act);
    }
}
