package io.callqa.testing;

import io.callqa.servers.LocalFlinkCluster;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A view of the Flink cluster that {@link FlinkClusterExtension} shares across a test run. Tests
 * may submit jobs and read its logs but cannot stop it; the extension does that when the run ends.
 */
public final class FlinkCluster {
    private final LocalFlinkCluster cluster;

    FlinkCluster(LocalFlinkCluster cluster) {
        this.cluster = cluster;
    }

    /** The JobManager's REST address, {@code 127.0.0.1:PORT}, as {@code flink run -m} takes it. */
    public String address() {
        return cluster.address();
    }

    /** The REST API, {@code http://127.0.0.1:PORT}. */
    public URI restUri() {
        return cluster.restUri();
    }

    /** The Flink version of the cluster's jars. */
    public String version() {
        return cluster.version();
    }

    /** The pids of the JobManager and each TaskManager. */
    public List<Long> pids() {
        return cluster.pids();
    }

    /** The JobManager's log file, for failure messages. */
    public Path jobManagerLog() {
        return cluster.jobManagerLog();
    }

    /** The log file of TaskManager {@code i}, for failure messages. */
    public Path taskManagerLog(int i) {
        return cluster.taskManagerLog(i);
    }

    /** See {@link LocalFlinkCluster#submit}. */
    public LocalFlinkCluster.ClientRun submit(Path jobJar, List<String> jobArgs) {
        return cluster.submit(jobJar, jobArgs);
    }

    /** See {@link LocalFlinkCluster#client}. */
    public LocalFlinkCluster.ClientRun client(
            List<String> args, Map<String, String> environment, Duration timeout) {
        return cluster.client(args, environment, timeout);
    }

    @Override
    public String toString() {
        return cluster.toString();
    }
}
