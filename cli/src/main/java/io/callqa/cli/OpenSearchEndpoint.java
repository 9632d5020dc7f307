package io.callqa.cli;

import io.callqa.pipeline.OpenSearchAccess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;

/** Checks whether an OpenSearch answers at a URL before a verb starts work that needs one. */
final class OpenSearchEndpoint {

    private OpenSearchEndpoint() {}

    /** True if {@code GET url} answers with a 2xx within {@code timeout}. */
    static boolean answers(URI url, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<Void> r =
                    http.send(
                            HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Fails with exit code 4 and the fix unless the OpenSearch of {@code access} answers and lets
     * its user in.
     */
    static void require(OpenSearchAccess access) {
        if (access.username() == null && access.trustStore() == null) {
            require(access.url());
            return;
        }
        try (OpenSearchTransport transport = access.open()) {
            new OpenSearchClient(transport).info();
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            throw CallqaException.unreachable(
                    "OpenSearch at "
                            + access
                            + " did not answer or refused the login ("
                            + why
                            + "). Check --opensearch, --opensearch-user, "
                            + OpenSearchOption.PASSWORD_ENV
                            + " and --opensearch-ca.",
                    e);
        }
    }

    /** Fails with exit code 4 and the fix unless an OpenSearch answers at {@code url}. */
    static void require(URI url) {
        if (!answers(url, Duration.ofSeconds(5))) {
            throw CallqaException.unreachable(
                    "no OpenSearch answers at "
                            + url
                            + ". Start one (for a local test node run"
                            + " `bin/callqa demo`, which starts its own) or pass --opensearch URL.",
                    null);
        }
    }
}
