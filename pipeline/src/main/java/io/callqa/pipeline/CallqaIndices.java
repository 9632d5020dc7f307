package io.callqa.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.dashboards.IndexTemplates;
import io.callqa.pipeline.analysis.DeadLetter;
import io.callqa.pipeline.document.AlertDocument;
import io.callqa.pipeline.document.CallDocument;
import io.callqa.pipeline.sink.opensearch.DocumentConverter;
import io.callqa.pipeline.sink.opensearch.DocumentRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import org.opensearch.client.transport.OpenSearchTransport;

/** The OpenSearch indices callqa writes, and how each record type becomes a document in them. */
public final class CallqaIndices {
    /** One document per call, id = call id. */
    public static final String CALLS = "callqa-calls";

    /** Alerts raised by calls, id = call id, rule and utterance. */
    public static final String ALERTS = "callqa-alerts";

    /** Inputs the job rejected, with the reason. */
    public static final String ERRORS = "callqa-errors";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CallqaIndices() {}

    /**
     * Installs the index templates into the OpenSearch at {@code url} before the job writes, so
     * that the first document of each index gets the right mapping rather than a guessed one.
     * Idempotent; safe to call at every job start.
     */
    public static void installTemplates(URI url) throws IOException {
        installTemplates(OpenSearchAccess.plain(url));
    }

    /** As {@link #installTemplates(URI)}, with the credentials and trust of {@code access}. */
    public static void installTemplates(OpenSearchAccess access) throws IOException {
        OpenSearchTransport transport = access.open();
        try {
            IndexTemplates.install(transport);
        } finally {
            transport.close();
        }
    }

    /** Call documents go to {@link #CALLS} under their call id. */
    public static DocumentConverter<CallDocument> calls() {
        return d -> DocumentRequest.index(CALLS, d.callId, d.json);
    }

    /** Alerts go to {@link #ALERTS} under their deterministic alert id. */
    public static DocumentConverter<AlertDocument> alerts() {
        return a -> DocumentRequest.index(ALERTS, a.alertId, a.json);
    }

    /** Dead letters go to {@link #ERRORS} under an id derived from the input and stage. */
    public static DocumentConverter<DeadLetter> errors() {
        return CallqaIndices::errorDocument;
    }

    private static DocumentRequest errorDocument(DeadLetter d) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("@timestamp", Instant.ofEpochMilli(d.rejectedAtMillis).toString());
        doc.put("stage", d.stage);
        doc.put("source", d.source);
        doc.put("reason", d.reason);
        if (d.callId != null) {
            doc.put("call_id", d.callId);
        }
        try {
            return DocumentRequest.index(ERRORS, d.id(), MAPPER.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
