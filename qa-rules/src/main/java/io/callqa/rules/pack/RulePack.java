package io.callqa.rules.pack;

import io.callqa.rules.match.MatchSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated rule pack: the rules one language or line of business is scored by.
 *
 * @param id pack id, e.g. {@code default-en}
 * @param version pack version as written, e.g. {@code 1.0.0}
 * @param language language of the phrases, {@code en} or {@code ko}
 * @param description what the pack is for
 * @param matching phrase-matching tolerance for every rule
 * @param agitation how an agitated customer is recognised
 * @param rules the rules, in pack order
 */
public record RulePack(
        String id,
        String version,
        String language,
        String description,
        MatchSettings matching,
        Agitation agitation,
        List<Rule> rules) {

    /** Copies the rules. */
    public RulePack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(language, "language");
        rules = List.copyOf(rules);
    }

    /** The rule with this id, if the pack has it. */
    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }
}
