package io.callqa.pipeline.sink.opensearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A document OpenSearch refused for good (a mapping error, a malformed source, ...), with the
 * status and reason it gave, and the error document the sink writes for it into the dead-letter
 * index.
 *
 * <p>The error document has the fields {@code @timestamp}, {@code stage} ({@value #STAGE}), {@code
 * source_index}, {@code doc_id}, {@code reason}, {@code status}, {@code document} (the first
 * {@value #MAX_SOURCE_BYTES} bytes of the refused source, cut at a character boundary) and {@code
 * document_truncated}. Its id is derived from the refused document's index and id so that a replay
 * overwrites the error document instead of adding another.
 */
final class DeadLetter {

    /** The {@code stage} field of every error document this sink writes. */
    static final String STAGE = "opensearch-sink";

    /** How much of the refused source an error document keeps. */
    static final int MAX_SOURCE_BYTES = 32 * 1024;

    /** Status recorded for sources the sink refuses itself, before sending them. */
    static final int STATUS_INVALID_SOURCE = 400;

    private static final JsonFactory JSON = new JsonFactory();

    private final DocumentRequest request;
    private final int status;
    private final String reason;

    DeadLetter(DocumentRequest request, int status, String reason) {
        this.request = Objects.requireNonNull(request, "request");
        this.status = status;
        this.reason = reason == null || reason.isEmpty() ? "no reason given" : reason;
    }

    DocumentRequest request() {
        return request;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    /** The request that writes this failure's error document into {@code deadLetterIndex}. */
    DocumentRequest toErrorDocument(String deadLetterIndex, Instant now) {
        return DocumentRequest.index(deadLetterIndex, errorDocumentId(), errorDocumentSource(now));
    }

    /**
     * {@code <index>:<id>} of the refused document, or its SHA-256 when that would exceed the id
     * limit.
     */
    String errorDocumentId() {
        String plain = request.index() + ":" + request.id();
        byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= DocumentRequest.MAX_ID_BYTES) {
            return plain;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    byte[] errorDocumentSource(Instant now) {
        byte[] source = request.source();
        int keep = utf8PrefixLength(source, MAX_SOURCE_BYTES);
        ByteArrayOutputStream out = new ByteArrayOutputStream(keep + 512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("@timestamp", now.toString());
            json.writeStringField("stage", STAGE);
            json.writeStringField("source_index", request.index());
            json.writeStringField("doc_id", request.id());
            json.writeStringField("reason", reason);
            json.writeNumberField("status", status);
            json.writeStringField("document", new String(source, 0, keep, StandardCharsets.UTF_8));
            json.writeBooleanField("document_truncated", keep < source.length);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch sink: could not build an error document", e);
        }
        return out.toByteArray();
    }

    /**
     * The length of the longest prefix of {@code utf8} of at most {@code limit} bytes that does not
     * end inside a multi-byte character, so Korean text is cut between syllables, not inside one.
     */
    static int utf8PrefixLength(byte[] utf8, int limit) {
        if (utf8.length <= limit) {
            return utf8.length;
        }
        int end = limit;
        // Continuation bytes look like 10xxxxxx; back up to the lead byte of the cut character.
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return end;
    }

    @Override
    public String toString() {
        return request.index() + "/" + request.id() + " (" + status + ": " + reason + ")";
    }
}
