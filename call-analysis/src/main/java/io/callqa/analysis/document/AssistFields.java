package io.callqa.analysis.document;

/**
 * The fields of an agent-assist event ({@code callqa-assist-*}, Kafka {@code callqa.assist}): a
 * playbook step suggested to the agent of a live call, or withdrawn once done. The one place their
 * names are written; the call's metadata ({@link CallFields#AGENT_ID}, ...) rides along under the
 * call document's names.
 */
public final class AssistFields {

    private AssistFields() {}

    private static DocumentField f(String path) {
        return new DocumentField(path);
    }

    /** Call id, playbook, step and type: a replayed call overwrites its events. */
    public static final DocumentField EVENT_ID = f("event_id");

    public static final DocumentField CALL_ID = f("call_id");
    public static final DocumentField TIMESTAMP = f("@timestamp");

    /** {@value #SUGGESTED} or {@value #WITHDRAWN}. */
    public static final DocumentField TYPE = f("type");

    public static final String SUGGESTED = "suggested";
    public static final String WITHDRAWN = "withdrawn";

    public static final DocumentField PLAYBOOK = f("playbook");
    public static final DocumentField STEP = f("step");

    /** The advice, the knowledge it rests on, and wording the agent may use. */
    public static final DocumentField TEXT = f("text");

    public static final DocumentField SNIPPETS = f("snippets");
    public static final DocumentField PHRASES = f("phrases");

    /** The utterance that raised or withdrew it, and its start in seconds into the call. */
    public static final DocumentField UTTERANCE = f("utterance");

    public static final DocumentField T = f("t");
    public static final DocumentField TRIGGERED_BY = f("triggered_by");
    public static final DocumentField DONE_BY = f("done_by");
    public static final DocumentField EVIDENCE = f("evidence");
    public static final DocumentField LANGUAGE = f("language");

    /** When the operator raised it and when its utterance was finalized (epoch millis). */
    public static final DocumentField LIVE_RAISED_AT = f("live.raised_at");

    public static final DocumentField LIVE_FINALIZED_AT = f("live.finalized_at");
}
