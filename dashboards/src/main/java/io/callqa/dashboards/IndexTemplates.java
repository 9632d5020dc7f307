package io.callqa.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.analysis.document.IndexNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * The composable index templates of callqa's indices ({@code callqa-calls}, {@code callqa-alerts},
 * {@code callqa-errors}, {@code callqa-reviews}). They fix the mappings that dynamic mapping would
 * get wrong: dates as dates, ids as keywords, utterances and rule results as nested documents, and
 * free text searchable in English and Korean (a {@code .cjk} sub-field indexes Hangul as bigrams,
 * so 환불 finds 환불해).
 *
 * <p>The templates are JSON resources beside this class, so what is installed is exactly what a
 * reader of the repository sees. Installing is idempotent: a template already in the cluster with
 * the same content is left alone, a different one is replaced, and existing indices keep their
 * mappings either way.
 */
public final class IndexTemplates {

    /** The templates, by name; each covers the indices whose names start with it. */
    public static final List<String> NAMES =
            List.of(
                    IndexNames.CALLS,
                    IndexNames.ALERTS,
                    IndexNames.ERRORS,
                    IndexNames.REVIEWS,
                    IndexNames.ASSIST);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IndexTemplates() {}

    /** The JSON body of template {@code name}, one of {@link #NAMES}. */
    public static String json(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(
                    "no index template named '" + name + "'; known: " + NAMES);
        }
        try (InputStream in =
                IndexTemplates.class.getResourceAsStream("templates/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "index template resource templates/"
                                + name
                                + ".json is missing from the"
                                + " callqa-dashboards jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts every template into the cluster behind {@code transport} that is missing or differs from
     * callqa's, and leaves the ones that match alone.
     *
     * @return what happened to each template, in {@link #NAMES} order
     * @throws IndexTemplateException if the cluster refuses one, naming it and the reason
     * @throws IOException if the cluster cannot be reached
     */
    public static List<SetupStep> install(OpenSearchTransport transport) throws IOException {
        ClusterRequests cluster = new ClusterRequests(new OpenSearchGenericClient(transport));
        List<SetupStep> steps = new ArrayList<>();
        for (String name : NAMES) {
            String endpoint = "/_index_template/" + name;
            ClusterRequests.Reply existing = cluster.get(endpoint);
            SetupStep.Outcome outcome;
            if (existing.status() == 404) {
                outcome = SetupStep.Outcome.CREATED;
            } else if (!existing.ok()) {
                throw new IndexTemplateException(name, existing.status(), existing.shortBody());
            } else if (sameContent(installed(existing.body()), MAPPER.readTree(json(name)))) {
                steps.add(new SetupStep("index template " + name, SetupStep.Outcome.UNCHANGED, ""));
                continue;
            } else {
                outcome = SetupStep.Outcome.UPDATED;
            }
            ClusterRequests.Reply put = cluster.send("PUT", endpoint, json(name));
            if (!put.ok()) {
                throw new IndexTemplateException(name, put.status(), put.shortBody());
            }
            steps.add(new SetupStep("index template " + name, outcome, ""));
        }
        return steps;
    }

    private static JsonNode installed(String getResponse) throws IOException {
        return MAPPER.readTree(getResponse).path("index_templates").path(0).path("index_template");
    }

    /**
     * Whether a template read back from the cluster says what callqa's does. The cluster returns
     * setting values as strings and may add empty defaults ({@code composed_of: []}), so both are
     * compared as flat path-to-text maps without empty containers.
     */
    static boolean sameContent(JsonNode installed, JsonNode ours) {
        return flatten(installed).equals(flatten(ours));
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new TreeMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(f -> flatten(path + "/" + f.getKey(), f.getValue(), flat));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), flat);
            }
        } else if (!node.isMissingNode()) {
            flat.put(path, node.asText());
        }
    }

    /** The cluster refused a template. */
    public static final class IndexTemplateException extends IOException {
        private static final long serialVersionUID = 1L;

        IndexTemplateException(String name, int status, String body) {
            super("OpenSearch refused index template " + name + " (HTTP " + status + "): " + body);
        }
    }
}
