package io.callqa.pipeline;

import io.callqa.pipeline.sink.opensearch.OpenSearchTransports;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * How to reach an OpenSearch: its URL and, for a secured cluster, the basic-auth user and password
 * and the certificates to trust.
 *
 * @param url the node, {@code http://} or {@code https://}
 * @param username basic-auth user, or null
 * @param password the user's password, or null
 * @param trustStore PEM (such as the cluster's {@code root-ca.pem}), PKCS#12 or JKS file to trust,
 *     or null for the JVM's default trust
 */
public record OpenSearchAccess(URI url, String username, String password, Path trustStore) {

    /** An unsecured node at {@code url}. */
    public static OpenSearchAccess plain(URI url) {
        return new OpenSearchAccess(url, null, null, null);
    }

    /** Opens a client transport; close it when done. */
    public OpenSearchTransport open() throws IOException {
        return OpenSearchTransports.open(url, username, password, trustStore);
    }

    /**
     * Points the job's OpenSearch sinks ({@link PipelineOptions}) at this node, with its
     * credentials. Keep this configuration for building the sinks: it holds the password, so do not
     * hand it to the execution environment, whose configuration the Flink UI shows.
     */
    public Configuration sinkConfiguration() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(url.toString()));
        if (username != null) {
            conf.set(PipelineOptions.OPENSEARCH_USERNAME, username);
            conf.set(PipelineOptions.OPENSEARCH_PASSWORD, password == null ? "" : password);
        }
        if (trustStore != null) {
            conf.set(PipelineOptions.OPENSEARCH_TLS_TRUSTSTORE, trustStore.toString());
        }
        return conf;
    }

    @Override
    public String toString() {
        // Never print the password.
        return url + (username == null ? "" : " as " + username);
    }
}
