package io.callqa.cli;

import static io.callqa.cli.Invocation.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DashboardsCommandTest {

    @Test
    void withoutASubcommandItSaysWhichOneToUse() {
        Invocation r = run("dashboards");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing a subcommand: callqa dashboards install --help");
    }

    @Test
    void aRetentionOutsideTheRangeIsBadUsageNamingTheRange() {
        Invocation r = run("dashboards", "install", "--retention-days", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        "--retention-days: retention days must be a whole number of days from 1"
                                + " to 36500, got 0");
        Invocation words = run("dashboards", "install", "--retention-days", "ninety");
        assertThat(words.exit()).isEqualTo(2);
        assertThat(words.err()).contains("--retention-days").contains("ninety");
    }

    @Test
    void aDashboardsUrlWithoutSchemeIsBadUsage() {
        Invocation r = run("dashboards", "install", "--dashboards", "localhost:5601");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        "--dashboards expects an http or https URL like"
                                + " http://localhost:5601, got 'localhost:5601'");
    }

    @Test
    void anUnreachableOpenSearchIsReportedWithTheFix() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        Invocation r = run("dashboards", "install", "--opensearch", url);
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err())
                .startsWith("callqa: no OpenSearch answers at " + url + ".")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
