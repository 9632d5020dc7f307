package io.callqa.pipeline.sink.opensearch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * Opens client connections with the same basic auth and TLS trust as the sink, for the requests the
 * command line makes itself (templates, tables, audits, start-up checks).
 */
public final class OpenSearchTransports {

    private OpenSearchTransports() {}

    /**
     * A transport to {@code url}; close it when done.
     *
     * @param username basic-auth user, or null for none
     * @param password its password (may be null only without a user)
     * @param trustStore PEM, PKCS#12 or JKS file of certificates to trust for https, or null for
     *     the JVM's default trust
     * @throws IOException when the truststore cannot be read
     */
    public static OpenSearchTransport open(
            URI url, String username, String password, Path trustStore) throws IOException {
        byte[] trust = trustStore == null ? null : Files.readAllBytes(trustStore);
        return new OpenSearchConnectionConfig(
                        List.of(url.toString()),
                        username,
                        password == null ? "" : password,
                        trust,
                        null,
                        false)
                .createTransport();
    }
}
