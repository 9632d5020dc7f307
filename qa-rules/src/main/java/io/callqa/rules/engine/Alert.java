package io.callqa.rules.engine;

import io.callqa.rules.abuse.AbuseFinding;
import io.callqa.rules.pack.Severity;

/**
 * Something a floor manager should hear about, raised by a failed rule or an agitated customer.
 *
 * @param id deterministic id: call id and rule (or alert type); a call raises each at most once, so
 *     a live alert and the same alert found again at the end of the call share their id
 * @param type {@code compliance}, {@code escalation}, {@code pii}, {@code dead-air}, {@code anger},
 *     or what a pack names
 * @param ruleId the rule that raised it, or null
 * @param severity how urgent
 * @param utterance the utterance it concerns, or null
 * @param t seconds from the start of the call
 * @param message one line for people
 * @param abuse on an {@code abuse} alert, the finding and the notice the agent may read; else null
 */
public record Alert(
        String id,
        String type,
        String ruleId,
        Severity severity,
        Integer utterance,
        double t,
        String message,
        Abuse abuse) {

    /** An alert that is not about abuse. */
    public Alert(
            String id,
            String type,
            String ruleId,
            Severity severity,
            Integer utterance,
            double t,
            String message) {
        this(id, type, ruleId, severity, utterance, t, message, null);
    }

    /**
     * What an abuse alert tells the agent's view beside its message.
     *
     * @param finding the first abusive utterance
     * @param notice the warning the agent may read to the caller (the pack's {@code abuse.notice})
     */
    public record Abuse(AbuseFinding finding, String notice) {}
}
