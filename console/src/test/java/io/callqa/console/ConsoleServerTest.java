package io.callqa.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The console's HTTP front under abuse, on a real socket. No OpenSearch answers behind it (the
 * transport points at a closed port), which is what the error answers are tested against; sign-in,
 * throttling, the worker pool and the static files need no index.
 */
class ConsoleServerTest {

    private static final String PASSWORD = "right password";
    private static final List<LogRecord> LOGGED = new ArrayList<>();
    private static final Handler CAPTURE =
            new Handler() {
                @Override
                public void publish(LogRecord r) {
                    synchronized (LOGGED) {
                        LOGGED.add(r);
                    }
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    // JUL holds loggers weakly: keep this one, or the handler goes with it.
    private static final Logger LOG = Logger.getLogger(ConsoleServer.class.getName());

    @TempDir static Path tmp;
    static OpenSearchTransport transport;
    static Users users;
    static ConsoleServer console;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        LOG.addHandler(CAPTURE);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        transport =
                ApacheHttpClient5TransportBuilder.builder(new HttpHost("http", "127.0.0.1", closed))
                        .build();
        Path file = tmp.resolve("users");
        StringBuilder lines = new StringBuilder();
        for (String name : List.of("sam", "jun", "lee")) {
            lines.append(Users.line(name, Role.SUPERVISOR, PASSWORD.toCharArray(), 10_000))
                    .append('\n');
        }
        Files.writeString(file, lines);
        users = Users.read(file);
        console = ConsoleServer.builder().opensearch(transport).users(users).port(0).start();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() throws IOException {
        console.close();
        transport.close();
        LOG.removeHandler(CAPTURE);
    }

    private static HttpRequest.Builder get(String path, String user, String password) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(console.url().resolve(path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + password)
                                                    .getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    /**
     * Sends a request, and sends it again while the console answers 503 with Retry-After ("busy,
     * come back": its password-hash slot is taken, or its workers are still held by an earlier
     * test's stalled connections), for up to 10 s, as a client would.
     */
    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        HttpResponse<String> answer = client.send(r, HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 40 && answer.statusCode() == 503; i++) {
            Thread.sleep(250);
            answer = client.send(r, HttpResponse.BodyHandlers.ofString());
        }
        return answer;
    }

    @Test
    void parallelWrongLoginsAreThrottledAndSignedInPagesStillAnswer() throws Exception {
        assertThat(send(get("/static/console.css", "sam", PASSWORD).build()).statusCode())
                .isEqualTo(200);
        long hashes = users.hashesComputed();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<HttpResponse<String>>> wrong = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                int n = i;
                wrong.add(pool.submit(() -> send(get("/alerts", "jun", "guess " + n).build())));
            }
            // While the guesses run, the signed-in user is answered from the remembered
            // password: no hash, no throttle.
            HttpResponse<String> page = send(get("/static/console.css", "sam", PASSWORD).build());
            assertThat(page.statusCode()).isEqualTo(200);
            int throttled = 0;
            for (Future<HttpResponse<String>> f : wrong) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).isIn(401, 429);
                if (r.statusCode() == 429) {
                    throttled++;
                    assertThat(r.headers().firstValue("Retry-After")).isPresent();
                }
            }
            assertThat(throttled).isGreaterThanOrEqualTo(64 - LoginThrottle.FREE_ATTEMPTS);
        } finally {
            pool.shutdownNow();
        }
        // Only the free attempts cost a password hash.
        assertThat(users.hashesComputed() - hashes)
                .isLessThanOrEqualTo(LoginThrottle.FREE_ATTEMPTS);
        // The address is throttled now, even with the right password of a user not signed in.
        HttpResponse<String> lee = send(get("/alerts", "lee", PASSWORD).build());
        assertThat(lee.statusCode()).isEqualTo(429);
        assertThat(lee.body()).doesNotContain("Exception");
        assertThat(send(get("/static/console.css", "sam", PASSWORD).build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void idleAndHalfOpenConnectionsDoNotRaiseTheThreadCount() throws Exception {
        assertThat(send(get("/static/console.css", "sam", PASSWORD).build()).statusCode())
                .isEqualTo(200);
        int before = Thread.activeCount();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                Socket s = new Socket("127.0.0.1", console.url().getPort());
                sockets.add(s);
                if (i % 4 == 0) {
                    // A request line and no end of headers: the worker waits for the rest.
                    OutputStream out = s.getOutputStream();
                    out.write(
                            "GET /static/console.css HTTP/1.1\r\nHost: x\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
            Thread.sleep(1000);
            assertThat(consoleThreads()).isLessThanOrEqualTo(ConsoleServer.WORKERS + 2);
            assertThat(Thread.activeCount() - before)
                    .isLessThanOrEqualTo(ConsoleServer.WORKERS + 2 + 8);
            // The stalled requests time out (4 s in this test JVM) and free their workers.
            HttpResponse<String> page = null;
            for (int attempt = 0; attempt < 20 && page == null; attempt++) {
                try {
                    page = send(get("/static/console.css", "sam", PASSWORD).build());
                } catch (IOException dropped) {
                    Thread.sleep(500);
                }
            }
            assertThat(page).isNotNull();
            assertThat(page.statusCode()).isIn(200, 503);
            if (page.statusCode() == 503) {
                Thread.sleep(5000);
                page = send(get("/static/console.css", "sam", PASSWORD).build());
            }
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(consoleThreads()).isLessThanOrEqualTo(ConsoleServer.WORKERS + 2);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void whenEveryWorkerAndTheQueueAreTakenARequestGets503() throws Exception {
        // A console of its own: what other tests left in the shared one's pool must not count.
        List<Socket> sockets = new ArrayList<>();
        try (ConsoleServer console =
                ConsoleServer.builder().opensearch(transport).users(users).port(0).start()) {
            // Stalled requests until every worker and the whole queue hold one: the first that
            // overflows starts a 503 thread (and stalls it too).
            long overflowed = console.overflowed();
            boolean full = false;
            for (int i = 0; i < 400 && !full; i++) {
                Socket s = new Socket("127.0.0.1", console.url().getPort());
                sockets.add(s);
                s.getOutputStream()
                        .write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                if (i >= ConsoleServer.WORKERS + ConsoleServer.QUEUE - 8) {
                    Thread.sleep(30);
                    full = console.overflowed() > overflowed;
                }
            }
            assertThat(full).as("the queue overflowed").isTrue();
            // This one waits in the 503 threads' queue and is refused, never served.
            try (Socket s = new Socket("127.0.0.1", console.url().getPort())) {
                s.setSoTimeout(10_000);
                s.getOutputStream()
                        .write(
                                "GET /static/console.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                String answer =
                        new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(answer)
                        .startsWith("HTTP/1.1 503")
                        .containsIgnoringCase("Retry-After: 1");
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static long consoleThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("console-"))
                .filter(t -> !t.getName().equals("console-alert-feed"))
                .count();
    }

    @Test
    void errorsSayNothingOfTheExceptionButGiveAReferenceToTheLog() throws Exception {
        HttpResponse<String> r = send(get("/calls", "sam", PASSWORD).build());
        assertThat(r.statusCode()).isIn(500, 502);
        assertThat(r.body())
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("refused")
                .doesNotContain("127.0.0.1:");
        Matcher ref = Pattern.compile("\\b([0-9a-f]{12})\\b").matcher(r.body());
        assertThat(ref.find()).as(r.body()).isTrue();
        synchronized (LOGGED) {
            assertThat(LOGGED)
                    .anySatisfy(
                            l -> {
                                assertThat(l.getMessage()).contains(ref.group(1));
                                assertThat(l.getThrown()).isNotNull();
                            });
        }
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aFailedRequestIs500WithAReferenceAndNoExceptionText() throws Exception {
        com.sun.net.httpserver.HttpServer http =
                com.sun.net.httpserver.HttpServer.create(
                        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext(
                "/",
                ex -> {
                    try (ex) {
                        ConsoleServer.internalError(
                                ex, new IllegalStateException("utterance 7: my card is 4111 1111"));
                    }
                });
        http.start();
        try {
            HttpResponse<String> r =
                    send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + http.getAddress().getPort()
                                                            + "/calls/c-1"))
                                    .build());
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body())
                    .doesNotContain("4111")
                    .doesNotContain("IllegalState")
                    .doesNotContain("utterance");
            Matcher ref = Pattern.compile("reference ([0-9a-f]{12})").matcher(r.body());
            assertThat(ref.find()).as(r.body()).isTrue();
            synchronized (LOGGED) {
                assertThat(LOGGED)
                        .anySatisfy(
                                l -> {
                                    assertThat(l.getMessage()).contains(ref.group(1));
                                    assertThat(l.getThrown()).hasMessageContaining("4111");
                                });
            }
        } finally {
            http.stop(0);
        }
    }

    @Test
    void dataAnswersAreNeverCached() throws Exception {
        for (String path : List.of("/alerts", "/api/alerts", "/calls.csv", "/aggregates")) {
            HttpResponse<String> r;
            try {
                r = send(get(path, "sam", PASSWORD).build());
            } catch (IOException cutOff) {
                // The CSV's headers go out before the search that fails; a cut-off body is
                // expected here, and the headers are checked with HEAD below.
                r =
                        send(
                                get(path, "sam", PASSWORD)
                                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                        .build());
            }
            assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        assertThat(
                        send(get("/static/console.css", "sam", PASSWORD).build())
                                .headers()
                                .firstValue("Cache-Control"))
                .hasValue("max-age=300");
    }

    @Test
    void theCsrfTokenCountsOnlyFromTheHeaderOrTheFormBody() throws Exception {
        HttpResponse<String> alerts = send(get("/alerts", "sam", PASSWORD).build());
        assertThat(alerts.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("data-csrf=\"([^\"]+)\"").matcher(alerts.body());
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        HttpResponse<String> query =
                send(
                        get("/alerts/ack?csrf=" + token, "sam", PASSWORD)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("id=a-1"))
                                .build());
        assertThat(query.statusCode()).isEqualTo(403);
        HttpResponse<String> form =
                send(
                        get("/alerts/ack", "sam", PASSWORD)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("id=a-1&csrf=" + token))
                                .build());
        assertThat(form.statusCode()).isNotEqualTo(403);
        HttpResponse<String> header =
                send(
                        get("/alerts/ack", "sam", PASSWORD)
                                .header("X-CSRF-Token", token)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("id=a-1"))
                                .build());
        assertThat(header.statusCode()).isNotEqualTo(403);
    }
}
