package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index templates install (twice, idempotently) into a real OpenSearch, shape the mappings of
 * new callqa indices, and make Korean transcripts findable by a word stem.
 */
@ExtendWith(OpenSearchExtension.class)
class IndexTemplatesITCase {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode call(URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder r =
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json");
        r.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> resp =
                http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(resp.statusCode())
                .as(method + " " + path + ": " + resp.body())
                .isBetween(200, 299);
        return mapper.readTree(resp.body());
    }

    @Test
    void shapesNewCallIndicesAndFindsKoreanByStem(OpenSearchNode node) throws Exception {
        URI os = node.httpUri();
        CallqaIndices.installTemplates(os);
        CallqaIndices.installTemplates(os);

        String index = "callqa-calls-templates-it";
        call(
                os,
                "PUT",
                "/" + index + "/_doc/s-ko-1?refresh=true",
                """
                {"call_id": "s-ko-1", "started_at": "2026-11-02T09:15:00Z", "language": "ko",
                 "utterances": [
                   {"speaker": "agent", "start": 0.4, "end": 2.0, "text": "안녕하세요, 무엇을 도와드릴까요?"},
                   {"speaker": "customer", "start": 2.5, "end": 4.0, "text": "지난주 주문 환불해 주세요"}]}
                """);

        JsonNode mapping =
                call(os, "GET", "/" + index + "/_mapping", null)
                        .path(index)
                        .path("mappings")
                        .path("properties");
        assertThat(mapping.path("started_at").path("type").asText()).isEqualTo("date");
        assertThat(mapping.path("call_id").path("type").asText()).isEqualTo("keyword");
        assertThat(mapping.path("utterances").path("type").asText()).isEqualTo("nested");

        JsonNode hits =
                call(
                                os,
                                "POST",
                                "/" + index + "/_search",
                                """
                                {"query": {"nested": {"path": "utterances", "query": {"bool": {"must": [
                                  {"match": {"utterances.text.cjk": "환불"}},
                                  {"term": {"utterances.speaker": "customer"}}]}}}}}
                                """)
                        .path("hits")
                        .path("hits");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).path("_id").asText()).isEqualTo("s-ko-1");

        call(os, "DELETE", "/" + index, null);
    }
}
