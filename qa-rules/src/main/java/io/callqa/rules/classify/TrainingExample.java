package io.callqa.rules.classify;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * One labelled line of training data: {@code {"text": .., "label": .., "lang": ..}} in JSONL.
 *
 * @param text an utterance or a short call snippet
 * @param label its category, e.g. {@code shipping}
 * @param lang {@code en} or {@code ko}
 */
public record TrainingExample(String text, String label, String lang) {

    /** One example in five is held out of training for evaluation. */
    static final int HELD_OUT_ONE_IN = 5;

    /** Rejects missing fields; the corpus reader turns these into file:line messages. */
    public TrainingExample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(lang, "lang");
    }

    /**
     * Whether this example belongs to the held-out split. The split is a hash of the normalised
     * text, not a random draw, so it is the same on every machine and every run, and adding
     * examples to the corpus never moves an existing one across the split.
     */
    public boolean heldOut() {
        String key =
                Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        long h = 0xcbf29ce484222325L; // FNV-1a, 64 bit
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return Long.remainderUnsigned(h, HELD_OUT_ONE_IN) == 0;
    }
}
