package io.callqa.analysis.document;

import java.time.Instant;

/**
 * One alert as indexed into {@code callqa-alerts} and sent to {@code callqa.alerts}, serialized
 * once by {@link CallDocuments}, under its deterministic id (call id and rule), so that a replayed
 * call overwrites its alerts instead of repeating them, and an alert raised live and found again at
 * the end of the call is one alert.
 *
 * @param alertId the alert id, also the OpenSearch document id
 * @param callId the call that raised it; the Kafka record key, so a call's alerts stay in order
 * @param at the moment in the call the alert is about ({@code @timestamp}), or null for a call
 *     without a start time; it picks the day's index without the JSON being read again
 * @param json the document, UTF-8 JSON with the fields of {@link AlertFields}
 */
public record AlertDocument(String alertId, String callId, Instant at, String json) {

    @Override
    public String toString() {
        return alertId;
    }
}
