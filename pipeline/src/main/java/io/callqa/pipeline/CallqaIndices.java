package io.callqa.pipeline;

import static io.callqa.analysis.document.IndexNames.ALERTS;
import static io.callqa.analysis.document.IndexNames.ASSIST;
import static io.callqa.analysis.document.IndexNames.CALLS;
import static io.callqa.analysis.document.IndexNames.ERRORS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.AlertDocument;
import io.callqa.analysis.document.AssistDocument;
import io.callqa.analysis.document.CallDocument;
import io.callqa.analysis.document.IndexNames;
import io.callqa.dashboards.IndexTemplates;
import io.callqa.pipeline.analysis.DeadLetter;
import io.callqa.pipeline.sink.opensearch.DocumentConverter;
import io.callqa.pipeline.sink.opensearch.DocumentRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * How each record type becomes a document in callqa's indices ({@link IndexNames}), and the
 * installing of their templates.
 */
public final class CallqaIndices {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

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

    /** Call documents go to {@link IndexNames#CALLS} under their call id. */
    public static DocumentConverter<CallDocument> calls() {
        return d -> DocumentRequest.index(CALLS, d.callId(), d.json());
    }

    /**
     * Alerts go to the day of their {@code @timestamp} (the moment in the call), so that a replayed
     * call lands in the same index and overwrites its alerts under their deterministic ids; an
     * alert without one (a call without a start time) goes to the day it was indexed.
     */
    public static DocumentConverter<AlertDocument> alerts() {
        return a ->
                DocumentRequest.index(
                        daily(ALERTS, a.at() == null ? Instant.now() : a.at()),
                        a.alertId(),
                        a.json());
    }

    /**
     * Agent-assist events go to the day of their {@code @timestamp} under their event id, as alerts
     * do, so that a replayed or restored call overwrites its events.
     */
    public static DocumentConverter<AssistDocument> assist() {
        return a ->
                DocumentRequest.index(
                        daily(ASSIST, a.at() == null ? Instant.now() : a.at()),
                        a.eventId(),
                        a.json());
    }

    /** {@code family-yyyy.MM.dd} for the UTC day of {@code at}. */
    static String daily(String family, Instant at) {
        return family + "-" + DAY.format(at);
    }

    /**
     * Dead letters go to the day they were rejected, under an id derived from the input and stage
     * (a replay on another day files them again, in that day's index).
     */
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
            return DocumentRequest.index(
                    daily(ERRORS, Instant.ofEpochMilli(d.rejectedAtMillis)),
                    d.id(),
                    MAPPER.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
