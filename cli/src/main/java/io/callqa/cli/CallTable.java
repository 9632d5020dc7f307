package io.callqa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.callqa.analysis.document.IndexNames;
import io.callqa.pipeline.OpenSearchConnection;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.OpenSearchTransport;

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
        OpenSearchTransport transport = OpenSearchConnection.open(url);
        try {
            OpenSearchClient client = new OpenSearchClient(transport);
            client.indices()
                    .refresh(
                            r ->
                                    r.index(IndexNames.CALLS, IndexNames.ERRORS_ALL)
                                            .ignoreUnavailable(true));
            List<JsonNode> calls = fetch(client, IndexNames.CALLS, "source.uri");
            calls.sort(Comparator.comparing(c -> c.path("call_id").asText()));
            String format = "%-17s %-4s %-14s %5s  %-10s %-13s %6s  %s%n";
            out.printf(
                    Locale.ROOT,
                    format,
                    "call",
                    "lang",
                    "category",
                    "QA",
                    "compliance",
                    "customer",
                    "length",
                    "alerts / failed rules");
            for (JsonNode c : calls) {
                out.printf(
                        Locale.ROOT,
                        format,
                        c.path("call_id").asText(),
                        c.path("language").asText(),
                        String.format(
                                Locale.ROOT,
                                "%s %.2f",
                                c.path("category").path("label").asText("-"),
                                c.path("category").path("confidence").asDouble()),
                        String.format(Locale.ROOT, "%.0f", c.path("qa").path("score").asDouble()),
                        c.path("qa").path("compliance_passed").asBoolean() ? "pass" : "FAIL",
                        customerMood(c),
                        String.format(Locale.ROOT, "%.0f s", c.path("duration_s").asDouble()),
                        alertsAndFailures(c));
            }
            List<JsonNode> errors = fetch(client, IndexNames.ERRORS_ALL, "source");
            out.printf(
                    Locale.ROOT,
                    "%d call(s) in %s, %d rejected input(s) in %s%n",
                    calls.size(),
                    IndexNames.CALLS,
                    errors.size(),
                    IndexNames.ERRORS_ALL);
            for (JsonNode e : errors) {
                out.println("  rejected: " + e.path("reason").asText());
            }
        } finally {
            transport.close();
        }
    }

    /**
     * The customer's peak as the voice heard it when there was a recording; otherwise agitated if
     * any customer utterance had agitation cues in its words.
     */
    private static String customerMood(JsonNode call) {
        JsonNode voice = call.at("/emotion/customer");
        if (voice.has("max_arousal")) {
            boolean agitated = false;
            for (JsonNode u : call.path("utterances")) {
                agitated |=
                        u.path("speaker").asText().equals("customer")
                                && u.path("agitated").asBoolean();
            }
            return String.format(
                    Locale.ROOT,
                    "%s %.2f",
                    agitated ? "agitated" : "calm",
                    voice.path("max_arousal").asDouble());
        }
        for (JsonNode u : call.path("utterances")) {
            if (u.path("speaker").asText().equals("customer") && u.path("agitated").asBoolean()) {
                return "agitated";
            }
        }
        return "calm";
    }

    private static String alertsAndFailures(JsonNode call) {
        List<String> alerts = new ArrayList<>();
        call.path("alerts").forEach(a -> alerts.add(a.path("type").asText()));
        List<String> failed = new ArrayList<>();
        call.path("qa").path("failed_rules").forEach(r -> failed.add(r.asText()));
        String a = alerts.isEmpty() ? "-" : String.join(",", alerts.stream().distinct().toList());
        return failed.isEmpty() ? a : a + " / " + String.join(",", failed);
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
