package io.callqa.analysis.document;

/**
 * The indexed summary of one call, serialized once by {@link CallDocuments}, under its document id
 * (the call id, so that replays overwrite rather than duplicate). Sinks send the JSON as it is;
 * nothing parses it again.
 *
 * @param callId the call id, also the OpenSearch document id
 * @param json the document, UTF-8 JSON with the fields of {@link CallFields}
 */
public record CallDocument(String callId, String json) {

    @Override
    public String toString() {
        return callId;
    }
}
