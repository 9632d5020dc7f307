package io.callqa.rules.pack;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One rule of a pack.
 *
 * @param id stable rule id, unique in its pack (e.g. {@code recording-disclosure})
 * @param type the rule type as written in the pack (e.g. {@code phrase-present})
 * @param kind compliance or quality
 * @param severity how serious a failure is
 * @param weight share of the QA score (quality rules); compliance rules keep it for reporting
 * @param description what the rule checks, for people
 * @param alert alert type raised when the rule fails, if any (e.g. {@code escalation})
 * @param fuzzyThreshold overrides the pack's fuzzy threshold for this rule
 * @param check what the rule looks for
 */
public record Rule(
        String id,
        String type,
        RuleKind kind,
        Severity severity,
        double weight,
        String description,
        Optional<String> alert,
        OptionalDouble fuzzyThreshold,
        RuleCheck check) {

    /** Checks for nulls. */
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(fuzzyThreshold, "fuzzyThreshold");
        Objects.requireNonNull(check, "check");
    }
}
