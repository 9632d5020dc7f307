package io.callqa.analysis.document;

/**
 * The OpenSearch indices callqa writes and reads, for the pipeline, the console and the dashboards
 * alike.
 */
public final class IndexNames {

    private IndexNames() {}

    /** One document per call, under its call id. */
    public static final String CALLS = "callqa-calls";

    /**
     * Alerts, one index per UTC day of the alert ({@code callqa-alerts-2026.11.21}), so that
     * retention drops whole days.
     */
    public static final String ALERTS = "callqa-alerts";

    /** Every day's alerts index. */
    public static final String ALERTS_ALL = ALERTS + "*";

    /** Dead letters: inputs that could not be analysed, with the reason, one index per day. */
    public static final String ERRORS = "callqa-errors";

    /** Every day's dead-letters index. */
    public static final String ERRORS_ALL = ERRORS + "*";

    /**
     * Agent-assist suggestions raised and withdrawn while calls are live, one index per UTC day
     * ({@code callqa-assist-2026.12.02}); the console's agent view follows them.
     */
    public static final String ASSIST = "callqa-assist";

    /** Every day's assist index. */
    public static final String ASSIST_ALL = ASSIST + "*";

    /** Reviewers' verdicts on calls (the console's review form). */
    public static final String REVIEWS = "callqa-reviews";
}
