package io.callqa.testing;

import io.callqa.servers.LocalOpenSearch;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real OpenSearch node: one {@link LocalOpenSearch} per test run, started on first
 * use and shared by every test class that uses this extension, stopped by JUnit when the run ends.
 *
 * <p>Test constructors, test methods and lifecycle methods (including static {@code @BeforeAll})
 * can take an {@link OpenSearchNode} parameter:
 *
 * <pre>{@code
 * @ExtendWith(OpenSearchExtension.class)
 * class MyITCase {
 *     @Test
 *     void indexes(OpenSearchNode node) {
 *         URI uri = node.httpUri();
 *     }
 * }
 * }</pre>
 *
 * <p>The distribution comes from {@code local-servers/target/servers} (see {@link
 * io.callqa.servers.ServerDistributions}). Tests share the node, so each should use index names of
 * its own.
 */
public final class OpenSearchExtension implements ParameterResolver {
    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public OpenSearchExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OpenSearchNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return node(context);
    }

    /**
     * The node shared by this test run, started now if this is its first use.
     *
     * @param context any extension context of the run
     * @return the shared node
     */
    public static OpenSearchNode node(ExtensionContext context) {
        return new OpenSearchNode(
                SharedServer.get(
                        context,
                        OpenSearchExtension.class,
                        "OpenSearch",
                        () -> LocalOpenSearch.builder().start()));
    }
}
