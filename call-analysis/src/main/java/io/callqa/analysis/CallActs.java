package io.callqa.analysis;

import io.callqa.rules.acts.ActScores;
import io.callqa.rules.acts.DialogueAct;
import io.callqa.rules.acts.DialogueActClassifier;
import io.callqa.rules.engine.ActScorer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The dialogue acts of one call's utterances, classified once: the rules and the agent assist of a
 * report both ask for them, and the classifier is most of what each costs. Holds one call at a time
 * ({@link #forget()} between calls), so it never grows past a call.
 */
final class CallActs implements ActScorer {

    private final DialogueActClassifier classifier;
    private final Map<String, ActScores> byText = new HashMap<>();

    CallActs(DialogueActClassifier classifier) {
        this.classifier = classifier;
    }

    /** The acts of one (redacted) utterance text. */
    ActScores scores(String text, String language) {
        return byText.computeIfAbsent(
                language + '\u0000' + text, k -> classifier.classify(text, language));
    }

    @Override
    public ToDoubleFunction<String> score(String text, String language) {
        ActScores s = scores(text, language);
        return act -> s.score(DialogueAct.fromId(act));
    }

    /** Drops the last call's acts. */
    void forget() {
        byText.clear();
    }
}
