package io.callqa.cli;

import io.callqa.pipeline.OpenSearchAccess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The OpenSearch options, shared by every verb that talks to OpenSearch: where it is and, for a
 * secured cluster, who to log in as and which certificates to trust. The password is read from
 * {@code CALLQA_OPENSEARCH_PASSWORD}, so that it never shows on a command line or in a process
 * list.
 */
final class OpenSearchOption {

    /** The environment variable holding the OpenSearch password. */
    static final String PASSWORD_ENV = "CALLQA_OPENSEARCH_PASSWORD";

    @Option(
            names = "--opensearch",
            paramLabel = "URL",
            defaultValue = "http://localhost:9200",
            description = "OpenSearch to use (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(
            names = "--opensearch-user",
            paramLabel = "USER",
            description =
                    "Basic-auth user for a secured OpenSearch; the password comes from $"
                            + PASSWORD_ENV
                            + ".")
    String user;

    @Option(
            names = "--opensearch-ca",
            paramLabel = "FILE",
            description =
                    "Certificates to trust for an https OpenSearch: PEM (such as the cluster's"
                            + " root-ca.pem), PKCS#12 or JKS.")
    Path ca;

    @Option(
            names = "--opensearch-password",
            hidden = true,
            defaultValue = "${env:" + PASSWORD_ENV + "}",
            description = "Read from $" + PASSWORD_ENV + "; not meant for the command line.")
    String password;

    /** How to reach the OpenSearch these options name; fails (exit 3) on an unreadable CA file. */
    OpenSearchAccess access() {
        if (ca != null && !Files.isReadable(ca)) {
            throw CallqaException.badInput(
                    "--opensearch-ca "
                            + ca
                            + ": no such readable file; give the cluster's CA"
                            + " certificate (PEM) or a truststore");
        }
        if (user != null && (password == null || password.isEmpty())) {
            throw CallqaException.badInput(
                    "--opensearch-user "
                            + user
                            + " needs a password: set "
                            + PASSWORD_ENV
                            + " in the environment");
        }
        return new OpenSearchAccess(url, user, user == null ? null : password, ca);
    }
}
