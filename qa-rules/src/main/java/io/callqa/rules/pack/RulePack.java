package io.callqa.rules.pack;

import io.callqa.rules.match.MatchSettings;
import java.util.List;
import java.util.Map;
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
 * @param variables values for {@code {name}} placeholders in phrases (e.g. {@code brand}); a call's
 *     metadata of the same name takes precedence
 * @param playbooks agent-assist playbooks, in pack order; empty when the pack has none
 */
public record RulePack(
        String id,
        String version,
        String language,
        String description,
        MatchSettings matching,
        Agitation agitation,
        List<Rule> rules,
        Map<String, String> variables,
        List<Playbook> playbooks) {

    /** Copies the rules, variables and playbooks. */
    public RulePack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(language, "language");
        rules = List.copyOf(rules);
        variables = Map.copyOf(variables);
        playbooks = List.copyOf(playbooks);
    }

    /** A pack without playbooks. */
    public RulePack(
            String id,
            String version,
            String language,
            String description,
            MatchSettings matching,
            Agitation agitation,
            List<Rule> rules,
            Map<String, String> variables) {
        this(id, version, language, description, matching, agitation, rules, variables, List.of());
    }

    /** A pack without variables. */
    public RulePack(
            String id,
            String version,
            String language,
            String description,
            MatchSettings matching,
            Agitation agitation,
            List<Rule> rules) {
        this(id, version, language, description, matching, agitation, rules, Map.of(), List.of());
    }

    /** The playbook with this id, if the pack has it. */
    public Optional<Playbook> playbook(String playbookId) {
        return playbooks.stream().filter(p -> p.id().equals(playbookId)).findFirst();
    }

    /** The rule with this id, if the pack has it. */
    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }
}
