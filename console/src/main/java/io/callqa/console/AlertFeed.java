package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.callqa.analysis.document.IndexNames;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Pushes alerts to open alert panels as server-sent events. One thread polls {@code callqa-alerts*}
 * for documents written since the last poll, whatever their {@code @timestamp} (a replayed or late
 * alert is still news to the floor): each index's sequence numbers only grow, so the feed keeps the
 * highest it has seen per index and asks for more. An acknowledgement rewrites the alert, so it
 * reaches every open panel the same way.
 *
 * <p>This relies on one shard per alerts index, as the {@code callqa-alerts} template sets: with
 * more, sequence numbers are per shard.
 */
final class AlertFeed implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AlertFeed.class.getName());
    private static final int BATCH = 200;
    private static final String END = "";

    private final Index index;
    private final Duration interval;
    private final int maxStreams;
    private final Map<String, Long> seen = new HashMap<>();
    private final List<BlockingQueue<String>> streams = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean closed;
    private boolean ready;

    /** A feed polling {@code index}; at most {@code maxStreams} panels stream at once. */
    AlertFeed(Index index, Duration interval, int maxStreams) {
        this.index = index;
        this.interval = interval;
        this.maxStreams = maxStreams;
        this.poller = new Thread(this::run, "console-alert-feed");
        poller.setDaemon(true);
    }

    void start() {
        poller.start();
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        for (BlockingQueue<String> q : streams) {
            q.offer(END);
        }
    }

    /** Serves one event stream until the browser leaves or the console stops. */
    void stream(HttpExchange ex) throws IOException {
        if (streams.size() >= maxStreams) {
            ConsoleServer.send(ex, 503, "text/plain", "too many open alert panels");
            return;
        }
        BlockingQueue<String> q = new LinkedBlockingQueue<>(10_000);
        streams.add(q);
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            write(out, "retry: 1000\n: connected\n\n");
            while (!closed) {
                String event = q.poll(15, TimeUnit.SECONDS);
                if (event != null && event.isEmpty()) {
                    break;
                }
                // A comment line every 15 s finds browsers that left without closing.
                write(out, event != null ? event : ": keep-alive\n\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.remove(q);
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void run() {
        while (!closed) {
            try {
                if (!ready) {
                    remember();
                    ready = true;
                } else {
                    poll();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "alert feed: " + e.getMessage());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts from what is indexed now: the panels load those themselves. */
    private void remember() throws IOException {
        ObjectNode body = Index.JSON.createObjectNode();
        body.put("size", 0);
        ObjectNode terms = body.putObject("aggs").putObject("index");
        terms.putObject("terms").put("field", "_index").put("size", 1000);
        terms.putObject("aggs").putObject("max").putObject("max").put("field", "_seq_no");
        JsonNode r = index.search(IndexNames.ALERTS_ALL, body);
        for (JsonNode b : r.at("/aggregations/index/buckets")) {
            seen.put(b.path("key").asText(), b.at("/max/value").asLong(-1));
        }
    }

    private void poll() throws IOException {
        while (true) {
            ObjectNode body = Index.JSON.createObjectNode();
            body.put("size", BATCH);
            body.put("seq_no_primary_term", true);
            body.putArray("sort").addObject().put("_seq_no", "asc");
            ObjectNode bool = body.putObject("query").putObject("bool");
            bool.put("minimum_should_match", 1);
            ArrayNode should = bool.putArray("should");
            ObjectNode fresh = should.addObject().putObject("bool");
            ArrayNode known =
                    fresh.putArray("must_not").addObject().putObject("terms").putArray("_index");
            for (Map.Entry<String, Long> e : seen.entrySet()) {
                known.add(e.getKey());
                ArrayNode f = should.addObject().putObject("bool").putArray("filter");
                f.addObject().putObject("term").put("_index", e.getKey());
                f.addObject().putObject("range").putObject("_seq_no").put("gt", e.getValue());
            }
            JsonNode hits = index.search(IndexNames.ALERTS_ALL, body).at("/hits/hits");
            for (JsonNode h : hits) {
                seen.merge(h.path("_index").asText(), h.path("_seq_no").asLong(), Math::max);
                publish(h.path("_id").asText(), h.path("_source"));
            }
            if (hits.size() < BATCH) {
                return;
            }
        }
    }

    private void publish(String id, JsonNode source) throws IOException {
        String data = Index.JSON.writeValueAsString(AlertsPage.view(id, source));
        String event = "event: alert\ndata: " + data + "\n\n";
        for (BlockingQueue<String> q : streams) {
            if (!q.offer(event)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "alert feed: a panel is not reading; dropped an alert for it");
            }
        }
    }
}
