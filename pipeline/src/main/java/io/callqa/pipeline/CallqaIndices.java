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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.opensearch.client.transport.OpenSearchTransport;

/** The OpenSearch indices callqa writes, and how each record type becomes a document in them. */
public final class CallqaIndices {
    /** One document per call, id = call id. */
    public static final String CALLS = "callqa-calls";

    /**
     * Alerts raised by calls, id = call id and rule, in one index per day of the alert's time
     * ({@code callqa-alerts-2026.11.21}): retention (the ISM policy of {@code callqa dashboards
     * install}) can only drop whole indices. Search {@link #ALERTS_ALL}.
     */
    public static final String ALERTS = "callqa-alerts";

    /** Every alerts index. */
    public static final String ALERTS_ALL = ALERTS + "*";

    /**
     * Inputs the job rejected, with the reason, in one index per day of the rejection, like the
     * alerts. Search {@link #ERRORS_ALL}.
     */
    public static final String ERRORS = "callqa-errors";

    /** Every errors index. */
    public static final String ERRORS_ALL = ERRORS + "*";

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

    /** Call documents go to {@link #CALLS} under their call id. */
    public static DocumentConverter<CallDocument> calls() {
        return d -> DocumentRequest.index(CALLS, d.callId, d.json);
    }

    /**
     * Alerts go to the day of their {@code @timestamp} (the moment in the call), so that a replayed
     * call lands in the same index and overwrites its alerts under their deterministic ids; an
     * alert without one (a call without a start time) goes to the day it was indexed.
     */
    public static DocumentConverter<AlertDocument> alerts() {
        return a -> DocumentRequest.index(daily(ALERTS, alertTime(a.json)), a.alertId, a.json);
    }

    /** {@code family-yyyy.MM.dd} for the UTC day of {@code at}. */
    static String daily(String family, Instant at) {
        return family + "-" + DAY.format(at);
    }

    private static Instant alertTime(String json) {
        try {
            String ts = MAPPER.readTree(json).path("@timestamp").asText("");
            return ts.isEmpty() ? Instant.now() : Instant.parse(ts);
        } catch (JsonProcessingException | java.time.format.DateTimeParseException e) {
            return Instant.now();
        }
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
