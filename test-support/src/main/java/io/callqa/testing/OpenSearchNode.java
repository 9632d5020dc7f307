package io.callqa.testing;

import io.callqa.servers.LocalOpenSearch;
import java.net.URI;
import java.nio.file.Path;

/**
 * A read-only view of the OpenSearch node that {@link OpenSearchExtension} shares across a test
 * run. Tests may use it freely but cannot stop it; the extension does that when the run ends.
 */
public final class OpenSearchNode {
    private final LocalOpenSearch server;

    OpenSearchNode(LocalOpenSearch server) {
        this.server = server;
    }

    /** The HTTP endpoint, e.g. {@code http://127.0.0.1:PORT}. */
    public URI httpUri() {
        return server.httpUri();
    }

    /** The host name clients should use: {@code 127.0.0.1}. */
    public String host() {
        return server.httpUri().getHost();
    }

    /** The HTTP port on 127.0.0.1. */
    public int httpPort() {
        return server.httpPort();
    }

    /** The OpenSearch version, e.g. {@code 2.19.4}. */
    public String version() {
        return server.version();
    }

    /** The node's main log file, for failure messages. */
    public Path logFile() {
        return server.logFile();
    }

    @Override
    public String toString() {
        return server.toString();
    }
}
