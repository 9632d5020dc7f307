package io.callqa.pipeline.sink.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.callqa.analysis.document.AlertDocument;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSinkTest {
    private static final String SECRET = "0123456789abcdef0123";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A receiver that answers with the given statuses in turn and records what it got. */
    private String receiver(List<String> received, int... statuses) throws Exception {
        AtomicInteger n = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/hook",
                ex -> {
                    byte[] body = ex.getRequestBody().readAllBytes();
                    long ts =
                            Long.parseLong(
                                    ex.getRequestHeaders().getFirst(WebhookSink.TIMESTAMP_HEADER));
                    String sig = ex.getRequestHeaders().getFirst(WebhookSink.SIGNATURE_HEADER);
                    // Verify as a receiver would: recompute over timestamp and body.
                    boolean valid = WebhookSink.sign(SECRET, ts, body).equals(sig);
                    received.add(
                            (valid ? "signed " : "FORGED ")
                                    + new String(body, StandardCharsets.UTF_8));
                    int i = n.getAndIncrement();
                    int status = i < statuses.length ? statuses[i] : 200;
                    ex.sendResponseHeaders(status, -1);
                    ex.close();
                });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private static AlertDocument alert() {
        return new AlertDocument(
                "c1:pii-spoken", "c1", null, "{\"alert_id\":\"c1:pii-spoken\",\"text\":\"카드\"}");
    }

    @Test
    void postsSignedJsonAndRetriesWhenTheReceiverIsBusy() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        String url = receiver(received, 503, 429);
        SimpleCounter failed = new SimpleCounter();
        try (SinkWriter<AlertDocument> w =
                WebhookSink.builder()
                        .setUrl(url)
                        .setAllowHttp(true)
                        .setSecret(SECRET)
                        .setInitialBackoff(Duration.ofMillis(10))
                        .build()
                        .writer(failed)) {
            w.write(alert(), null);
        }
        assertThat(received).hasSize(3).allMatch(r -> r.startsWith("signed {\"alert_id\""));
        assertThat(received.get(2)).contains("카드");
        assertThat(failed.getCount()).isZero();
    }

    @Test
    void aRefusedAlertIsCountedAndNotRetried() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        String url = receiver(received, 400);
        SimpleCounter failed = new SimpleCounter();
        try (SinkWriter<AlertDocument> w =
                WebhookSink.builder()
                        .setUrl(url)
                        .setAllowHttp(true)
                        .setSecret(SECRET)
                        .setInitialBackoff(Duration.ofMillis(10))
                        .build()
                        .writer(failed)) {
            w.write(alert(), null);
        }
        assertThat(received).hasSize(1);
        assertThat(failed.getCount()).isEqualTo(1);
    }

    @Test
    void theBuilderSaysWhatToFix() {
        assertThatThrownBy(() -> WebhookSink.builder().setUrl("ftp://x/hook"))
                .hasMessage("webhook URL ftp://x/… must start with https://");
        assertThatThrownBy(() -> WebhookSink.builder().setSecret("short"))
                .hasMessage(
                        "webhook secret must be at least 16 characters (got 5); generate one"
                                + " with `openssl rand -hex 32`");
        assertThatThrownBy(() -> WebhookSink.builder().setMaxAttempts(0))
                .hasMessageStartingWith("webhook attempts must be 1 to 10, got 0");
        assertThatThrownBy(() -> WebhookSink.builder().setTimeout(Duration.ofMinutes(1)))
                .hasMessage("webhook timeout must be positive and at most 30 s, got PT1M");
        assertThatThrownBy(() -> WebhookSink.builder().setSecret(SECRET).build())
                .hasMessage("webhook URL not set: call setUrl(\"https://...\")");
        assertThatThrownBy(() -> WebhookSink.builder().setUrl("https://hooks.example/x").build())
                .hasMessageStartingWith("webhook secret not set");
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        assertThatThrownBy(
                        () ->
                                WebhookSink.builder()
                                        .setUrl("http://hooks.example:8080/t/SECRET-TOKEN?k=v")
                                        .setSecret(SECRET)
                                        .build())
                .hasMessage(
                        "webhook URL http://hooks.example:8080/… is plain http: alerts, and the"
                                + " token in the URL, would cross the network unencrypted. Use"
                                + " https://, or allow http explicitly (setAllowHttp(true); callqa"
                                + " run --webhook-allow-http) for a receiver on a trusted network");
        assertThat(
                        WebhookSink.builder()
                                .setUrl("http://127.0.0.1:9/hook")
                                .setAllowHttp(true)
                                .setSecret(SECRET)
                                .build())
                .hasToString("webhook http://127.0.0.1:9/…");
    }

    @Test
    void theUrlIsRedactedWhereverItIsShown() {
        assertThat(
                        WebhookSink.redact(
                                java.net.URI.create("https://u:pw@hooks.example/t/TOKEN?a=1")))
                .isEqualTo("https://hooks.example/…");
        assertThat(WebhookSink.redact(java.net.URI.create("https://hooks.example:8443")))
                .isEqualTo("https://hooks.example:8443");
        assertThatThrownBy(() -> WebhookSink.builder().setUrl("ftp://hooks.example/TOKEN"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOKEN"));
        assertThatThrownBy(() -> WebhookSink.builder().setUrl("https://hooks example/TOKEN"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOKEN"));
        assertThatThrownBy(() -> WebhookSink.builder().setUrl("https:///TOKEN"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOKEN"));
    }
}
