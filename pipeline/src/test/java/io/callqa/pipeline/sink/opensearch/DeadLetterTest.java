package io.callqa.pipeline.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-21T05:00:00Z");

    @Test
    void errorDocumentHasTheDocumentedFields() throws Exception {
        DocumentRequest refused =
                DocumentRequest.index("calls", "call-7", "{\"duration_s\":\"열두\"}");
        DeadLetter deadLetter =
                new DeadLetter(refused, 400, "mapper_parsing_exception: failed to parse");

        DocumentRequest error = deadLetter.toErrorDocument("callqa-errors", NOW);

        assertThat(error.index()).isEqualTo("callqa-errors");
        assertThat(error.id()).isEqualTo("calls:call-7");
        JsonNode doc = JSON.readTree(error.source());
        assertThat(doc.get("@timestamp").asText()).isEqualTo("2026-11-21T05:00:00Z");
        assertThat(doc.get("stage").asText()).isEqualTo("opensearch-sink");
        assertThat(doc.get("source_index").asText()).isEqualTo("calls");
        assertThat(doc.get("doc_id").asText()).isEqualTo("call-7");
        assertThat(doc.get("reason").asText())
                .isEqualTo("mapper_parsing_exception: failed to parse");
        assertThat(doc.get("status").asInt()).isEqualTo(400);
        assertThat(doc.get("document").asText()).isEqualTo("{\"duration_s\":\"열두\"}");
        assertThat(doc.get("document_truncated").asBoolean()).isFalse();
        assertThat(RawJsonDocument.validate(error.source())).isNull();
    }

    @Test
    void sourceIsCutAt32KiloBytesWithoutSplittingAKoreanSyllable() throws Exception {
        // 3-byte syllables after one ASCII byte: 32768 is not a character boundary.
        StringBuilder text = new StringBuilder("x");
        while (text.length() < 20_000) {
            text.append("상담");
        }
        byte[] source = text.toString().getBytes(StandardCharsets.UTF_8);
        DeadLetter deadLetter =
                new DeadLetter(DocumentRequest.index("calls", "long", source), 400, "too odd");

        JsonNode doc = JSON.readTree(deadLetter.errorDocumentSource(NOW));

        String kept = doc.get("document").asText();
        int keptBytes = kept.getBytes(StandardCharsets.UTF_8).length;
        assertThat(keptBytes)
                .isLessThanOrEqualTo(DeadLetter.MAX_SOURCE_BYTES)
                .isGreaterThan(32_760);
        assertThat(kept).doesNotContain("\uFFFD");
        assertThat(text.toString()).startsWith(kept);
        assertThat(doc.get("document_truncated").asBoolean()).isTrue();
    }

    @Test
    void utf8PrefixLength() {
        byte[] ga = "가".getBytes(StandardCharsets.UTF_8);
        assertThat(ga).hasSize(3);
        byte[] twoSyllables = "가나".getBytes(StandardCharsets.UTF_8);
        assertThat(DeadLetter.utf8PrefixLength(twoSyllables, 6)).isEqualTo(6);
        assertThat(DeadLetter.utf8PrefixLength(twoSyllables, 5)).isEqualTo(3);
        assertThat(DeadLetter.utf8PrefixLength(twoSyllables, 4)).isEqualTo(3);
        assertThat(DeadLetter.utf8PrefixLength(twoSyllables, 3)).isEqualTo(3);
        assertThat(DeadLetter.utf8PrefixLength(twoSyllables, 2)).isEqualTo(0);
    }

    @Test
    void longIdsAreHashedSoTheErrorDocumentIdStaysValid() {
        String longId = "통".repeat(170); // 510 bytes: fits alone, not with the index prefix
        DeadLetter deadLetter =
                new DeadLetter(DocumentRequest.index("calls", longId, "{}"), 400, "x");

        String id = deadLetter.errorDocumentId();

        assertThat(id).hasSize(64).matches("[0-9a-f]+");
        assertThat(deadLetter.errorDocumentId()).isEqualTo(id);
    }
}
