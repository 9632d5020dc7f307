package io.callqa.dashboards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Plain JSON requests to a cluster, for APIs the typed client does not cover (index templates as
 * raw JSON, the ISM plugin). Error statuses come back as replies rather than exceptions, because
 * callers decide what a 404 means.
 */
final class ClusterRequests {

    /** A response: its HTTP status and body text (empty when there was none). */
    record Reply(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The body cut to a length that fits in a one-line message. */
        String shortBody() {
            String b = body.isEmpty() ? "(no response body)" : body.replaceAll("\\s+", " ");
            return b.length() > 500 ? b.substring(0, 500) + "..." : b;
        }
    }

    private final OpenSearchGenericClient client;

    ClusterRequests(OpenSearchGenericClient client) {
        this.client = client;
    }

    Reply get(String endpoint) throws IOException {
        return send("GET", endpoint, null);
    }

    Reply send(String method, String endpoint, String json) throws IOException {
        return send(method, endpoint, Map.of(), json);
    }

    Reply send(String method, String endpoint, Map<String, String> query, String json)
            throws IOException {
        Requests.JsonBodyBuilder request =
                Requests.builder().method(method).endpoint(endpoint).query(query);
        if (json != null) {
            request.json(json);
        }
        try (Response r = client.execute(request.build())) {
            return new Reply(r.getStatus(), r.getBody().map(ClusterRequests::read).orElse(""));
        }
    }

    private static String read(Body body) {
        try (body) {
            return new String(body.bodyAsBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(response body unreadable: " + e.getMessage() + ")";
        }
    }
}
