package io.callqa.pipeline;

import java.net.URI;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Opens the plain client connection that the command line's own requests use (templates, tables,
 * audits). The job's sink builds its own, with auth and TLS, on the task managers.
 */
public final class OpenSearchConnection {

    private OpenSearchConnection() {}

    /** A transport to {@code url} that maps documents with Jackson; close it when done. */
    public static OpenSearchTransport open(URI url) {
        return ApacheHttpClient5TransportBuilder.builder(HttpHost.create(url))
                .setMapper(new JacksonJsonpMapper())
                .build();
    }
}
