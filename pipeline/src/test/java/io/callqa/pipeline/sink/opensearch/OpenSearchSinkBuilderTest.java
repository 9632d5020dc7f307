package io.callqa.pipeline.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSearchSinkBuilderTest {

    private static OpenSearchSinkBuilder<String> valid() {
        return OpenSearchSink.<String>builder()
                .setHosts("http://localhost:9200")
                .setDocumentConverter(s -> DocumentRequest.index("calls", s, "{}"));
    }

    @Test
    void buildsWithOnlyHostsAndConverter() {
        OpenSearchSink<String> sink = valid().build();

        assertThat(sink.hosts()).containsExactly("http://localhost:9200");
        assertThat(sink.deadLetterIndex()).isEqualTo("callqa-errors");
        assertThat(sink.retryBackoff().initial()).isEqualTo(Duration.ofMillis(100));
        assertThat(sink.retryBackoff().max()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void noHosts() {
        assertThatThrownBy(() -> valid().setHosts().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "OpenSearch sink: no hosts set; call setHosts(\"http://localhost:9200\")");
        assertThatThrownBy(
                        () ->
                                OpenSearchSink.<String>builder()
                                        .setDocumentConverter(
                                                s -> DocumentRequest.index("calls", s, "{}"))
                                        .build())
                .hasMessage(
                        "OpenSearch sink: no hosts set; call setHosts(\"http://localhost:9200\")");
    }

    @Test
    void hostWithoutScheme() {
        assertThatThrownBy(() -> valid().setHosts("localhost:9200").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "OpenSearch sink: host 'localhost:9200' has no scheme; use"
                                + " http://localhost:9200 or https://");
    }

    @Test
    void hostWithWrongScheme() {
        assertThatThrownBy(() -> valid().setHosts("ftp://localhost:9200").build())
                .hasMessage(
                        "OpenSearch sink: host 'ftp://localhost:9200' has scheme 'ftp'; use"
                                + " http:// or https://");
    }

    @Test
    void hostWithPath() {
        assertThatThrownBy(() -> valid().setHosts("http://localhost:9200/search").build())
                .hasMessageContaining("host 'http://localhost:9200/search' has more than scheme,")
                .hasMessageContaining("give e.g. http://localhost:9200");
    }

    @Test
    void emptyHost() {
        assertThatThrownBy(() -> valid().setHosts("http://localhost:9200", " ").build())
                .hasMessage(
                        "OpenSearch sink: empty host in setHosts(...); give URLs like"
                                + " http://localhost:9200");
    }

    @Test
    void trailingSlashIsDropped() {
        assertThat(valid().setHosts(" https://a:9200/ ", "http://b:9200").build().hosts())
                .containsExactly("https://a:9200", "http://b:9200");
    }

    @Test
    void noConverter() {
        assertThatThrownBy(
                        () ->
                                OpenSearchSink.<String>builder()
                                        .setHosts("http://localhost:9200")
                                        .build())
                .hasMessage(
                        "OpenSearch sink: no document converter set; call"
                                + " setDocumentConverter(...) or setElementConverter(...)");
    }

    @Test
    void bufferMustExceedBatch() {
        assertThatThrownBy(() -> valid().setMaxBatchSize(100).setMaxBufferedRequests(10).build())
                .hasMessage(
                        "OpenSearch sink: maxBufferedRequests (10) must be greater than"
                                + " maxBatchSize (100)");
        assertThatThrownBy(() -> valid().setMaxBatchSize(100).setMaxBufferedRequests(100).build())
                .hasMessage(
                        "OpenSearch sink: maxBufferedRequests (100) must be greater than"
                                + " maxBatchSize (100)");
    }

    @Test
    void batchSettingsMustBePositive() {
        assertThatThrownBy(() -> valid().setMaxBatchSize(0).build())
                .hasMessage("OpenSearch sink: maxBatchSize (0) must be positive");
        assertThatThrownBy(() -> valid().setMaxInFlightRequests(0).build())
                .hasMessage("OpenSearch sink: maxInFlightRequests (0) must be positive");
        assertThatThrownBy(() -> valid().setMaxBatchSizeInBytes(-1).build())
                .hasMessageContaining("OpenSearch sink: maxBatchSizeInBytes (-1) must be positive");
        assertThatThrownBy(() -> valid().setMaxTimeInBuffer(Duration.ZERO).build())
                .hasMessage("OpenSearch sink: maxTimeInBuffer (PT0S) must be at least 1 ms");
    }

    @Test
    void recordMustFitInBatch() {
        assertThatThrownBy(
                        () ->
                                valid().setMaxBatchSizeInBytes(1000)
                                        .setMaxRecordSizeInBytes(2000)
                                        .build())
                .hasMessage(
                        "OpenSearch sink: maxRecordSizeInBytes (2000) must not be greater than"
                                + " maxBatchSizeInBytes (1000)");
    }

    @Test
    void smallerBatchBytesLowerTheDefaultRecordLimit() {
        // Without an explicit record limit, a small byte limit alone must not be an error.
        assertThat(valid().setMaxBatchSizeInBytes(1000).build()).isNotNull();
    }

    @Test
    void userWithoutPassword() {
        assertThatThrownBy(() -> valid().setBasicAuth("admin", null).build())
                .hasMessage("OpenSearch sink: basic auth user given without a password");
        assertThatThrownBy(() -> valid().setBasicAuth("admin", "").build())
                .hasMessage("OpenSearch sink: basic auth user given without a password");
    }

    @Test
    void passwordWithoutUser() {
        assertThatThrownBy(() -> valid().setBasicAuth(null, "secret").build())
                .hasMessage("OpenSearch sink: basic auth password given without a user");
    }

    @Test
    void basicAuthWithBoth() {
        assertThat(valid().setBasicAuth("admin", "secret").build()).isNotNull();
    }

    @Test
    void missingTrustStore() {
        assertThatThrownBy(() -> valid().setTrustStore("/x/y.jks", "changeit").build())
                .hasMessage("OpenSearch sink: TLS truststore /x/y.jks does not exist");
    }

    @Test
    void unreadableTrustStore(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.p12"), "not a keystore");
        assertThatThrownBy(() -> valid().setTrustStore(junk.toString(), "changeit").build())
                .hasMessageStartingWith(
                        "OpenSearch sink: TLS truststore " + junk + " could not be read: ");
    }

    @Test
    void pemTrustStore(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("root-ca.pem");
        Files.write(pem, TestCertificates.SELF_SIGNED_PEM.getBytes(StandardCharsets.US_ASCII));
        assertThat(
                        valid().setHosts("https://localhost:9200")
                                .setTrustStore(pem.toString(), null)
                                .build())
                .isNotNull();
    }

    @Test
    void backoffMustGrowAndStayBelowTheRequestTimeout() {
        assertThatThrownBy(
                        () ->
                                valid().setRetryBackoff(
                                                Duration.ofSeconds(5), Duration.ofSeconds(1))
                                        .build())
                .hasMessage(
                        "OpenSearch sink: max retry backoff (PT1S) must not be shorter than the"
                                + " initial backoff (PT5S)");
        assertThatThrownBy(
                        () -> valid().setRetryBackoff(Duration.ZERO, Duration.ofSeconds(1)).build())
                .hasMessage("OpenSearch sink: initial retry backoff (PT0S) must be at least 1 ms");
        assertThatThrownBy(
                        () ->
                                valid().setRetryBackoff(
                                                Duration.ofSeconds(1), Duration.ofMinutes(10))
                                        .build())
                .hasMessageStartingWith(
                        "OpenSearch sink: max retry backoff (PT10M) must be at most PT5M");
    }

    @Test
    void deadLetterIndexMustBeAValidName() {
        assertThatThrownBy(() -> valid().setDeadLetterIndex("Errors").build())
                .hasMessage(
                        "OpenSearch sink: dead-letter index 'Errors' is not a valid index name:"
                                + " must be lowercase");
        assertThatThrownBy(() -> valid().setDeadLetterIndex("_errors").build())
                .hasMessageContaining("must not start with '_', '-' or '+'");
        assertThatThrownBy(() -> valid().setDeadLetterIndex("a,b").build())
                .hasMessageContaining("must not contain ','");
        assertThatThrownBy(() -> valid().setDeadLetterIndex("").build())
                .hasMessage("OpenSearch sink: dead-letter index name must not be empty");
        assertThat(valid().setDeadLetterIndex("callqa-errors-2026").build().deadLetterIndex())
                .isEqualTo("callqa-errors-2026");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(
                        () ->
                                OpenSearchSink.<String>builder()
                                        .setHosts("localhost:9200")
                                        .setBasicAuth("admin", null)
                                        .build())
                .hasMessageContaining("OpenSearch sink: host 'localhost:9200' has no scheme")
                .hasMessageContaining("\nOpenSearch sink: basic auth user given without a password")
                .hasMessageContaining("\nOpenSearch sink: no document converter set");
    }
}
