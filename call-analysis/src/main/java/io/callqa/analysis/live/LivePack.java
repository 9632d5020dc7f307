package io.callqa.analysis.live;

import io.callqa.rules.acts.DialogueActClassifier;
import io.callqa.rules.engine.ActScorer;
import io.callqa.rules.engine.RuleEngine;
import io.callqa.rules.match.PhraseMatcher;
import io.callqa.rules.pack.Cue;
import io.callqa.rules.pack.Rule;
import io.callqa.rules.pack.RuleCheck;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pii.PiiRedactor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A rule pack prepared for live calls, once for all of them: its phrase matchers, the dialogue-act
 * scorer (remembering the scores of recent texts, so that an utterance is classified once), the
 * redactor, and for each reaction rule an engine that evaluates it alone. Not thread-safe: one per
 * operator instance.
 */
public final class LivePack {

    /** Recent texts whose dialogue-act scores are kept. */
    private static final int ACT_CACHE = 2048;

    private final RulePack pack;
    private final PhraseMatcher matcher;
    private final Map<Double, PhraseMatcher> overrides = new HashMap<>();
    private final ActScorer acts;
    private final PiiRedactor redactor;
    private final Set<String> actIds = new LinkedHashSet<>();
    private final Map<String, RuleEngine> reactions = new HashMap<>();

    /** The pack with the bundled dialogue-act classifier and redaction of every type. */
    public LivePack(RulePack pack) {
        this(pack, new PiiRedactor(), ActScorer.of(DialogueActClassifier.defaults()));
    }

    /** The pack with the given redactor and act scorer, as a {@code CallAnalyzer} takes them. */
    public LivePack(RulePack pack, PiiRedactor redactor, ActScorer acts) {
        this.pack = pack;
        this.matcher = new PhraseMatcher(pack.matching());
        this.redactor = redactor;
        this.acts = remembering(acts);
        for (Rule rule : pack.rules()) {
            for (Cue c : cues(rule.check())) {
                actIds.addAll(c.acts());
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
                reactions.put(rule.id(), new RuleEngine(alone, this.acts));
            }
        }
    }

    /** The pack. */
    public RulePack pack() {
        return pack;
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

    /** The acts any cue of the pack names: the only scores an utterance keeps. */
    Set<String> actIds() {
        return actIds;
    }

    PiiRedactor redactor() {
        return redactor;
    }

    /** The engine that evaluates a reaction rule alone. */
    RuleEngine reaction(String ruleId) {
        return reactions.get(ruleId);
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

    /** Scores remembered for recent texts: a reaction rule looks at an utterance again. */
    private static ActScorer remembering(ActScorer scorer) {
        Map<String, ToDoubleFunction<String>> recent =
                new LinkedHashMap<>(64, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(
                            Map.Entry<String, ToDoubleFunction<String>> e) {
                        return size() > ACT_CACHE;
                    }
                };
        return (text, language) ->
                recent.computeIfAbsent(language + "\n" + text, k -> scorer.score(text, language));
    }
}
