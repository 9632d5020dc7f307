package io.callqa.dashboards;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a compliance audit selects: calls that started in [{@code from}, {@code to}), optionally one
 * rule, only failed results, and one agent.
 *
 * @param from first start time included
 * @param to first start time excluded
 * @param ruleId only this rule's results, if given
 * @param failedOnly only failed results (with a rule: calls that failed it; without: every failed
 *     compliance result)
 * @param agentId only this agent's calls, if given
 */
public record AuditQuery(
        Instant from,
        Instant to,
        Optional<String> ruleId,
        boolean failedOnly,
        Optional<String> agentId) {

    /** Rejects an empty or inverted period. */
    public AuditQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException(
                    "the audit period is empty: --to " + to + " is not after --from " + from);
        }
    }
}
