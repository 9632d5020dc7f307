package io.callqa.pipeline.document;

/**
 * One alert as indexed into {@code callqa-alerts}, under its deterministic id (call id, rule and
 * utterance), so that a replayed call overwrites its alerts instead of repeating them.
 */
public class AlertDocument {
    /** The alert id, also the OpenSearch document id. */
    public String alertId;

    /** The document, UTF-8 JSON. */
    public String json;

    /** For Flink's POJO serializer. */
    public AlertDocument() {}

    /** An alert document. */
    public AlertDocument(String alertId, String json) {
        this.alertId = alertId;
        this.json = json;
    }

    @Override
    public String toString() {
        return alertId;
    }
}
