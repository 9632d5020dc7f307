package io.callqa.testing;

import io.callqa.servers.LocalFlinkCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real standalone Flink cluster: one {@link LocalFlinkCluster} (a JobManager and a
 * TaskManager, each in its own JVM) per test run, started on first use and shared by every test
 * class that uses this extension, stopped by JUnit when the run ends.
 *
 * <p>Test constructors, test methods and lifecycle methods (including static {@code @BeforeAll})
 * can take a {@link FlinkCluster} parameter:
 *
 * <pre>{@code
 * @ExtendWith(FlinkClusterExtension.class)
 * class MyITCase {
 *     @Test
 *     void runs(FlinkCluster flink) {
 *         var run = flink.submit(jobJar, List.of("--input", dir));
 *     }
 * }
 * }</pre>
 *
 * <p>The cluster's jars are those the build lists in {@code
 * local-servers/target/servers/flink-classpath.txt} (module {@code local-servers/flink-cluster}).
 * Tests share the cluster and its one slot, so their jobs run one after another.
 */
public final class FlinkClusterExtension implements ParameterResolver {
    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public FlinkClusterExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FlinkCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    /**
     * The cluster shared by this test run, started now if this is its first use.
     *
     * @param context any extension context of the run
     * @return the shared cluster
     */
    public static FlinkCluster cluster(ExtensionContext context) {
        return new FlinkCluster(
                SharedServer.get(
                        context,
                        FlinkClusterExtension.class,
                        "Flink cluster",
                        () -> LocalFlinkCluster.builder().start()));
    }
}
