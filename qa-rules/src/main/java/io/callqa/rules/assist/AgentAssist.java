package io.callqa.rules.assist;

import io.callqa.rules.acts.DialogueActClassifier;
import io.callqa.rules.classify.CallClassifier;
import io.callqa.rules.match.PhraseMatcher;
import io.callqa.rules.pack.Playbook;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agent assist for the calls of one rule pack: its playbooks, the call classifier that tells a
 * call's category as it goes, and the dialogue-act classifier for cues given as acts. Immutable and
 * thread-safe; each call gets its own {@link AssistSession}.
 *
 * <pre>{@code
 * AgentAssist assist = AgentAssist.withDefaultModels(pack);
 * AssistSession call = assist.start(Map.of("brand", "Example Bank"));
 * for (Utterance u : finalized) {
 *     for (AssistEvent e : call.accept(u)) { ... }   // suggested or withdrawn
 * }
 * AssistReport report = call.report();                // what was suggested, and followed
 * }</pre>
 */
public final class AgentAssist {

    private final RulePack pack;
    private final CallClassifier categories;
    private final DialogueActClassifier acts;
    private final PhraseMatcher matcher;

    /**
     * Assist with the pack's playbooks.
     *
     * @param pack a validated pack; its language is the calls' language
     * @param categories the call classifier whose categories the playbooks' triggers name
     * @param acts the dialogue-act classifier for utterances whose acts the caller does not give
     * @throws IllegalArgumentException when a trigger names a category the classifier lacks
     */
    public AgentAssist(RulePack pack, CallClassifier categories, DialogueActClassifier acts) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.categories = Objects.requireNonNull(categories, "categories");
        this.acts = Objects.requireNonNull(acts, "acts");
        List<String> missing = new ArrayList<>();
        for (Playbook p : pack.playbooks()) {
            for (String c : p.trigger().categories()) {
                if (!categories.categories().contains(c)) {
                    missing.add(p.id() + ": " + c);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "pack "
                            + pack.id()
                            + ": playbook triggers name categories the call classifier does not"
                            + " have ("
                            + String.join(", ", missing)
                            + "); its categories: "
                            + String.join(", ", categories.categories()));
        }
        this.matcher = new PhraseMatcher(pack.matching());
    }

    /** Assist with the bundled call classifier and dialogue-act model. */
    public static AgentAssist withDefaultModels(RulePack pack) {
        return new AgentAssist(
                pack, CallClassifier.defaultModel(), DialogueActClassifier.defaults());
    }

    /** The pack whose playbooks are applied. */
    public RulePack pack() {
        return pack;
    }

    /**
     * A live call.
     *
     * @param metadata the call's metadata ({@code brand}, ...), which fills {@code {name}}
     *     placeholders in phrases before the pack's variables do
     */
    public AssistSession start(Map<String, String> metadata) {
        return new AssistSession(this, metadata);
    }

    /**
     * A live call continued from a session's {@link AssistSession#saved() saved state}, with the
     * metadata the call started with.
     *
     * @throws IllegalArgumentException when {@code saved} was taken with another pack
     */
    public AssistSession resume(Map<String, String> metadata, AssistSession.Saved saved) {
        if (saved == null) {
            throw new IllegalArgumentException("saved assist state is null; use start() instead");
        }
        AssistSession s = new AssistSession(this, metadata);
        s.restore(saved);
        return s;
    }

    /**
     * A finished call, utterance by utterance as it would have gone live: what was suggested and
     * whether the agent followed it.
     */
    public AssistReport review(CallTranscript call) {
        AssistSession s = start(call.metadata());
        for (Utterance u : call.utterances()) {
            s.accept(u);
        }
        return s.report();
    }

    CallClassifier categories() {
        return categories;
    }

    DialogueActClassifier acts() {
        return acts;
    }

    PhraseMatcher matcher() {
        return matcher;
    }
}
