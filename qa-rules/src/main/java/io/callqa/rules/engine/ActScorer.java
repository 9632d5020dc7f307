package io.callqa.rules.engine;

import io.callqa.rules.acts.ActScores;
import io.callqa.rules.acts.DialogueAct;
import io.callqa.rules.acts.DialogueActClassifier;
import java.util.function.ToDoubleFunction;

/**
 * Tags an utterance with dialogue acts for the rules that ask for one ({@code act: offer-help}).
 * The engine asks once per utterance and call, whatever the number of rules.
 */
@FunctionalInterface
public interface ActScorer {

    /** A scorer that never sees an act: rules then rest on their phrases alone. */
    ActScorer NONE = (text, language) -> act -> 0;

    /**
     * The classifier's confidence (0-1) for each act id in one utterance.
     *
     * @param text the (redacted) utterance text
     * @param language {@code en} or {@code ko}
     */
    ToDoubleFunction<String> score(String text, String language);

    /** Scores from a dialogue-act classifier. */
    static ActScorer of(DialogueActClassifier classifier) {
        return (text, language) -> {
            ActScores scores = classifier.classify(text, language);
            return act -> scores.score(DialogueAct.fromId(act));
        };
    }
}
