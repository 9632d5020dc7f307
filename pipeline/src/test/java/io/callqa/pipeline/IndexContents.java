package io.callqa.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What an OpenSearch node holds, read with plain REST calls that share no code with the sink under
 * test; plus the sample calls' files and ground truth.
 */
public final class IndexContents {
    static final Path SAMPLES = Path.of("..", "samples");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IndexContents() {}

    /**
     * Every document of {@code index} by id, after a refresh. Fails if the index holds more hits
     * than ids, which would mean a duplicate under a second id.
     */
    public static Map<String, JsonNode> documents(URI node, String index)
            throws IOException, InterruptedException {
        send(node, "POST", "/" + index + "/_refresh?ignore_unavailable=true", null);
        JsonNode response =
                send(
                        node,
                        "GET",
                        "/" + index + "/_search?ignore_unavailable=true&size=10000",
                        "{\"query\":{\"match_all\":{}}}");
        Map<String, JsonNode> byId = new TreeMap<>();
        JsonNode hits = response.path("hits").path("hits");
        for (JsonNode hit : hits) {
            if (byId.put(hit.path("_id").asText(), hit.path("_source")) != null) {
                throw new AssertionError(index + " returned id " + hit.path("_id") + " twice");
            }
        }
        long total = response.path("hits").path("total").path("value").asLong(hits.size());
        if (total != byId.size()) {
            throw new AssertionError(
                    index + " holds " + total + " hits for " + byId.size() + " ids");
        }
        return byId;
    }

    /** The number of documents in {@code index} (0 when it does not exist), after a refresh. */
    public static long count(URI node, String index) throws IOException, InterruptedException {
        send(node, "POST", "/" + index + "/_refresh?ignore_unavailable=true", null);
        return send(node, "GET", "/" + index + "/_count?ignore_unavailable=true", null)
                .path("count")
                .asLong();
    }

    /** Deletes the given indices if they exist. */
    public static void delete(URI node, String... indices)
            throws IOException, InterruptedException {
        send(node, "DELETE", "/" + String.join(",", indices) + "?ignore_unavailable=true", null);
    }

    /** Copies the samples' transcripts and recordings into {@code dir}; returns the call ids. */
    static List<String> copySamples(Path dir) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String id = f.getFileName().toString().replace(".json", "");
                Files.copy(f, dir.resolve(id + ".json"));
                Files.copy(SAMPLES.resolve(id + ".wav"), dir.resolve(id + ".wav"));
                ids.add(id);
            }
        }
        return ids;
    }

    /** The alert types the sample call {@code id} was written to raise. */
    static Set<String> expectedAlerts(String id) throws IOException {
        JsonNode truth = JSON.readTree(SAMPLES.resolve(id + ".json").toFile()).path("ground_truth");
        Set<String> types = new TreeSet<>();
        truth.path("expected_alerts").forEach(v -> types.add(v.asText()));
        return types;
    }

    private static JsonNode send(URI node, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(node.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                body, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response =
                HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw new IOException(
                    method
                            + " "
                            + path
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }
}
