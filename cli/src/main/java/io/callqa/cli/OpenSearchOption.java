package io.callqa.cli;

import io.callqa.pipeline.OpenSearchAccess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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

    /** The password, from the environment only: a flag would show it in every process list. */
    String password = System.getenv(PASSWORD_ENV);

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * Refuses a password on the command line with where to put it instead, rather than picocli's
     * bare "unknown option"; the value is never used.
     */
    @Option(
            names = "--opensearch-password",
            hidden = true,
            paramLabel = "PASSWORD",
            description = "Refused: set $" + PASSWORD_ENV + " instead.")
    void refusePasswordFlag(String ignored) {
        throw new ParameterException(
                mixee.commandLine(),
                "--opensearch-password is not accepted: a password on the command line shows in"
                        + " every process list. Set "
                        + PASSWORD_ENV
                        + " in the environment instead");
    }

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
