package io.callqa.pipeline.sink.webhook;

import io.callqa.analysis.document.AlertDocument;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each alert as JSON to a webhook (a chat bridge, a paging service, a wallboard), signed with
 * HMAC-SHA256 so the receiver can tell it came from callqa and was not altered.
 *
 * <p>Headers: {@code X-Callqa-Timestamp} (epoch seconds) and {@code X-Callqa-Signature:
 * sha256=HEX}, the HMAC of {@code timestamp + "." + body} under the shared secret (binding the
 * timestamp lets a receiver refuse replays). Failures (connection errors, 429 and 5xx) are retried
 * with exponential backoff; an alert that still fails is logged with its id and counted in {@code
 * webhookFailedAlerts}. It is not lost: every alert is also in {@code callqa-alerts} and on {@code
 * callqa.alerts}. The webhook is a convenience channel, so it never fails the job.
 */
public final class WebhookSink implements Sink<AlertDocument> {
    private static final long serialVersionUID = 1L;

    /** Header carrying the signature. */
    public static final String SIGNATURE_HEADER = "X-Callqa-Signature";

    /** Header carrying the signed timestamp. */
    public static final String TIMESTAMP_HEADER = "X-Callqa-Timestamp";

    private final URI url;
    private final String secret;
    private final int maxAttempts;
    private final Duration timeout;
    private final Duration initialBackoff;

    private WebhookSink(
            URI url, String secret, int maxAttempts, Duration timeout, Duration initialBackoff) {
        this.url = url;
        this.secret = secret;
        this.maxAttempts = maxAttempts;
        this.timeout = timeout;
        this.initialBackoff = initialBackoff;
    }

    /** A builder; url and secret are required. */
    public static WebhookSinkBuilder builder() {
        return new WebhookSinkBuilder();
    }

    static WebhookSink of(
            URI url, String secret, int maxAttempts, Duration timeout, Duration initialBackoff) {
        return new WebhookSink(url, secret, maxAttempts, timeout, initialBackoff);
    }

    /**
     * {@code url} as logs and messages may show it: {@code scheme://host[:port]}, then {@code /…}
     * when it has more. The path, query and user info are left out because webhook URLs usually
     * carry their access token there.
     */
    public static String redact(URI url) {
        StringBuilder b = new StringBuilder();
        b.append(url.getScheme() == null ? "?" : url.getScheme()).append("://");
        b.append(url.getHost() == null ? "?" : url.getHost());
        if (url.getPort() >= 0) {
            b.append(':').append(url.getPort());
        }
        boolean more =
                (url.getRawPath() != null
                                && !url.getRawPath().isEmpty()
                                && !"/".equals(url.getRawPath()))
                        || url.getRawQuery() != null
                        || url.getRawFragment() != null
                        || url.getRawUserInfo() != null;
        return more ? b.append("/…").toString() : b.toString();
    }

    @Override
    public String toString() {
        return "webhook " + redact(url);
    }

    /**
     * The signature header value of {@code body} sent at {@code timestamp} under {@code secret}.
     */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public SinkWriter<AlertDocument> createWriter(WriterInitContext context) {
        return writer(context.metricGroup().counter("webhookFailedAlerts"));
    }

    /** A writer counting failed alerts in {@code failed}. */
    SinkWriter<AlertDocument> writer(Counter failed) {
        return new Writer(failed);
    }

    private final class Writer implements SinkWriter<AlertDocument> {
        private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        private final Counter failed;

        Writer(Counter failed) {
            this.failed = failed;
        }

        @Override
        public void write(AlertDocument alert, Context context) throws InterruptedException {
            byte[] body = alert.json().getBytes(StandardCharsets.UTF_8);
            Duration backoff = initialBackoff;
            String problem = null;
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                long ts = System.currentTimeMillis() / 1000;
                HttpRequest request =
                        HttpRequest.newBuilder(url)
                                .timeout(timeout)
                                .header("Content-Type", "application/json; charset=utf-8")
                                .header(TIMESTAMP_HEADER, Long.toString(ts))
                                .header(SIGNATURE_HEADER, sign(secret, ts, body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build();
                try {
                    int status =
                            http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status < 300) {
                        return;
                    }
                    problem = "HTTP " + status;
                    if (status != 429 && status < 500) {
                        // The receiver refuses this alert; asking again will not change that.
                        break;
                    }
                } catch (IOException e) {
                    // The client's messages may name the URL; name only the kind of failure.
                    problem =
                            e.getClass().getSimpleName()
                                    + (e.getMessage() == null
                                            ? ""
                                            : ": "
                                                    + e.getMessage()
                                                            .replace(url.toString(), redact(url)));
                }
                if (attempt < maxAttempts) {
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2);
                }
            }
            failed.inc();
            LOG.error(
                    "webhook {} did not take alert {} ({}); it is still in callqa-alerts and on"
                            + " callqa.alerts",
                    redact(url),
                    alert.alertId(),
                    problem);
        }

        @Override
        public void flush(boolean endOfInput) {
            // Every write completes (or gives up) before it returns: nothing is buffered.
        }

        @Override
        public void close() {
            // On Java 17 an HttpClient has no close(); its threads end once it is unreachable.
        }
    }
}
