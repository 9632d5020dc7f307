package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code callqa dashboards install} against a real OpenSearch node: templates installed and
 * reported per template, idempotent on a second run, a missing or changed template put back, and
 * the node's missing ISM plugin reported as a warning without failing the rest.
 */
@ExtendWith(OpenSearchExtension.class)
class DashboardsCommandITCase {
    private final HttpClient http = HttpClient.newHttpClient();

    /** What one invocation printed and returned. */
    private record Run(int exit, String out, String err) {
        List<String> lines() {
            return Arrays.asList(out.split("\n"));
        }
    }

    private static Run run(String... args) {
        CommandLine cl = CallqaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private int send(URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder r =
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void installsTemplatesIdempotentlyAndWarnsThatRetentionNeedsTheIsmPlugin(OpenSearchNode node)
            throws Exception {
        String os = node.httpUri().toString();
        Run first = run("dashboards", "install", "--opensearch", os, "--retention-days", "30");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.lines())
                .filteredOn(l -> l.startsWith("index template "))
                .hasSize(5)
                .allMatch(
                        l -> l.matches("index template callqa-\\w+: (created|updated|unchanged)"));
        // The test node is the integ-test distribution, which has no ISM plugin.
        assertThat(first.err())
                .isEqualTo(
                        "callqa: warning: retention policy callqa-retention: skipped (this"
                                + " OpenSearch has no Index State Management plugin"
                                + " (opensearch-index-management); with it, callqa would delete"
                                + " callqa-alerts-*, callqa-errors-* and callqa-assist-* indices 30"
                                + " days after they were created. Install the plugin, or delete"
                                + " old indices"
                                + " yourself)\n");
        assertThat(first.out()).contains("saved objects: not imported (pass --dashboards URL");

        Run second = run("dashboards", "install", "--opensearch", os);
        assertThat(second.exit()).isZero();
        assertThat(second.lines())
                .startsWith(
                        "index template callqa-calls: unchanged",
                        "index template callqa-alerts: unchanged",
                        "index template callqa-errors: unchanged",
                        "index template callqa-reviews: unchanged",
                        "index template callqa-assist: unchanged");
        assertThat(send(node.httpUri(), "GET", "/_index_template/callqa-reviews", null))
                .isEqualTo(200);
    }

    @Test
    void putsBackAMissingReviewsTemplateAndReplacesAChangedOne(OpenSearchNode node)
            throws Exception {
        String os = node.httpUri().toString();
        assertThat(run("dashboards", "install", "--opensearch", os).exit()).isZero();

        assertThat(send(node.httpUri(), "DELETE", "/_index_template/callqa-reviews", null))
                .isEqualTo(200);
        assertThat(
                        send(
                                node.httpUri(),
                                "PUT",
                                "/_index_template/callqa-errors",
                                """
                                {"index_patterns": ["callqa-errors*"], "priority": 100,
                                 "template": {"mappings": {"properties": {"reason": {"type": "text"}}}}}
                                """))
                .isEqualTo(200);

        Run r = run("dashboards", "install", "--opensearch", os);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines())
                .contains(
                        "index template callqa-calls: unchanged",
                        "index template callqa-errors: updated",
                        "index template callqa-reviews: created");
        assertThat(run("dashboards", "install", "--opensearch", os).out())
                .contains("index template callqa-errors: unchanged");
    }

    @Test
    void anUnreachableDashboardsIsReportedWithTheFixAfterOpenSearchIsDone(OpenSearchNode node)
            throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        Run r =
                run(
                        "dashboards",
                        "install",
                        "--opensearch",
                        node.httpUri().toString(),
                        "--dashboards",
                        url);
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.out()).contains("index template callqa-calls: ");
        assertThat(r.err())
                .contains("callqa: no OpenSearch Dashboards answers at " + url)
                .contains("The OpenSearch part is installed; start OpenSearch Dashboards")
                .doesNotContain("\tat ");
    }

    @Test
    void openSearchGivenAsDashboardsIsBadInputNamingTheLikelyMistake(OpenSearchNode node) {
        String os = node.httpUri().toString();
        Run r = run("dashboards", "install", "--opensearch", os, "--dashboards", os);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains("\ncallqa: OpenSearch Dashboards at " + os)
                .contains("refused the saved-objects import (HTTP ")
                .contains(
                        "Is " + os + " OpenSearch Dashboards (usually port 5601), not OpenSearch?");
    }
}
