package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * Pushes the documents newly written to an index pattern ({@code callqa-alerts*}, {@code
 * callqa-assist*}) to the open {@link EventStream}s as server-sent events. One thread polls for
 * documents written since the last poll, whatever their {@code @timestamp} (a replayed or late
 * alert is still news to the floor): each index's sequence numbers only grow, so the feed keeps the
 * highest it has seen per index and asks for more. An acknowledgement rewrites an alert, so it
 * reaches every open panel the same way.
 *
 * <p>This relies on one shard per index, as the {@code callqa-alerts} and {@code callqa-assist}
 * templates set: with more, sequence numbers are per shard.
 */
final class IndexFeed implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IndexFeed.class.getName());
    private static final int BATCH = 200;

    private final Index index;
    private final String pattern;
    private final String event;
    private final BiFunction<String, JsonNode, ObjectNode> view;
    private final Duration interval;
    private final Map<String, Long> seen = new HashMap<>();
    private final List<EventStream> streams = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean closed;
    private boolean ready;

    /**
     * A feed polling {@code pattern} every {@code interval}, sending each new document as an event
     * named {@code event} whose data is {@code view(id, source)}.
     */
    IndexFeed(
            Index index,
            String pattern,
            String event,
            BiFunction<String, JsonNode, ObjectNode> view,
            Duration interval) {
        this.index = index;
        this.pattern = pattern;
        this.event = event;
        this.view = view;
        this.interval = interval;
        this.poller = new Thread(this::run, "console-feed-" + event);
        poller.setDaemon(true);
    }

    void start() {
        poller.start();
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        for (EventStream s : streams) {
            s.end();
        }
    }

    void subscribe(EventStream s) {
        streams.add(s);
        if (closed) {
            s.end();
        }
    }

    void unsubscribe(EventStream s) {
        streams.remove(s);
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
                LOG.log(System.Logger.Level.WARNING, event + " feed: " + e.getMessage());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts from what is indexed now: the pages load those themselves. */
    private void remember() throws IOException {
        ObjectNode body = Index.JSON.createObjectNode();
        body.put("size", 0);
        ObjectNode terms = body.putObject("aggs").putObject("index");
        terms.putObject("terms").put("field", "_index").put("size", 1000);
        terms.putObject("aggs").putObject("max").putObject("max").put("field", "_seq_no");
        JsonNode r = index.search(pattern, body);
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
            JsonNode hits = index.search(pattern, body).at("/hits/hits");
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
        String data = Index.JSON.writeValueAsString(view.apply(id, source));
        String e = "event: " + event + "\ndata: " + data + "\n\n";
        for (EventStream s : streams) {
            if (s.wants(source) && !s.offer(e)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        event + " feed: a page is not reading; dropped an event for it");
            }
        }
    }
}
