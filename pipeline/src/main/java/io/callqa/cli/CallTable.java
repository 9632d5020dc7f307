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
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** Reads the indexed calls back from OpenSearch and prints them as a table. */
final class CallTable {
    private final URI url;

    CallTable(URI url) {
        this.url = url;
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
            List<JsonNode> calls = fetch(client, CallqaIndices.CALLS);
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
            List<JsonNode> errors = fetch(client, CallqaIndices.ERRORS);
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

    private static List<JsonNode> fetch(OpenSearchClient client, String index) throws IOException {
        boolean exists = client.indices().exists(e -> e.index(index)).value();
        List<JsonNode> out = new ArrayList<>();
        if (!exists) {
            return out;
        }
        SearchResponse<JsonNode> r =
                client.search(s -> s.index(index).size(10_000), JsonNode.class);
        for (Hit<JsonNode> h : r.hits().hits()) {
            out.add(h.source());
        }
        return out;
    }
}
