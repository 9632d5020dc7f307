package io.callqa.analysis.document;

import java.time.Instant;

/**
 * One agent-assist event of a live call, serialized once by {@link AssistDocuments}, for Kafka
 * {@code callqa.assist} and the index {@code callqa-assist-<day>} the console's agent view follows.
 *
 * @param eventId call id, playbook, step and type; also the OpenSearch document id, so a replayed
 *     call overwrites its events
 * @param callId the call; the Kafka record key, so a call's events stay in order
 * @param at the moment in the call of the utterance that caused it, or null for a call without a
 *     start time
 * @param json the document, UTF-8 JSON with the fields of {@link AssistFields}
 */
public record AssistDocument(String eventId, String callId, Instant at, String json) {

    @Override
    public String toString() {
        return eventId;
    }
}
