package io.callqa.pipeline.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.callqa.pipeline.sink.opensearch.BulkResultClassifier.RequestFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchAsyncClient;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;

/**
 * The HTTP side of the client the sink builds: credentials on the wire, the bulk body, and a
 * plain-text 401 (as the OpenSearch security plugin sends) surfacing as a clear auth failure, and
 * the TLS trust settings. The integration test's OpenSearch has no security plugin and no TLS, so a
 * tiny loopback HTTP(S) server stands in for these answers.
 */
class OpenSearchConnectionConfigTest {

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/_bulk", this::bulk);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** Replaces the plain server with an HTTPS one using {@link TestCertificates}' key. */
    private String startTlsServer() throws Exception {
        server.stop(0);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        char[] password = TestCertificates.SERVER_PKCS12_PASSWORD.toCharArray();
        keyStore.load(
                new java.io.ByteArrayInputStream(
                        Base64.getDecoder().decode(TestCertificates.SERVER_PKCS12_BASE64)),
                password);
        KeyManagerFactory keys =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer https =
                HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/_bulk", this::bulk);
        https.start();
        server = https;
        return "https://127.0.0.1:" + https.getAddress().getPort();
    }

    private static Throwable bulkError(OpenSearchConnectionConfig config) throws IOException {
        OpenSearchAsyncClient client = config.createClient();
        try {
            return catchThrowable(() -> client.bulk(oneDocument()).get(10, TimeUnit.SECONDS));
        } finally {
            OpenSearchConnectionConfig.close(client);
        }
    }

    private void bulk(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(authorization));
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expected =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString("qa:s3cret".getBytes(StandardCharsets.UTF_8));
        if (expected.equals(authorization)) {
            respond(
                    exchange,
                    200,
                    "application/json",
                    "{\"took\":1,\"errors\":false,\"items\":[{\"index\":{\"_index\":\"calls\","
                            + "\"_id\":\"c-1\",\"status\":201,\"result\":\"created\"}}]}");
        } else {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"OpenSearch\"");
            respond(exchange, 401, "text/plain; charset=UTF-8", "Unauthorized");
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static BulkRequest oneDocument() {
        return BulkRequest.of(
                b ->
                        b.operations(
                                op ->
                                        op.index(
                                                i ->
                                                        i.index("calls")
                                                                .id("c-1")
                                                                .document(
                                                                        new RawJsonDocument(
                                                                                "{ \"text\" : \"여보세요\" }"
                                                                                        .getBytes(
                                                                                                StandardCharsets
                                                                                                        .UTF_8))))));
    }

    @Test
    void sendsCredentialsAndOneLinePerActionAndDocument() throws Exception {
        OpenSearchConnectionConfig config =
                new OpenSearchConnectionConfig(List.of(url()), "qa", "s3cret", null, null, false);
        OpenSearchAsyncClient client = config.createClient();
        try {
            BulkResponse response = client.bulk(oneDocument()).get(10, TimeUnit.SECONDS);

            assertThat(response.items()).hasSize(1);
            assertThat(response.items().get(0).status()).isEqualTo(201);
        } finally {
            OpenSearchConnectionConfig.close(client);
        }
        assertThat(bodies)
                .containsExactly(
                        "{\"index\":{\"_id\":\"c-1\",\"_index\":\"calls\"}}\n"
                                + "{\"text\":\"여보세요\"}\n");
    }

    @Test
    void plainTextUnauthorizedBecomesAFatalAuthFailure() throws Exception {
        OpenSearchConnectionConfig config =
                new OpenSearchConnectionConfig(List.of(url()), "qa", "wrong", null, null, false);
        OpenSearchAsyncClient client = config.createClient();
        Throwable error;
        try {
            error = catchThrowable(() -> client.bulk(oneDocument()).get(10, TimeUnit.SECONDS));
        } finally {
            OpenSearchConnectionConfig.close(client);
        }

        RequestFailure failure = BulkResultClassifier.classifyRequestFailure(error);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.message())
                .startsWith("OpenSearch sink: OpenSearch answered 401 Unauthorized")
                .contains("setBasicAuth");
        assertThat(authorizations).isNotEmpty().allMatch(a -> a.startsWith("Basic "));
    }

    @Test
    void refusedConnectionIsRetryable() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        OpenSearchConnectionConfig config =
                new OpenSearchConnectionConfig(
                        List.of("http://127.0.0.1:" + port), null, null, null, null, false);
        OpenSearchAsyncClient client = config.createClient();
        Throwable error;
        try {
            error = catchThrowable(() -> client.bulk(oneDocument()).get(10, TimeUnit.SECONDS));
        } finally {
            OpenSearchConnectionConfig.close(client);
        }

        assertThat(BulkResultClassifier.classifyRequestFailure(error).retryable()).isTrue();
    }

    @Test
    void httpsWithTheCertificateInThePemTrustStore() throws Exception {
        String url = startTlsServer();
        byte[] pem = TestCertificates.SELF_SIGNED_PEM.getBytes(StandardCharsets.US_ASCII);

        Throwable error =
                bulkError(
                        new OpenSearchConnectionConfig(
                                List.of(url), "qa", "s3cret", pem, null, false));

        assertThat(error).isNull();
        assertThat(bodies).hasSize(1);
    }

    @Test
    void httpsWithThePkcs12KeystoreAsTrustStore() throws Exception {
        String url = startTlsServer();
        byte[] p12 = Base64.getDecoder().decode(TestCertificates.SERVER_PKCS12_BASE64);

        Throwable error =
                bulkError(
                        new OpenSearchConnectionConfig(
                                List.of(url),
                                "qa",
                                "s3cret",
                                p12,
                                TestCertificates.SERVER_PKCS12_PASSWORD,
                                false));

        assertThat(error).isNull();
    }

    @Test
    void httpsWithAnUntrustedCertificateIsAFatalTlsFailure() throws Exception {
        String url = startTlsServer();

        Throwable error =
                bulkError(
                        new OpenSearchConnectionConfig(
                                List.of(url), "qa", "s3cret", null, null, false));

        RequestFailure failure = BulkResultClassifier.classifyRequestFailure(error);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.message())
                .startsWith("OpenSearch sink: TLS connection to OpenSearch failed")
                .contains("setTrustStore", "setAllowInsecureTls(true)");
        assertThat(bodies).isEmpty();
    }

    @Test
    void httpsWithInsecureTlsTrustsAnyCertificate() throws Exception {
        String url = startTlsServer();

        Throwable error =
                bulkError(
                        new OpenSearchConnectionConfig(
                                List.of(url), "qa", "s3cret", null, null, true));

        assertThat(error).isNull();
        assertThat(bodies).hasSize(1);
    }

    @Test
    void toStringLeavesThePasswordOut() {
        OpenSearchConnectionConfig config =
                new OpenSearchConnectionConfig(List.of(url()), "qa", "s3cret", null, null, false);

        assertThat(config.toString()).contains("qa").doesNotContain("s3cret");
    }
}
