package io.callqa.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.console.ConsoleServer;
import io.callqa.console.Role;
import io.callqa.console.Users;
import io.callqa.dashboards.IndexTemplates;
import io.callqa.servers.LocalOpenSearch;
import io.callqa.servers.ServerDistributions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Call-list latency of the supervisor console on 10,000 indexed calls. Copies the sample calls that
 * {@code bin/callqa demo} indexed (read from {@code SOURCE}, default {@code http://localhost:9200})
 * into 10,000 synthetic calls (other ids, start times over 60 days, 200 agents, 6 teams, varied
 * scores) in an OpenSearch of its own, starts the console over it, and times whole {@code GET
 * /calls} requests (query, render, transfer) for several filter shapes: median and slowest of
 * {@code RUNS} runs after warm-up.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.callqa.benchmarks.ConsoleListBenchmark [SOURCE] [RUNS]
 * </pre>
 */
public final class ConsoleListBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CALLS = 10_000;
    private static final List<String> QUERIES =
            List.of(
                    "/calls",
                    "/calls?compliance=failed&sort=qa_score&dir=asc",
                    "/calls?team=billing&from=2026-10-10&to=2026-10-30&page=3",
                    "/calls?emotion=agitated&qa_max=70",
                    "/calls?q=refund",
                    "/calls?q=" + URLEncoder.encode("환불", StandardCharsets.UTF_8));

    private ConsoleListBenchmark() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        URI source = URI.create(args.length > 0 ? args[0] : "http://localhost:9200");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        List<JsonNode> samples = new ArrayList<>();
        try (OpenSearchTransport from = transport(source)) {
            JsonNode r =
                    call(
                            from,
                            "POST",
                            "/callqa-calls/_search",
                            "{\"size\":100,\"query\":{\"prefix\":{\"call_id\":\"s-\"}}}");
            r.at("/hits/hits").forEach(h -> samples.add(h.path("_source")));
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException(
                    "no sample calls in "
                            + source
                            + "/callqa-calls; run `bin/callqa demo` first (it keeps its OpenSearch"
                            + " running) and pass its URL");
        }
        try (LocalOpenSearch node =
                        LocalOpenSearch.builder()
                                .distribution(ServerDistributions.locate().opensearchHome())
                                .start();
                OpenSearchTransport to = transport(node.httpUri())) {
            IndexTemplates.install(to);
            long t0 = System.nanoTime();
            index(to, samples);
            System.out.printf(
                    Locale.ROOT,
                    "indexed %d synthetic calls in %.1f s%n",
                    CALLS,
                    (System.nanoTime() - t0) / 1e9);
            Path users = Files.createTempFile("bench-users", ".txt");
            Files.writeString(
                    users,
                    Users.line("bench", Role.SUPERVISOR, "bench-password".toCharArray()) + "\n");
            try (ConsoleServer console =
                    ConsoleServer.builder()
                            .opensearch(to)
                            .users(Users.read(users))
                            .port(0)
                            .start()) {
                HttpClient http = HttpClient.newHttpClient();
                String auth =
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                "bench:bench-password"
                                                        .getBytes(StandardCharsets.UTF_8));
                List<Double> all = new ArrayList<>();
                for (String q : QUERIES) {
                    HttpRequest req =
                            HttpRequest.newBuilder(URI.create(console.url() + q))
                                    .header("Authorization", auth)
                                    .build();
                    for (int i = 0; i < 3; i++) {
                        http.send(req, HttpResponse.BodyHandlers.ofString());
                    }
                    double[] ms = new double[runs];
                    int bytes = 0;
                    for (int i = 0; i < runs; i++) {
                        long s = System.nanoTime();
                        HttpResponse<String> r =
                                http.send(req, HttpResponse.BodyHandlers.ofString());
                        ms[i] = (System.nanoTime() - s) / 1e6;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(q + " answered " + r.statusCode());
                        }
                        bytes = r.body().length();
                    }
                    Arrays.sort(ms);
                    Arrays.stream(ms).forEach(all::add);
                    System.out.printf(
                            Locale.ROOT,
                            "%-60s median %6.1f ms  max %6.1f ms  (%d chars)%n",
                            q,
                            ms[runs / 2],
                            ms[runs - 1],
                            bytes);
                }
                all.sort(null);
                System.out.printf(
                        Locale.ROOT,
                        "all list requests: median %.1f ms, max %.1f ms over %d runs%n",
                        all.get(all.size() / 2),
                        all.get(all.size() - 1),
                        all.size());
            } finally {
                Files.deleteIfExists(users);
            }
        }
    }

    private static void index(OpenSearchTransport to, List<JsonNode> samples) throws Exception {
        Random random = new Random(20261121);
        String[] teams = {"returns", "billing", "logistics", "customer-care", "retention", "sales"};
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < CALLS; i++) {
            ObjectNode d = (ObjectNode) samples.get(i % samples.size()).deepCopy();
            String id = String.format(Locale.ROOT, "syn-%05d", i);
            Instant at = start.plusSeconds(random.nextInt(60 * 24 * 3600));
            d.put("call_id", id);
            d.put("started_at", at.toString());
            d.put(
                    "ended_at",
                    at.plusMillis((long) (d.path("duration_s").asDouble() * 1000)).toString());
            d.put("agent_id", String.format(Locale.ROOT, "a-%03d", random.nextInt(200)));
            d.put("team", teams[random.nextInt(teams.length)]);
            ((ObjectNode) d.path("qa")).put("score", Math.round(30 + random.nextDouble() * 70));
            bulk.append("{\"index\":{\"_index\":\"callqa-calls\",\"_id\":\"")
                    .append(id)
                    .append("\"}}\n");
            bulk.append(JSON.writeValueAsString(d)).append('\n');
            if ((i + 1) % 500 == 0) {
                call(to, "POST", "/_bulk", bulk.toString());
                bulk.setLength(0);
            }
        }
        call(to, "POST", "/callqa-calls/_refresh", null);
    }

    private static OpenSearchTransport transport(URI url) {
        return ApacheHttpClient5TransportBuilder.builder(HttpHost.create(url))
                .setMapper(new JacksonJsonpMapper())
                .build();
    }

    private static JsonNode call(OpenSearchTransport t, String method, String endpoint, String body)
            throws Exception {
        var b = Requests.builder().method(method).endpoint(endpoint);
        if (body != null) {
            b.body(
                    org.opensearch.client.opensearch.generic.Body.from(
                            body.getBytes(StandardCharsets.UTF_8), "application/json"));
        }
        try (Response r = new OpenSearchGenericClient(t).execute(b.build())) {
            byte[] bytes = r.getBody().map(x -> x.bodyAsBytes()).orElse(new byte[0]);
            if (r.getStatus() / 100 != 2) {
                throw new IllegalStateException(
                        method
                                + " "
                                + endpoint
                                + ": HTTP "
                                + r.getStatus()
                                + " "
                                + new String(bytes, StandardCharsets.UTF_8));
            }
            JsonNode n = JSON.readTree(bytes);
            if (n.path("errors").asBoolean(false)) {
                throw new IllegalStateException(
                        "bulk refused documents: " + n.toString().substring(0, 500));
            }
            return n;
        }
    }
}
