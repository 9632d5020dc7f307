package io.callqa.cli;

import io.callqa.dashboards.ClusterSetup;
import io.callqa.dashboards.RetentionPolicy;
import io.callqa.dashboards.SavedObjects;
import io.callqa.dashboards.SetupStep;
import io.callqa.pipeline.OpenSearchAccess;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.opensearch.client.transport.OpenSearchTransport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code callqa dashboards install}: puts callqa's index templates and retention policy into an
 * OpenSearch and, when asked, its saved objects into an OpenSearch Dashboards. Safe to run again:
 * every step says whether it created, updated or left its object alone.
 */
@Command(
        name = "install",
        mixinStandardHelpOptions = true,
        description = {
            "Install the index templates of callqa-calls, -alerts, -errors and -reviews and the"
                    + " ISM retention policy into OpenSearch and, with --dashboards, import the"
                    + " index patterns, visualizations and dashboards into OpenSearch Dashboards."
                    + " Idempotent."
        })
final class DashboardsInstallCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin OpenSearchOption opensearch;

    @Option(
            names = "--dashboards",
            paramLabel = "URL",
            description =
                    "OpenSearch Dashboards to import the saved objects into: its URL with any"
                            + " base path, usually on port 5601.")
    URI dashboards;

    @Option(
            names = "--retention-days",
            paramLabel = "N",
            defaultValue = "" + RetentionPolicy.DEFAULT_DAYS,
            description =
                    "Days to keep day-partitioned alert and error indices (callqa-alerts-*,"
                            + " callqa-errors-*) when the cluster has ISM (default:"
                            + " ${DEFAULT-VALUE}). Never applies to callqa-calls.")
    int retentionDays;

    @Override
    public Integer call() throws Exception {
        RetentionPolicy policy;
        try {
            policy = RetentionPolicy.ofDays(retentionDays);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--retention-days: " + e.getMessage());
        }
        if (dashboards != null
                && !"http".equals(dashboards.getScheme())
                && !"https".equals(dashboards.getScheme())) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--dashboards expects an http or https URL like http://localhost:5601, got '"
                            + dashboards
                            + "'");
        }
        OpenSearchAccess access = opensearch.access();
        OpenSearchEndpoint.require(access);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        for (SetupStep step : installIntoOpenSearch(policy)) {
            if (step.outcome() == SetupStep.Outcome.SKIPPED) {
                out.flush();
                err.println("callqa: warning: " + step.line());
                err.flush();
            } else {
                out.println(step.line());
            }
        }
        out.flush();
        if (dashboards == null) {
            out.println(
                    "saved objects: not imported (pass --dashboards URL, or import"
                            + " dashboards/saved-objects/callqa.ndjson in Dashboards Management)");
            out.flush();
            return 0;
        }
        List<SavedObjects.Outcome> outcomes = importSavedObjects();
        long failed = outcomes.stream().filter(o -> o.error().isPresent()).count();
        for (SavedObjects.Outcome o : outcomes) {
            out.println(o.line());
        }
        out.flush();
        if (failed > 0) {
            err.println(
                    "callqa: "
                            + failed
                            + " of "
                            + outcomes.size()
                            + " saved objects were not imported into "
                            + dashboards
                            + " (see above)");
            return 1;
        }
        out.println("saved objects: " + outcomes.size() + " imported into " + dashboards);
        out.flush();
        return 0;
    }

    private List<SetupStep> installIntoOpenSearch(RetentionPolicy policy) throws IOException {
        OpenSearchTransport transport = opensearch.access().open();
        try {
            return ClusterSetup.install(transport, policy);
        } catch (IOException e) {
            throw CallqaException.unreachable(
                    "could not install into " + opensearch.url + ": " + e.getMessage(), e);
        } finally {
            transport.close();
        }
    }

    private List<SavedObjects.Outcome> importSavedObjects() throws InterruptedException {
        try {
            return SavedObjects.importInto(
                    dashboards, Duration.ofSeconds(30), opensearch.user, opensearch.password);
        } catch (SavedObjects.ImportRefusedException e) {
            if (e.status() == 503) {
                throw CallqaException.unreachable(
                        e.getMessage()
                                + ". Dashboards is still starting; run this again in a"
                                + " minute.",
                        e);
            }
            throw CallqaException.badInput(
                    e.getMessage()
                            + ". Is "
                            + dashboards
                            + " OpenSearch Dashboards (usually port 5601), not OpenSearch?");
        } catch (IOException e) {
            throw CallqaException.unreachable(
                    "no OpenSearch Dashboards answers at "
                            + dashboards
                            + " ("
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "). The OpenSearch part is installed; start OpenSearch Dashboards"
                            + " or pass --dashboards with its URL, then run this again.",
                    e);
        }
    }
}
