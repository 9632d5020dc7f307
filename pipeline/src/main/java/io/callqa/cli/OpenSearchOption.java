package io.callqa.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** The {@code --opensearch URL} option, shared by every verb that talks to OpenSearch. */
final class OpenSearchOption {

    @Option(
            names = "--opensearch",
            paramLabel = "URL",
            defaultValue = "http://localhost:9200",
            description = "OpenSearch to use (default: ${DEFAULT-VALUE}).")
    URI url;
}
