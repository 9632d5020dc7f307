package io.callqa.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * Prepares an OpenSearch cluster for callqa: the index templates of every callqa index and, when
 * the cluster has the Index State Management plugin, the {@link RetentionPolicy}. Every step is
 * idempotent and says whether it created, updated or left its object alone.
 */
public final class ClusterSetup {

    /** The plugin that runs ISM policies, as {@code _cat/plugins} names it. */
    public static final String ISM_PLUGIN = "opensearch-index-management";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String POLICY_ENDPOINT = "/_plugins/_ism/policies/" + RetentionPolicy.ID;

    private ClusterSetup() {}

    /**
     * Installs the index templates, then the retention policy.
     *
     * @return one step per template and one for the policy ({@link SetupStep.Outcome#SKIPPED} with
     *     the reason when the cluster has no ISM plugin)
     * @throws IOException if the cluster cannot be reached or refuses a template or the policy
     */
    public static List<SetupStep> install(OpenSearchTransport transport, RetentionPolicy policy)
            throws IOException {
        List<SetupStep> steps = new ArrayList<>(IndexTemplates.install(transport));
        steps.add(
                installRetention(
                        new ClusterRequests(new OpenSearchGenericClient(transport)), policy));
        return steps;
    }

    private static SetupStep installRetention(ClusterRequests cluster, RetentionPolicy policy)
            throws IOException {
        String subject = "retention policy " + RetentionPolicy.ID;
        if (!hasIsm(cluster)) {
            return new SetupStep(
                    subject,
                    SetupStep.Outcome.SKIPPED,
                    "this OpenSearch has no Index State Management plugin ("
                            + ISM_PLUGIN
                            + "); with it, callqa would "
                            + policy.effect()
                            + ". Install the plugin, or delete old indices yourself");
        }
        ClusterRequests.Reply existing = cluster.get(POLICY_ENDPOINT);
        SetupStep.Outcome outcome;
        Map<String, String> concurrency = Map.of();
        if (existing.status() == 404) {
            outcome = SetupStep.Outcome.CREATED;
        } else if (!existing.ok()) {
            throw refused("read", existing);
        } else {
            JsonNode stored = MAPPER.readTree(existing.body());
            // GET answers with the policy under "policy"; some versions wrap it once more.
            JsonNode storedPolicy = stored.path("policy");
            if (storedPolicy.has("policy")) {
                storedPolicy = storedPolicy.path("policy");
            }
            if (storedPolicy.path("description").asText().equals(policy.description())) {
                return new SetupStep(subject, SetupStep.Outcome.UNCHANGED, policy.description());
            }
            outcome = SetupStep.Outcome.UPDATED;
            // ISM refuses to overwrite a policy without the version it replaces.
            concurrency =
                    Map.of(
                            "if_seq_no", stored.path("_seq_no").asText(),
                            "if_primary_term", stored.path("_primary_term").asText());
        }
        ClusterRequests.Reply put =
                cluster.send("PUT", POLICY_ENDPOINT, concurrency, policy.json());
        if (!put.ok()) {
            throw refused("write", put);
        }
        String patterns = String.join(",", RetentionPolicy.INDEX_PATTERNS);
        String body = "{\"policy_id\":\"" + RetentionPolicy.ID + "\"}";
        // The ISM template only catches indices created from now on; existing ones are attached
        // here, and ones already managed switch to the new version of the policy.
        int attached = updatedIndices(cluster.send("POST", "/_plugins/_ism/add/" + patterns, body));
        int switched =
                outcome == SetupStep.Outcome.UPDATED
                        ? updatedIndices(
                                cluster.send(
                                        "POST", "/_plugins/_ism/change_policy/" + patterns, body))
                        : 0;
        return new SetupStep(
                subject,
                outcome,
                policy.description()
                        + "; attached to "
                        + attached
                        + " existing "
                        + (attached == 1 ? "index" : "indices")
                        + (switched > 0 ? ", " + switched + " switched to this version" : ""));
    }

    private static boolean hasIsm(ClusterRequests cluster) throws IOException {
        ClusterRequests.Reply plugins =
                cluster.send("GET", "/_cat/plugins", Map.of("format", "json"), null);
        if (!plugins.ok()) {
            throw new IOException(
                    "OpenSearch refused to list its plugins (HTTP "
                            + plugins.status()
                            + "): "
                            + plugins.shortBody());
        }
        for (JsonNode p : MAPPER.readTree(plugins.body())) {
            if (ISM_PLUGIN.equals(p.path("component").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Indices an add or change_policy call updated; none when no index matched. */
    private static int updatedIndices(ClusterRequests.Reply reply) throws IOException {
        if (!reply.ok()) {
            return 0;
        }
        return MAPPER.readTree(reply.body()).path("updated_indices").asInt(0);
    }

    private static IOException refused(String what, ClusterRequests.Reply reply) {
        return new IOException(
                "OpenSearch refused to "
                        + what
                        + " ISM policy "
                        + RetentionPolicy.ID
                        + " (HTTP "
                        + reply.status()
                        + "): "
                        + reply.shortBody());
    }
}
