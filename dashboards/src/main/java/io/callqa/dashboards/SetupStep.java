package io.callqa.dashboards;

import java.util.Locale;

/**
 * What installing one thing into OpenSearch or OpenSearch Dashboards did, for the operator to read.
 *
 * @param subject what was installed, for example {@code index template callqa-calls}
 * @param outcome what happened to it
 * @param detail more about it, or empty
 */
public record SetupStep(String subject, Outcome outcome, String detail) {

    /** What happened to an installed thing. */
    public enum Outcome {
        /** It did not exist and now does. */
        CREATED,
        /** It existed with other content and was replaced. */
        UPDATED,
        /** It existed with the same content and was left alone. */
        UNCHANGED,
        /** It could not be installed here; {@link SetupStep#detail()} says why. */
        SKIPPED
    }

    /** One line: {@code subject: outcome (detail)}. */
    public String line() {
        return subject
                + ": "
                + outcome.name().toLowerCase(Locale.ROOT)
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
