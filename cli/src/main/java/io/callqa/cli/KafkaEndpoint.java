package io.callqa.cli;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Checks that a Kafka cluster answers before a verb starts a job that reads from it. */
final class KafkaEndpoint {

    private KafkaEndpoint() {}

    /** Fails with exit code 4 and the fix unless a Kafka cluster answers at {@code bootstrap}. */
    static void require(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().clusterId().get(6, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw CallqaException.unreachable(
                    "no Kafka broker answers at "
                            + bootstrap
                            + ". Start Kafka or pass the right"
                            + " --kafka host:port.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CallqaException.unreachable("interrupted while contacting Kafka", e);
        }
    }
}
