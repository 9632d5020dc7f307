package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.DocumentField;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * The console's requests to OpenSearch, as JSON built with Jackson: searches, gets and writes. An
 * index that does not exist yet reads as empty, so a fresh cluster shows empty pages, not errors.
 * Index names come from {@link io.callqa.analysis.document.IndexNames}, field names from {@link
 * io.callqa.analysis.document.CallFields} and its siblings.
 */
final class Index {

    static final ObjectMapper JSON = new ObjectMapper();

    private final OpenSearchGenericClient client;

    Index(OpenSearchTransport transport) {
        this.client = new OpenSearchGenericClient(transport);
    }

    /**
     * The value of {@code field} in {@code doc}, a document's source or an object inside it, found
     * by the field's dotted path; missing when the document has none.
     */
    static JsonNode at(JsonNode doc, DocumentField field) {
        return doc.at(field.pointer());
    }

    /**
     * What a page's script gets of document {@code id}: {@code id}, and each of {@code fields} that
     * {@code source} has, under the field's path, but {@code @timestamp} as {@code timestamp} (the
     * name scripts can read as a property).
     */
    static ObjectNode view(String id, JsonNode source, List<DocumentField> fields) {
        ObjectNode v = JSON.createObjectNode();
        v.put("id", id);
        for (DocumentField f : fields) {
            JsonNode n = at(source, f);
            if (!n.isMissingNode() && !n.isNull()) {
                v.set(f.path().equals("@timestamp") ? "timestamp" : f.path(), n);
            }
        }
        return v;
    }

    /** The response of {@code POST /index/_search} with {@code body}; empty hits if no index. */
    JsonNode search(String index, ObjectNode body) throws IOException {
        return call(
                "POST",
                "/" + index + "/_search",
                Map.of("ignore_unavailable", "true", "allow_no_indices", "true"),
                body);
    }

    /** The source of document {@code id}, if it exists. */
    Optional<JsonNode> get(String index, String id) throws IOException {
        try (Response r =
                client.execute(
                        Requests.builder()
                                .method("GET")
                                .endpoint("/" + index + "/_doc/" + encode(id))
                                .build())) {
            if (r.getStatus() == 404) {
                return Optional.empty();
            }
            JsonNode n = read(r);
            return Optional.of(n.path("_source"));
        }
    }

    /** Writes {@code doc} as {@code id} and waits until searches see it. */
    void put(String index, String id, ObjectNode doc) throws IOException {
        call("PUT", "/" + index + "/_doc/" + encode(id), Map.of("refresh", "wait_for"), doc);
    }

    /** Merges {@code fields} into document {@code id} and waits until searches see it. */
    void update(String index, String id, ObjectNode fields) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.set("doc", fields);
        call("POST", "/" + index + "/_update/" + encode(id), Map.of("refresh", "wait_for"), body);
    }

    private JsonNode call(
            String method, String endpoint, Map<String, String> query, ObjectNode body)
            throws IOException {
        try (Response r =
                client.execute(
                        Requests.builder()
                                .method(method)
                                .endpoint(endpoint)
                                .query(query)
                                .json(JSON.writeValueAsString(body))
                                .build())) {
            return read(r);
        }
    }

    private static JsonNode read(Response r) throws IOException {
        byte[] bytes = r.getBody().map(Body::bodyAsBytes).orElse(new byte[0]);
        if (r.getStatus() / 100 != 2) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            throw new IOException(
                    "OpenSearch answered HTTP "
                            + r.getStatus()
                            + " to "
                            + r.getMethod()
                            + " "
                            + r.getUri()
                            + ": "
                            + (text.length() > 500 ? text.substring(0, 500) + "..." : text));
        }
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
