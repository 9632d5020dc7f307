package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.callqa.analysis.document.IndexNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * The supervisor console: an HTTP server (the JDK's {@code com.sun.net.httpserver}) with the call
 * list, call detail and reviews, the live alerts panel, the agent view of live calls, the abuse
 * figures and the aggregates page, over callqa's OpenSearch indices. Every request needs basic auth
 * from the users file; what a user may open depends on the {@link Role}.
 *
 * <pre>{@code
 * try (ConsoleServer console = ConsoleServer.builder()
 *         .opensearch(transport).users(Users.read(file)).port(8088).start()) {
 *     System.out.println(console.url());
 * }
 * }</pre>
 */
public final class ConsoleServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ConsoleServer.class.getName());
    private static final String CSP =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                    + " media-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private static final SecureRandom REFERENCES = new SecureRandom();

    /** Worker threads: every request, including open event streams, holds one. */
    static final int WORKERS = 64;

    /**
     * Open event streams (alert panels and agent views) at most, so that some workers are always
     * left for pages.
     */
    static final int MAX_STREAMS = 48;

    /** Connections waiting for a worker at most; more get 503. */
    static final int QUEUE = 64;

    /** Password hashes computed at once. */
    static final int HASHING = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    private static final ThreadLocal<Boolean> OVERLOADED = ThreadLocal.withInitial(() -> false);

    static {
        // The JDK server's timeouts are JVM-wide system properties, read once. Unless the
        // operator set them: a request (line, headers, and the handler until it starts to
        // answer) must arrive within 20 s, a connection that sends nothing is closed after that
        // too, and an idle keep-alive connection after 30 s. This keeps a slow or silent client
        // from holding a worker. The answer itself has no limit (alert streams stay open).
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "20");
        System.getProperties().putIfAbsent("sun.net.httpserver.idleInterval", "30");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxIdleConnections", "200");
    }

    private final HttpServer http;
    private final ThreadPoolExecutor threads;
    private final ThreadPoolExecutor busy;
    private final LoginThrottle throttle = new LoginThrottle();
    private final Semaphore hashing = new Semaphore(HASHING);
    private final Users users;
    private final Index index;
    private final IndexFeed alerts;
    private final IndexFeed assist;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private final AudioFiles audio;
    private final byte[] csrfKey = new byte[32];
    private final URI url;

    private ConsoleServer(Builder b) throws IOException {
        this.users = b.users;
        this.index = new Index(b.transport);
        this.audio = new AudioFiles(b.audioDirs);
        new SecureRandom().nextBytes(csrfKey);
        this.alerts =
                new IndexFeed(
                        index, IndexNames.ALERTS_ALL, "alert", AlertsPage::view, b.pollInterval);
        this.assist =
                new IndexFeed(
                        index, IndexNames.ASSIST_ALL, "assist", LivePage::view, b.pollInterval);
        this.http = HttpServer.create(new InetSocketAddress(b.bind, b.port), 64);
        // A fixed pool with a bounded queue: a flood of connections cannot raise the thread
        // count. What the queue cannot hold goes to two more threads that only answer 503; what
        // they cannot take either, the server drops (it closes the connection).
        this.busy =
                new ThreadPoolExecutor(
                        2,
                        2,
                        0,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(QUEUE),
                        threads("console-busy-", true),
                        new ThreadPoolExecutor.AbortPolicy());
        this.threads =
                new ThreadPoolExecutor(
                        WORKERS,
                        WORKERS,
                        0,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(QUEUE),
                        threads("console-http-", false),
                        (r, pool) -> busy.execute(r));
        http.setExecutor(threads);
        http.createContext("/", this::handle);
        alerts.start();
        assist.start();
        http.start();
        String host = b.bind.isAnyLocalAddress() ? "127.0.0.1" : b.bind.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.url = URI.create("http://" + host + ":" + http.getAddress().getPort());
    }

    private static ThreadFactory threads(String prefix, boolean overloaded) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Runnable run =
                    overloaded
                            ? () -> {
                                OVERLOADED.set(true);
                                r.run();
                            }
                            : r;
            Thread t = new Thread(run, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A builder; {@link Builder#opensearch} and {@link Builder#users} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** How many connections the full pool has handed to the 503 threads so far. */
    long overflowed() {
        return busy.getTaskCount();
    }

    /** Where the console answers, e.g. {@code http://127.0.0.1:8088}. */
    public URI url() {
        return url;
    }

    /** Stops serving, ends the live streams and the alert poller. Does not close the transport. */
    @Override
    public void close() {
        alerts.close();
        assist.close();
        http.stop(0);
        threads.shutdownNow();
        busy.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("X-Frame-Options", "DENY");
            ex.getResponseHeaders().set("Referrer-Policy", "same-origin");
            ex.getResponseHeaders().set("Content-Security-Policy", CSP);
            // Pages, exports and recordings hold call data: no browser or proxy may keep them.
            // The static files set their own caching.
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            if (OVERLOADED.get()) {
                ex.getResponseHeaders().set("Retry-After", "1");
                send(ex, 503, "text/plain", "The callqa console is busy; try again shortly.");
                return;
            }
            Login login = authenticate(ex);
            if (login.retryAfterMs() > 0) {
                long seconds = Math.max(1, (login.retryAfterMs() + 999) / 1000);
                ex.getResponseHeaders().set("Retry-After", Long.toString(seconds));
                send(
                        ex,
                        login.throttled() ? 429 : 503,
                        "text/plain",
                        login.throttled()
                                ? "Too many failed sign-ins; try again in " + seconds + " s."
                                : "The callqa console is busy checking passwords; try again.");
                return;
            }
            Optional<Users.User> user = login.user();
            if (user.isEmpty()) {
                ex.getResponseHeaders()
                        .set(
                                "WWW-Authenticate",
                                "Basic realm=\"callqa console\", charset=\"UTF-8\"");
                send(ex, 401, "text/plain", "Sign in with a callqa console user.");
                return;
            }
            Request req = new Request(ex, user.get(), csrf(user.get().name()));
            String lang = req.params().get("lang");
            if (Messages.speaks(lang)) {
                ex.getResponseHeaders()
                        .add("Set-Cookie", "callqa_lang=" + lang + "; Path=/; SameSite=Lax");
            }
            route(req);
        } catch (IOException e) {
            // The browser went away mid-response; nothing to tell it.
            LOG.log(System.Logger.Level.DEBUG, "console request ended: " + e);
        } catch (RuntimeException e) {
            // The browser gets a reference only; the exception, which may quote call data or
            // internals, stays in the console's log under that reference.
            internalError(ex, e);
        } finally {
            ex.close();
        }
    }

    private void route(Request req) throws IOException {
        HttpExchange ex = req.exchange();
        String path = req.path();
        String method = ex.getRequestMethod();
        Role role = req.user().role();
        boolean post = method.equals("POST");
        if (!post && !method.equals("GET") && !method.equals("HEAD")) {
            send(ex, 405, "text/plain", "method not allowed");
            return;
        }
        if (post && (!req.sameOrigin() || !validCsrf(req))) {
            send(ex, 403, "text/plain", req.messages().get("error.csrf"));
            return;
        }
        try {
            if (path.equals("/")) {
                redirect(
                        ex,
                        role.readsCalls() ? "/calls" : role.watchesFloor() ? "/alerts" : "/live");
            } else if (path.startsWith("/static/")) {
                serveStatic(ex, path.substring("/static/".length()));
            } else if (path.equals("/live") || path.startsWith("/live/")) {
                if (allowed(req, role.followsLiveCalls())) {
                    liveRoute(req, path, post);
                }
            } else if (path.startsWith("/api/live/") && !post) {
                if (allowed(req, role.followsLiveCalls())) {
                    String id = path.substring("/api/live/".length());
                    send(ex, 200, "application/json", LivePage.callJson(index, req, id));
                }
            } else if (!role.watchesFloor()) {
                forbidden(req);
            } else if (path.equals("/alerts") && !post) {
                html(ex, 200, AlertsPage.render(req));
            } else if (path.equals("/api/alerts") && !post) {
                send(ex, 200, "application/json", AlertsPage.recentJson(index));
            } else if (path.equals("/alerts/stream") && !post) {
                stream(req, source -> true, alerts);
            } else if (path.equals("/abuse") && !post) {
                html(ex, 200, AbusePage.render(index, req, Instant.now()));
            } else if (path.equals("/alerts/ack") && post) {
                if (!allowed(req, role.acknowledges())) {
                    return;
                }
                if (AlertsPage.acknowledge(index, req)) {
                    send(ex, 200, "application/json", "{\"ok\":true}");
                } else {
                    send(ex, 404, "application/json", "{\"ok\":false}");
                }
            } else if (!role.readsCalls()) {
                forbidden(req);
            } else if (path.equals("/calls") && !post) {
                html(ex, 200, CallListPage.render(index, req));
            } else if (path.equals("/calls.csv") && !post) {
                if (allowed(req, role.exports())) {
                    CallListPage.exportCsv(index, req);
                }
            } else if (path.equals("/aggregates") && !post) {
                html(ex, 200, AggregatesPage.render(index, req));
            } else if (path.startsWith("/calls/")) {
                callRoute(req, path.substring("/calls/".length()), post);
            } else {
                html(ex, 404, Html.page(req, "404", "", notFound(req)));
            }
        } catch (IOException e) {
            if (ex.getResponseCode() != -1) {
                throw e;
            }
            String ref = reference();
            LOG.log(System.Logger.Level.WARNING, "OpenSearch request " + ref + " failed", e);
            String body =
                    "<p class=\"problem\">"
                            + Html.esc(req.messages().get("error.opensearch"))
                            + " "
                            + Html.esc(ref)
                            + "</p>";
            html(ex, 502, Html.page(req, "502", "", body));
        }
    }

    /** {@code /live}, {@code /live/<call>} and {@code /live/<call>/stream}. */
    private void liveRoute(Request req, String path, boolean post) throws IOException {
        HttpExchange ex = req.exchange();
        String rest = path.equals("/live") ? "" : path.substring("/live/".length());
        if (post) {
            send(ex, 405, "text/plain", "method not allowed");
        } else if (rest.isEmpty()) {
            html(ex, 200, LivePage.renderList(index, req));
        } else if (rest.endsWith("/stream") && rest.indexOf('/') == rest.length() - 7) {
            String id = rest.substring(0, rest.length() - 7);
            stream(req, LivePage.of(req, id), assist, alerts);
        } else if (rest.indexOf('/') < 0) {
            html(ex, 200, LivePage.renderCall(req, rest));
        } else {
            html(ex, 404, Html.page(req, "404", "live", notFound(req)));
        }
    }

    /** Serves an event stream of the documents of {@code feeds} that {@code filter} accepts. */
    private void stream(Request req, Predicate<JsonNode> filter, IndexFeed... feeds)
            throws IOException {
        if (!streams.tryAcquire()) {
            send(req.exchange(), 503, "text/plain", "too many open live pages");
            return;
        }
        try {
            new EventStream(filter).serve(req.exchange(), feeds);
        } finally {
            streams.release();
        }
    }

    private void callRoute(Request req, String rest, boolean post) throws IOException {
        HttpExchange ex = req.exchange();
        String id;
        String action;
        int slash = rest.indexOf('/');
        if (slash < 0) {
            id = rest;
            action = "";
        } else {
            id = rest.substring(0, slash);
            action = rest.substring(slash + 1);
        }
        if (id.isEmpty()) {
            redirect(ex, "/calls");
            return;
        }
        Optional<JsonNode> call = index.get(IndexNames.CALLS, id);
        if (call.isEmpty()) {
            html(ex, 404, Html.page(req, "404", "calls", notFound(req)));
            return;
        }
        if (action.isEmpty() && !post) {
            html(ex, 200, CallPage.render(index, req, call.get(), audio.playable(call.get())));
        } else if (action.equals("audio") && !post) {
            audio.serve(ex, call.get());
        } else if (action.equals("review") && post) {
            if (!allowed(req, req.user().role().reviews())) {
                return;
            }
            Optional<String> problem = CallPage.saveReview(index, req, call.get());
            if (problem.isPresent()) {
                html(
                        ex,
                        400,
                        Html.page(
                                req,
                                "400",
                                "calls",
                                "<p class=\"problem\">" + Html.esc(problem.get()) + "</p>"));
            } else {
                redirect(ex, "/calls/" + CallListPage.urlPart(id) + "#reviews");
            }
        } else {
            html(ex, 404, Html.page(req, "404", "calls", notFound(req)));
        }
    }

    private static String notFound(Request req) {
        return "<p class=\"problem\">" + Html.esc(req.messages().get("error.notfound")) + "</p>";
    }

    private boolean allowed(Request req, boolean allowed) throws IOException {
        if (!allowed) {
            forbidden(req);
        }
        return allowed;
    }

    private static void forbidden(Request req) throws IOException {
        html(
                req.exchange(),
                403,
                Html.page(
                        req,
                        "403",
                        "",
                        "<p class=\"problem\" id=\"forbidden\">"
                                + Html.esc(
                                        req.messages()
                                                .format(
                                                        "error.forbidden",
                                                        req.messages()
                                                                .get(
                                                                        "role."
                                                                                + req.user()
                                                                                        .role()
                                                                                        .id())))
                                + "</p>"));
    }

    /**
     * The outcome of a sign-in: the user, or none, or a wait in milliseconds (throttled when too
     * many attempts failed, else the password checks are all busy).
     */
    private record Login(Optional<Users.User> user, long retryAfterMs, boolean throttled) {
        static final Login NONE = new Login(Optional.empty(), 0, false);
    }

    private Login authenticate(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Login.NONE;
        }
        String decoded;
        try {
            decoded =
                    new String(
                            Base64.getDecoder().decode(h.substring(6).strip()),
                            StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Login.NONE;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Login.NONE;
        }
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        // A signed-in browser resends a password already verified: no hash, no throttle, so
        // nobody can lock out a user who is working.
        Optional<Users.User> known = users.remembered(name, password);
        if (known.isPresent()) {
            return new Login(known, 0, false);
        }
        String address = ex.getRemoteAddress().getAddress().getHostAddress();
        long wait = throttle.admit(address, name);
        if (wait > 0) {
            return new Login(Optional.empty(), wait, true);
        }
        // Password hashing is slow on purpose; a few at a time keep the workers free for
        // signed-in users however many guesses arrive.
        try {
            if (!hashing.tryAcquire(2, TimeUnit.SECONDS)) {
                return new Login(Optional.empty(), 1000, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Login.NONE;
        }
        try {
            Optional<Users.User> user = users.authenticate(name, password);
            if (user.isPresent()) {
                throttle.succeeded(address, name);
            }
            return new Login(user, 0, false);
        } finally {
            hashing.release();
        }
    }

    /** A per-user token that forms and scripts send back; other sites cannot read it. */
    private String csrf(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static boolean validCsrf(Request req) {
        String sent = req.exchange().getRequestHeaders().getFirst("X-CSRF-Token");
        if (sent == null) {
            sent = req.formParam("csrf");
        }
        return sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8),
                        req.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private static void serveStatic(HttpExchange ex, String name) throws IOException {
        if (!name.matches("[a-z0-9-]+\\.(css|js)")) {
            send(ex, 404, "text/plain", "not found");
            return;
        }
        try (InputStream in = ConsoleServer.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                send(ex, 404, "text/plain", "not found");
                return;
            }
            String type = name.endsWith(".css") ? "text/css" : "text/javascript";
            ex.getResponseHeaders().set("Cache-Control", "max-age=300");
            byte[] bytes = in.readAllBytes();
            ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    static void html(HttpExchange ex, int status, String page) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, status, "text/html", page);
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendQuietly(HttpExchange ex, int status, String type, String body) {
        try {
            if (ex.getResponseCode() == -1) {
                send(ex, status, type, body);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not send the error page: " + e);
        }
    }

    /**
     * Answers 500 for a request that failed with {@code e}: the browser gets a reference only; the
     * exception, which may quote call data or internals, goes to the log under it.
     */
    static void internalError(HttpExchange ex, RuntimeException e) {
        String ref = reference();
        LOG.log(
                System.Logger.Level.WARNING,
                "console request " + ref + " (" + ex.getRequestURI().getPath() + ") failed",
                e);
        sendQuietly(
                ex,
                500,
                "text/plain",
                "callqa console: internal error; the console's log has the details under"
                        + " reference "
                        + ref
                        + ".");
    }

    /** A short random reference tying an error answer to its log line. */
    private static String reference() {
        byte[] b = new byte[6];
        REFERENCES.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(303, -1);
    }

    /** Configures and starts a {@link ConsoleServer}; setters check their arguments. */
    public static final class Builder {
        private OpenSearchTransport transport;
        private Users users;
        private InetAddress bind;
        private int port = 8088;
        private final List<Path> audioDirs = new ArrayList<>();
        private Duration pollInterval = Duration.ofMillis(250);

        private Builder() {
            try {
                bind = InetAddress.getByName("127.0.0.1");
            } catch (UnknownHostException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The OpenSearch to read and write; the caller keeps ownership and closes it. */
        public Builder opensearch(OpenSearchTransport transport) {
            this.transport = Objects.requireNonNull(transport, "opensearch transport");
            return this;
        }

        /** Who may sign in, and as what. */
        public Builder users(Users users) {
            this.users = Objects.requireNonNull(users, "users");
            return this;
        }

        /**
         * The address to listen on (default {@code 127.0.0.1}: only this machine).
         *
         * @throws IllegalArgumentException if {@code host} is not an address or a name that
         *     resolves
         */
        public Builder bind(String host) {
            try {
                this.bind = InetAddress.getByName(Objects.requireNonNull(host, "bind address"));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(
                        "bind address '"
                                + host
                                + "' does not resolve; pass an IP such as 127.0.0.1 or 0.0.0.0");
            }
            return this;
        }

        /**
         * The TCP port (default 8088); 0 picks a free one.
         *
         * @throws IllegalArgumentException unless 0-65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(
                        "port must be 0-65535 (0 = any free port), got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * A directory whose WAV files the console may play: a call's recording is served only if
         * its {@code source.uri} is a local file inside one of these (symbolic links resolved).
         *
         * @throws IllegalArgumentException if {@code dir} is not an existing directory
         */
        public Builder audioDir(Path dir) {
            if (dir == null || !Files.isDirectory(dir)) {
                throw new IllegalArgumentException(
                        "audio directory " + dir + " does not exist or is not a directory");
            }
            try {
                audioDirs.add(dir.toRealPath());
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "audio directory " + dir + " cannot be read: " + e.getMessage());
            }
            return this;
        }

        /**
         * How often new alerts are looked for (default 250 ms; alerts show within this plus the
         * index's refresh interval).
         *
         * @throws IllegalArgumentException unless 50 ms to 10 s
         */
        public Builder pollInterval(Duration interval) {
            if (interval == null
                    || interval.compareTo(Duration.ofMillis(50)) < 0
                    || interval.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException(
                        "alert poll interval must be between 50 ms and 10 s, got " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * Starts serving.
         *
         * @throws IllegalStateException if the transport or the users are missing
         * @throws IOException if the port cannot be bound
         */
        public ConsoleServer start() throws IOException {
            if (transport == null) {
                throw new IllegalStateException(
                        "no OpenSearch given; call opensearch(transport) first");
            }
            if (users == null) {
                throw new IllegalStateException(
                        "no users given; call users(Users.read(file)) first");
            }
            return new ConsoleServer(this);
        }
    }
}
