package io.callqa.rules.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The category of an utterance or a call.
 *
 * @param label the most likely category, e.g. {@code refund}
 * @param confidence the probability of {@code label}, in [0, 1]
 * @param scores the probability of every category, in the model's category order; they sum to 1
 */
public record Classification(String label, double confidence, Map<String, Double> scores) {

    /** Keeps the category order of {@code scores} and makes the map unmodifiable. */
    public Classification {
        Objects.requireNonNull(label, "label");
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }
}
