package io.callqa.pipeline.document;

/**
 * One alert as indexed into {@code callqa-alerts} and sent to {@code callqa.alerts}, under its
 * deterministic id (call id and rule), so that a replayed call overwrites its alerts instead of
 * repeating them, and an alert raised live and found again at the end of the call is one alert.
 */
public class AlertDocument {
    /** The alert id, also the OpenSearch document id. */
    public String alertId;

    /** The call that raised it; the Kafka record key, so a call's alerts stay in order. */
    public String callId;

    /** The document, UTF-8 JSON. */
    public String json;

    /** For Flink's POJO serializer. */
    public AlertDocument() {}

    /** An alert document. */
    public AlertDocument(String alertId, String callId, String json) {
        this.alertId = alertId;
        this.callId = callId;
        this.json = json;
    }

    @Override
    public String toString() {
        return alertId;
    }
}
