package io.callqa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.IOException;
import java.util.UUID;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** The shared real OpenSearch node indexes and finds a call document, Korean text included. */
@ExtendWith(OpenSearchExtension.class)
class OpenSearchNodeITCase {
    /** A small call document, named like the callqa-calls fields. */
    public record CallDoc(
            @JsonProperty("call_id") String callId,
            @JsonProperty("language") String language,
            @JsonProperty("summary") String summary,
            @JsonProperty("summary_ko") String summaryKo,
            @JsonProperty("qa_score") int qaScore) {}

    private static final String INDEX = "it-calls-" + UUID.randomUUID();

    private static OpenSearchTransport transport;
    private static OpenSearchClient client;

    @BeforeAll
    static void connect(OpenSearchNode node) {
        transport =
                ApacheHttpClient5TransportBuilder.builder(
                                new HttpHost("http", node.host(), node.httpPort()))
                        .build();
        client = new OpenSearchClient(transport);
    }

    @AfterAll
    static void disconnect() throws IOException {
        if (client != null) {
            client.indices().delete(d -> d.index(INDEX));
        }
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void indexesAndSearchesACallWithKoreanText(OpenSearchNode node) throws IOException {
        assertThat(client.info().version().number()).isEqualTo(node.version());
        client.indices()
                .create(
                        c ->
                                c.index(INDEX)
                                        .mappings(
                                                m ->
                                                        m.properties(
                                                                        "call_id",
                                                                        p -> p.keyword(k -> k))
                                                                .properties(
                                                                        "language",
                                                                        p -> p.keyword(k -> k))
                                                                .properties(
                                                                        "summary",
                                                                        p -> p.text(t -> t))
                                                                .properties(
                                                                        "summary_ko",
                                                                        p -> p.text(t -> t))
                                                                .properties(
                                                                        "qa_score",
                                                                        p -> p.integer(i -> i))));
        CallDoc refund =
                new CallDoc(
                        "s-ko-refund-01",
                        "ko",
                        "Customer asks for a refund of a damaged kettle",
                        "고객이 파손된 주전자 환불 을 요청함",
                        87);
        CallDoc shipping =
                new CallDoc(
                        "s-ko-shipping-02",
                        "ko",
                        "Customer asks where the parcel is",
                        "고객이 배송 위치를 문의함",
                        92);
        client.index(i -> i.index(INDEX).id(refund.callId()).document(refund));
        client.index(
                i ->
                        i.index(INDEX)
                                .id(shipping.callId())
                                .document(shipping)
                                .refresh(Refresh.False));
        client.indices().refresh(r -> r.index(INDEX));

        SearchResponse<CallDoc> korean =
                client.search(
                        s ->
                                s.index(INDEX)
                                        .query(
                                                q ->
                                                        q.match(
                                                                m ->
                                                                        m.field("summary_ko")
                                                                                .query(
                                                                                        FieldValue
                                                                                                .of(
                                                                                                        "환불")))),
                        CallDoc.class);
        assertThat(korean.hits().total().value()).isEqualTo(1);
        Hit<CallDoc> hit = korean.hits().hits().get(0);
        assertThat(hit.id()).isEqualTo("s-ko-refund-01");
        assertThat(hit.source()).isEqualTo(refund);

        SearchResponse<CallDoc> english =
                client.search(
                        s ->
                                s.index(INDEX)
                                        .query(
                                                q ->
                                                        q.match(
                                                                m ->
                                                                        m.field("summary")
                                                                                .query(
                                                                                        FieldValue
                                                                                                .of(
                                                                                                        "parcel")))),
                        CallDoc.class);
        assertThat(english.hits().hits()).extracting(Hit::id).containsExactly("s-ko-shipping-02");
    }
}
