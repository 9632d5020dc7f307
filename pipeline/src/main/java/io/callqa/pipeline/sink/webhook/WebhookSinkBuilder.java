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
    private boolean allowHttp;

    WebhookSinkBuilder() {}

    /**
     * Where to POST alerts: an https URL, or http with {@link #setAllowHttp}. Messages name it only
     * as {@link WebhookSink#redact redacted}: webhook URLs often carry their token in the path or
     * query.
     */
    public WebhookSinkBuilder setUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("webhook URL is empty; give an https:// URL");
        }
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "webhook URL ("
                            + url.strip().length()
                            + " characters) is not a URL; give one like"
                            + " https://hooks.example/callqa");
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
            throw new IllegalArgumentException(
                    "webhook URL " + WebhookSink.redact(u) + " must start with https://");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException(
                    "webhook URL " + WebhookSink.redact(u) + " has no host");
        }
        this.url = u;
        return this;
    }

    /**
     * Accept a plain {@code http://} URL (default false): alerts name calls and agents and the
     * URL's token travels with them, so unencrypted delivery has to be asked for, for a receiver on
     * localhost or a trusted network ({@code callqa run --webhook-allow-http}).
     */
    public WebhookSinkBuilder setAllowHttp(boolean allow) {
        this.allowHttp = allow;
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
        if ("http".equals(url.getScheme()) && !allowHttp) {
            throw new IllegalStateException(
                    "webhook URL "
                            + WebhookSink.redact(url)
                            + " is plain http: alerts, and the token in the URL, would cross the"
                            + " network unencrypted. Use https://, or allow http explicitly"
                            + " (setAllowHttp(true); callqa run --webhook-allow-http) for a"
                            + " receiver on a trusted network");
        }
        return WebhookSink.of(url, secret, maxAttempts, timeout, initialBackoff);
    }
}
