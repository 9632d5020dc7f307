package io.callqa.pipeline.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callqa.pipeline.PipelineOptions;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** {@link PipelineOptions#openSearchSink} turns {@code opensearch.*} settings into a sink. */
class PipelineOptionsOpenSearchTest {

    private static final DocumentConverter<String> CONVERTER =
            s -> DocumentRequest.index("calls", s, "{}");

    private static OpenSearchSink<String> sinkFrom(Map<String, String> settings) {
        return PipelineOptions.<String>openSearchSink(Configuration.fromMap(settings))
                .setDocumentConverter(CONVERTER)
                .build();
    }

    @Test
    void defaults() {
        OpenSearchSink<String> sink = sinkFrom(Map.of());

        assertThat(sink.hosts()).containsExactly("http://localhost:9200");
        assertThat(sink.deadLetterIndex()).isEqualTo("callqa-errors");
        assertThat(sink.retryBackoff().initial()).isEqualTo(Duration.ofMillis(100));
        assertThat(sink.retryBackoff().max()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sink.maxBatchSize()).isEqualTo(1000);
        assertThat(sink.maxBatchSizeInBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(sink.maxTimeInBufferMs()).isEqualTo(1000);
    }

    @Test
    void hostsAsCommaOrSemicolonSeparatedString() {
        assertThat(sinkFrom(Map.of("opensearch.hosts", "http://a:9200, http://b:9200")).hosts())
                .containsExactly("http://a:9200", "http://b:9200");
        assertThat(sinkFrom(Map.of("opensearch.hosts", "http://a:9200;https://b:9200")).hosts())
                .containsExactly("http://a:9200", "https://b:9200");
    }

    @Test
    void retryDeadLetterAndBulkSettings() {
        OpenSearchSink<String> sink =
                sinkFrom(
                        Map.of(
                                "opensearch.retry.initial-backoff", "250 ms",
                                "opensearch.retry.max-backoff", "1 min",
                                "opensearch.dead-letter-index", "qa-errors",
                                "opensearch.bulk.max-actions", "200",
                                "opensearch.bulk.max-bytes", "2mb",
                                "opensearch.bulk.flush-interval", "5 s"));

        assertThat(sink.retryBackoff().initial()).isEqualTo(Duration.ofMillis(250));
        assertThat(sink.retryBackoff().max()).isEqualTo(Duration.ofMinutes(1));
        assertThat(sink.deadLetterIndex()).isEqualTo("qa-errors");
        assertThat(sink.maxBatchSize()).isEqualTo(200);
        assertThat(sink.maxBatchSizeInBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(sink.maxRecordSizeInBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(sink.maxTimeInBufferMs()).isEqualTo(5000);
    }

    @Test
    void builderChecksStillApply() {
        assertThatThrownBy(() -> sinkFrom(Map.of("opensearch.username", "admin")))
                .hasMessage("OpenSearch sink: basic auth user given without a password");
        assertThatThrownBy(() -> sinkFrom(Map.of("opensearch.tls.truststore", "/x/y.jks")))
                .hasMessage("OpenSearch sink: TLS truststore /x/y.jks does not exist");
        assertThatThrownBy(
                        () ->
                                sinkFrom(
                                        Map.of(
                                                "opensearch.bulk.max-actions",
                                                "20000",
                                                "opensearch.hosts",
                                                "localhost:9200")))
                .hasMessageContaining("host 'localhost:9200' has no scheme")
                .hasMessageContaining(
                        "maxBufferedRequests (10000) must be greater than maxBatchSize (20000)");
    }
}
