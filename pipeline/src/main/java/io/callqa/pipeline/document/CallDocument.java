package io.callqa.pipeline.document;

/**
 * The indexed summary of one call, as JSON, with its document id (the call id, so that replays
 * overwrite rather than duplicate).
 */
public class CallDocument {
    /** The call id, also the OpenSearch document id. */
    public String callId;

    /** The document, UTF-8 JSON in the shape described in the README. */
    public String json;

    /** For Flink's POJO serializer. */
    public CallDocument() {}

    /** A document for {@code callId}. */
    public CallDocument(String callId, String json) {
        this.callId = callId;
        this.json = json;
    }

    @Override
    public String toString() {
        return callId;
    }
}
