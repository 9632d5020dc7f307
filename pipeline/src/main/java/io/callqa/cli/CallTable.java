package io.callqa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.callqa.pipeline.CallqaIndices;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Reads the calls of one input directory back from OpenSearch and prints them as a table. Only
 * documents whose source lies under that directory are shown, so that running the demo against an
 * OpenSearch that already holds other calls lists just this run's.
 */
final class CallTable {
    private final URI url;
    private final String sourcePrefix;

    /**
     * @param url the OpenSearch to read
     * @param sourcePrefix the URI prefix of the inputs to show, e.g. {@code file:/data/calls/}
     */
    CallTable(URI url, String sourcePrefix) {
        this.url = url;
        this.sourcePrefix = sourcePrefix;
    }

    /** Prints one row per indexed call and a line counting rejected inputs. */
    void print(PrintWriter out) throws IOException {
        OpenSearchTransport transport =
                ApacheHttpClient5TransportBuilder.builder(HttpHost.create(url))
                        .setMapper(new JacksonJsonpMapper())
                        .build();
        try {
            OpenSearchClient client = new OpenSearchClient(transport);
            client.indices()
                    .refresh(
                            r ->
                                    r.index(CallqaIndices.CALLS, CallqaIndices.ERRORS)
                                            .ignoreUnavailable(true));
            List<JsonNode> calls = fetch(client, CallqaIndices.CALLS, "source.uri");
            calls.sort(Comparator.comparing(c -> c.path("call_id").asText()));
            String format = "%-18s %-4s %-7s %-14s %8s %6s %8s %9s %12s%n";
            out.printf(
                    Locale.ROOT,
                    format,
                    "call",
                    "lang",
                    "agent",
                    "queue",
                    "length",
                    "turns",
                    "agent %",
                    "overtalk",
                    "longest gap");
            for (JsonNode c : calls) {
                JsonNode p = c.path("prosody");
                out.printf(
                        Locale.ROOT,
                        format,
                        c.path("call_id").asText(),
                        c.path("language").asText(),
                        c.path("agent_id").asText("-"),
                        c.path("queue").asText("-"),
                        String.format(Locale.ROOT, "%.1f s", c.path("duration_s").asDouble()),
                        c.path("utterance_count").asInt(),
                        String.format(
                                Locale.ROOT,
                                "%.0f",
                                p.path("agent").path("talk_ratio").asDouble() * 100),
                        String.format(Locale.ROOT, "%.1f s", p.path("overtalk_s").asDouble()),
                        String.format(
                                Locale.ROOT, "%.1f s", p.path("longest_silence_s").asDouble()));
            }
            List<JsonNode> errors = fetch(client, CallqaIndices.ERRORS, "source");
            out.printf(
                    Locale.ROOT,
                    "%d call(s) in %s, %d rejected input(s) in %s%n",
                    calls.size(),
                    CallqaIndices.CALLS,
                    errors.size(),
                    CallqaIndices.ERRORS);
            for (JsonNode e : errors) {
                out.println("  rejected: " + e.path("reason").asText());
            }
        } finally {
            transport.close();
        }
    }

    private List<JsonNode> fetch(OpenSearchClient client, String index, String sourceField)
            throws IOException {
        boolean exists = client.indices().exists(e -> e.index(index)).value();
        List<JsonNode> out = new ArrayList<>();
        if (!exists) {
            return out;
        }
        // The index templates map these source fields as keywords, which prefix queries need.
        Query underInput = Query.of(q -> q.prefix(p -> p.field(sourceField).value(sourcePrefix)));
        SearchResponse<JsonNode> r =
                client.search(s -> s.index(index).size(10_000).query(underInput), JsonNode.class);
        for (Hit<JsonNode> h : r.hits().hits()) {
            out.add(h.source());
        }
        return out;
    }
}
