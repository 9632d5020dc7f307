package io.callqa.analysis.live;

import io.callqa.rules.acts.DialogueActClassifier;
import io.callqa.rules.assist.AgentAssist;
import io.callqa.rules.classify.CallClassifier;
import io.callqa.rules.engine.ActScorer;
import io.callqa.rules.engine.CallSignals;
import io.callqa.rules.engine.RuleEngine;
import io.callqa.rules.engine.RuleResult;
import io.callqa.rules.match.PhraseMatcher;
import io.callqa.rules.pack.Cue;
import io.callqa.rules.pack.Rule;
import io.callqa.rules.pack.RuleCheck;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pii.PiiRedactor;
import io.callqa.rules.transcript.CallTranscript;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule pack prepared for live calls, once for all of them: its phrase matchers, the dialogue-act
 * scorer, the redactor, for each reaction rule an engine that evaluates it alone (on the scores the
 * session kept, so that an utterance is classified once), and the agent assist of its playbooks
 * with the bundled call classifier. Not thread-safe: one per operator instance.
 */
public final class LivePack {

    private final RulePack pack;
    private final PhraseMatcher matcher;
    private final Map<Double, PhraseMatcher> overrides = new HashMap<>();
    private final ActScorer acts;
    private final PiiRedactor redactor;
    private final Map<String, Double> actFloors = new LinkedHashMap<>();
    private final Map<String, RuleEngine> reactions = new HashMap<>();
    private final AgentAssist assist;

    /** While a reaction rule is evaluated: the scores the session kept, by redacted text. */
    private Map<String, Map<String, Double>> kept = Map.of();

    /** The pack with the bundled dialogue-act classifier and redaction of every type. */
    public LivePack(RulePack pack) {
        this(pack, new PiiRedactor(), ActScorer.of(DialogueActClassifier.defaults()));
    }

    /** The pack with the given redactor and act scorer, as a {@code CallAnalyzer} takes them. */
    public LivePack(RulePack pack, PiiRedactor redactor, ActScorer acts) {
        this.pack = pack;
        this.matcher = new PhraseMatcher(pack.matching());
        this.redactor = redactor;
        this.acts = acts;
        // The session gives the assist the act scores it computed, so its own act classifier
        // only stands by.
        this.assist =
                new AgentAssist(
                        pack, CallClassifier.defaultModel(), DialogueActClassifier.defaults());
        ActScorer keptFirst =
                (text, language) -> {
                    Map<String, Double> known = kept.get(text);
                    return known != null
                            ? act -> known.getOrDefault(act, 0.0)
                            : acts.score(text, language);
                };
        for (Rule rule : pack.rules()) {
            for (Cue c : cues(rule.check())) {
                for (String act : c.acts()) {
                    actFloors.merge(act, c.minConfidence(), Math::min);
                }
            }
            if (rule.check() instanceof RuleCheck.Reaction) {
                RulePack alone =
                        new RulePack(
                                pack.id(),
                                pack.version(),
                                pack.language(),
                                pack.description(),
                                pack.matching(),
                                pack.agitation(),
                                List.of(rule),
                                pack.variables());
                reactions.put(rule.id(), new RuleEngine(alone, keptFirst));
            }
        }
    }

    /** The pack. */
    public RulePack pack() {
        return pack;
    }

    /** The agent assist of the pack's playbooks. */
    AgentAssist assist() {
        return assist;
    }

    PhraseMatcher matcher() {
        return matcher;
    }

    /** The matcher for a rule, with its own fuzzy threshold if it sets one. */
    PhraseMatcher matcherFor(Rule rule) {
        if (rule.fuzzyThreshold().isEmpty()) {
            return matcher;
        }
        return overrides.computeIfAbsent(
                rule.fuzzyThreshold().getAsDouble(),
                t -> new PhraseMatcher(pack.matching().withFuzzyThreshold(t)));
    }

    ActScorer acts() {
        return acts;
    }

    /**
     * The acts the pack's cues name, each with the lowest confidence any cue asks of it: an
     * utterance keeps only the scores that reach it, since a lower one never counts.
     */
    Map<String, Double> actFloors() {
        return actFloors;
    }

    PiiRedactor redactor() {
        return redactor;
    }

    /**
     * Evaluates a reaction rule alone over {@code part}, with the act scores the session kept for
     * its utterances ({@code scores}, by redacted text).
     */
    RuleResult reaction(
            String ruleId,
            CallTranscript part,
            CallSignals signals,
            Map<String, Map<String, Double>> scores) {
        kept = scores;
        try {
            return reactions.get(ruleId).evaluate(part, List.of(), signals).get(0);
        } finally {
            kept = Map.of();
        }
    }

    static List<Cue> cues(RuleCheck check) {
        if (check instanceof RuleCheck.PhrasePresent p) {
            return p.groups();
        }
        if (check instanceof RuleCheck.PhraseAbsent p) {
            return List.of(p.cue());
        }
        if (check instanceof RuleCheck.Ordering o) {
            return List.of(o.first(), o.then());
        }
        if (check instanceof RuleCheck.Reaction r) {
            return List.of(r.cue());
        }
        return List.of();
    }
}
