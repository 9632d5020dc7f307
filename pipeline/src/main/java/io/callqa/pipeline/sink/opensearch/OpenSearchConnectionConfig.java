package io.callqa.pipeline.sink.opensearch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.ssl.SSLContextBuilder;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.OpenSearchAsyncClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Where and how the sink connects to OpenSearch: host URLs, basic auth and TLS trust.
 *
 * <p>It travels with the job to the task managers, which build their own client from it. The
 * truststore is therefore carried as the file's bytes, read when the sink is built, so task
 * managers do not need the file at the same path.
 */
final class OpenSearchConnectionConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);

    /** Generous because a large bulk request can take a while on a busy cluster. */
    private static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(60);

    private final List<String> hosts;
    private final String username;
    private final String password;
    private final byte[] trustStore;
    private final String trustStorePassword;
    private final boolean allowInsecureTls;

    OpenSearchConnectionConfig(
            List<String> hosts,
            String username,
            String password,
            byte[] trustStore,
            String trustStorePassword,
            boolean allowInsecureTls) {
        this.hosts = List.copyOf(hosts);
        this.username = username;
        this.password = password;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
        this.allowInsecureTls = allowInsecureTls;
    }

    List<String> hosts() {
        return hosts;
    }

    /** Opens a client; close it with {@link #close(OpenSearchAsyncClient)}. */
    OpenSearchAsyncClient createClient() {
        return new OpenSearchAsyncClient(createTransport());
    }

    /** Opens a transport with this configuration's auth and TLS; close it when done. */
    ApacheHttpClient5Transport createTransport() {
        HttpHost[] httpHosts =
                hosts.stream().map(OpenSearchConnectionConfig::toHttpHost).toArray(HttpHost[]::new);
        SSLContext sslContext = sslContext();
        ApacheHttpClient5Transport transport =
                ApacheHttpClient5TransportBuilder.builder(httpHosts)
                        .setHttpClientConfigCallback(
                                http -> {
                                    ClientTlsStrategyBuilder tls =
                                            ClientTlsStrategyBuilder.create()
                                                    .setSslContext(sslContext);
                                    if (allowInsecureTls) {
                                        tls.setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                                                .setHostVerificationPolicy(
                                                        HostnameVerificationPolicy.CLIENT);
                                    }
                                    http.setConnectionManager(
                                                    PoolingAsyncClientConnectionManagerBuilder
                                                            .create()
                                                            .setTlsStrategy(tls.buildAsync())
                                                            .setMaxConnPerRoute(
                                                                    ApacheHttpClient5TransportBuilder
                                                                            .DEFAULT_MAX_CONN_PER_ROUTE)
                                                            .setMaxConnTotal(
                                                                    ApacheHttpClient5TransportBuilder
                                                                            .DEFAULT_MAX_CONN_TOTAL)
                                                            .setDefaultConnectionConfig(
                                                                    ConnectionConfig.custom()
                                                                            .setConnectTimeout(
                                                                                    CONNECT_TIMEOUT)
                                                                            .setSocketTimeout(
                                                                                    RESPONSE_TIMEOUT)
                                                                            .build())
                                                            .build())
                                            .setDefaultRequestConfig(
                                                    RequestConfig.custom()
                                                            .setResponseTimeout(RESPONSE_TIMEOUT)
                                                            .build())
                                            .addResponseInterceptorFirst(
                                                    OpenSearchConnectionConfig
                                                            ::failOnNonJsonErrorResponse);
                                    if (username != null) {
                                        BasicCredentialsProvider credentials =
                                                new BasicCredentialsProvider();
                                        for (HttpHost host : httpHosts) {
                                            credentials.setCredentials(
                                                    new AuthScope(host),
                                                    new UsernamePasswordCredentials(
                                                            username, password.toCharArray()));
                                        }
                                        http.setDefaultCredentialsProvider(credentials);
                                    }
                                    return http;
                                })
                        .setMapper(new org.opensearch.client.json.jackson.JacksonJsonpMapper())
                        .build();
        return transport;
    }

    static void close(OpenSearchAsyncClient client) throws IOException {
        if (client != null) {
            client._transport().close();
        }
    }

    /**
     * Turns error answers that are not JSON into an exception that keeps the status.
     *
     * <p>opensearch-java tries to parse 400, 401, 403, 404 and 405 answers as OpenSearch error
     * JSON; the security plugin answers a bad password with a plain-text 401 and proxies answer
     * with HTML, and the parse error that follows would hide the status the user needs to see.
     */
    private static void failOnNonJsonErrorResponse(
            HttpResponse response, EntityDetails entity, HttpContext context)
            throws ErrorStatusException {
        int status = response.getCode();
        if (status < 400) {
            return;
        }
        String contentType = entity == null ? null : entity.getContentType();
        boolean json =
                contentType != null
                        && ContentType.parse(contentType)
                                .isSameMimeType(ContentType.APPLICATION_JSON);
        if (!json) {
            throw new ErrorStatusException(status, response.getReasonPhrase());
        }
    }

    private SSLContext sslContext() {
        try {
            if (allowInsecureTls) {
                return SSLContextBuilder.create()
                        .loadTrustMaterial(TrustAllStrategy.INSTANCE)
                        .build();
            }
            if (trustStore != null) {
                return SSLContextBuilder.create()
                        .loadTrustMaterial(loadTrustStore(trustStore, trustStorePassword), null)
                        .build();
            }
            return SSLContext.getDefault();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("OpenSearch sink: could not set up TLS: " + e, e);
        }
    }

    /** Parses a host URL the builder has already checked. */
    static HttpHost toHttpHost(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equals(uri.getScheme()) ? 443 : 80;
        }
        return new HttpHost(uri.getScheme(), uri.getHost(), port);
    }

    /**
     * Reads trusted certificates from a PKCS#12 or JKS truststore, or from PEM certificates such as
     * the {@code root-ca.pem} of an OpenSearch security setup.
     */
    static KeyStore loadTrustStore(byte[] bytes, String password)
            throws IOException, GeneralSecurityException {
        String head =
                new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII).strip();
        if (head.startsWith("-----BEGIN")) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509")
                            .generateCertificates(new ByteArrayInputStream(bytes));
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificates in the PEM file");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            return store;
        }
        char[] secret = password == null ? null : password.toCharArray();
        List<Exception> failures = new ArrayList<>();
        for (String type : new String[] {"PKCS12", "JKS"}) {
            try {
                KeyStore store = KeyStore.getInstance(type);
                store.load(new ByteArrayInputStream(bytes), secret);
                return store;
            } catch (IOException | GeneralSecurityException e) {
                failures.add(e);
            }
        }
        IOException error =
                new IOException(
                        "not a PKCS#12, JKS or PEM truststore, or the password is wrong: "
                                + failures.get(0).getMessage());
        failures.forEach(error::addSuppressed);
        throw error;
    }

    @Override
    public String toString() {
        // The password is deliberately left out.
        return "OpenSearchConnectionConfig{hosts="
                + hosts
                + ", user="
                + Objects.requireNonNullElse(username, "(none)")
                + ", truststore="
                + (trustStore == null ? "(none)" : trustStore.length + " bytes")
                + ", insecureTls="
                + allowInsecureTls
                + "}";
    }

    /** An HTTP error answer whose body is not OpenSearch error JSON; keeps the status. */
    static final class ErrorStatusException extends IOException {
        private static final long serialVersionUID = 1L;

        private final int status;

        ErrorStatusException(int status, String reasonPhrase) {
            super("HTTP " + status + (reasonPhrase == null ? "" : " " + reasonPhrase));
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
