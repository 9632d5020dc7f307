package io.callqa.testing;

import io.callqa.servers.LocalKafka;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Kafka broker: one {@link LocalKafka} (KRaft, single node) per test run,
 * started on first use and shared by every test class that uses this extension, stopped by JUnit
 * when the run ends.
 *
 * <p>Test constructors, test methods and lifecycle methods (including static {@code @BeforeAll})
 * can take a {@link KafkaBroker} parameter:
 *
 * <pre>{@code
 * @ExtendWith(KafkaExtension.class)
 * class MyITCase {
 *     @Test
 *     void produces(KafkaBroker kafka) {
 *         String bootstrap = kafka.bootstrapServers();
 *     }
 * }
 * }</pre>
 *
 * <p>The broker jars come from {@code local-servers/target/servers/kafka-libs} (see {@link
 * io.callqa.servers.ServerDistributions}). Tests share the broker, so each should use topic names
 * and consumer groups of its own.
 */
public final class KafkaExtension implements ParameterResolver {
    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public KafkaExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    /**
     * The broker shared by this test run, started now if this is its first use.
     *
     * @param context any extension context of the run
     * @return the shared broker
     */
    public static KafkaBroker broker(ExtensionContext context) {
        return new KafkaBroker(
                SharedServer.get(
                        context,
                        KafkaExtension.class,
                        "Kafka",
                        () -> LocalKafka.builder().start()));
    }
}
