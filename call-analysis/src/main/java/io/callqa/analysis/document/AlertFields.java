package io.callqa.analysis.document;

/**
 * The fields of an alert document ({@code callqa-alerts-*}, Kafka {@code callqa.alerts}): the one
 * place their names are written. Besides these, an alert carries the call's metadata ({@link
 * CallFields#AGENT_ID}, {@link CallFields#TEAM}, {@link CallFields#QUEUE}, ...) under the same
 * names as the call document, so that a floor manager's view needs no join.
 */
public final class AlertFields {

    private AlertFields() {}

    private static DocumentField f(String path) {
        return new DocumentField(path);
    }

    public static final DocumentField ALERT_ID = f("alert_id");
    public static final DocumentField CALL_ID = f("call_id");
    public static final DocumentField TIMESTAMP = f("@timestamp");
    public static final DocumentField TYPE = f("type");
    public static final DocumentField RULE_ID = f("rule_id");
    public static final DocumentField SEVERITY = f("severity");
    public static final DocumentField UTTERANCE = f("utterance");
    public static final DocumentField T = f("t");
    public static final DocumentField MESSAGE = f("message");
    public static final DocumentField SPEAKER = f("speaker");
    public static final DocumentField TEXT = f("text");
    public static final DocumentField LANGUAGE = f("language");
    public static final DocumentField ACKNOWLEDGED = f("acknowledged");

    /** Who acknowledged the alert and when: written by the console, never by the analysis. */
    public static final DocumentField ACKNOWLEDGED_BY = f("acknowledged_by");

    public static final DocumentField ACKNOWLEDGED_AT = f("acknowledged_at");

    /**
     * On an {@code abuse} alert: what kind of abuse ({@code insult}, {@code profanity}, {@code
     * threat}, {@code sexual}), how sure, the lexicon terms that matched (as the lexicon writes
     * them, masked forms included), and the warning the agent may read to the caller.
     */
    public static final DocumentField ABUSE = f("abuse");

    public static final DocumentField ABUSE_KIND = f("abuse.kind");
    public static final DocumentField ABUSE_CONFIDENCE = f("abuse.confidence");
    public static final DocumentField ABUSE_EVIDENCE = f("abuse.evidence");
    public static final DocumentField ABUSE_NOTICE = f("abuse.notice");

    /** The alert type of abuse of the agent by the caller. */
    public static final String TYPE_ABUSE = "abuse";

    /** When and by what a live alert was raised (absent on alerts found after the call). */
    public static final DocumentField LIVE = f("live");

    public static final DocumentField LIVE_RAISED_AT = f("live.raised_at");
    public static final DocumentField LIVE_FINALIZED_AT = f("live.finalized_at");
    public static final DocumentField LIVE_AUDIO_AT = f("live.audio_at");
    public static final DocumentField LIVE_AT_CALL_END = f("live.at_call_end");
}
