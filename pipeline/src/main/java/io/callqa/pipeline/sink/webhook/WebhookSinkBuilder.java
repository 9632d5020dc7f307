package io.callqa.pipeline.sink.webhook;

import java.net.URI;
import java.time.Duration;

/** Builds a {@link WebhookSink}, checking each setting with a message that says what to fix. */
public final class WebhookSinkBuilder {
    private URI url;
    private String secret;
    private int maxAttempts = 4;
    private Duration timeout = Duration.ofSeconds(2);
    private Duration initialBackoff = Duration.ofMillis(200);

    WebhookSinkBuilder() {}

    /** Where to POST alerts: an http or https URL. */
    public WebhookSinkBuilder setUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("webhook URL is empty; give an http(s):// URL");
        }
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "webhook URL '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
            throw new IllegalArgumentException(
                    "webhook URL '" + url + "' must start with http:// or https://");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("webhook URL '" + url + "' has no host");
        }
        this.url = u;
        return this;
    }

    /**
     * The shared secret the receiver verifies signatures with; at least 16 characters, since a
     * short secret can be guessed.
     */
    public WebhookSinkBuilder setSecret(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException(
                    "webhook secret must be at least 16 characters (got "
                            + (secret == null ? "none" : secret.length())
                            + "); generate one with `openssl rand -hex 32`");
        }
        this.secret = secret;
        return this;
    }

    /** Attempts per alert, 1 to 10 (default 4). */
    public WebhookSinkBuilder setMaxAttempts(int attempts) {
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException(
                    "webhook attempts must be 1 to 10, got "
                            + attempts
                            + "; every attempt holds up the alerts behind it");
        }
        this.maxAttempts = attempts;
        return this;
    }

    /** Time allowed per request, up to 30 s (default 2 s). */
    public WebhookSinkBuilder setTimeout(Duration timeout) {
        if (timeout == null
                || timeout.isNegative()
                || timeout.isZero()
                || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException(
                    "webhook timeout must be positive and at most 30 s, got " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** Wait before the first retry; doubles each time (default 200 ms). */
    public WebhookSinkBuilder setInitialBackoff(Duration backoff) {
        if (backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException(
                    "webhook backoff must not be negative, got " + backoff);
        }
        this.initialBackoff = backoff;
        return this;
    }

    /** The sink; fails naming what is missing. */
    public WebhookSink build() {
        if (url == null) {
            throw new IllegalStateException("webhook URL not set: call setUrl(\"https://...\")");
        }
        if (secret == null) {
            throw new IllegalStateException(
                    "webhook secret not set: call setSecret(...) (callqa run reads it from"
                            + " CALLQA_WEBHOOK_SECRET)");
        }
        return WebhookSink.of(url, secret, maxAttempts, timeout, initialBackoff);
    }
}
