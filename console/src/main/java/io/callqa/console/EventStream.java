package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One browser's server-sent event stream: the events of the {@link IndexFeed}s it follows whose
 * documents it {@linkplain #wants wants} (the alerts panel every alert, an agent view only its
 * call's), queued until the worker serving the stream writes them out.
 */
final class EventStream {

    private static final String END = "";

    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(10_000);
    private final Predicate<JsonNode> filter;

    /** A stream of the documents that {@code filter} accepts (by their source). */
    EventStream(Predicate<JsonNode> filter) {
        this.filter = filter;
    }

    /** Whether this stream shows the document {@code source}. */
    boolean wants(JsonNode source) {
        return filter.test(source);
    }

    /**
     * Queues an event.
     *
     * @return false if the queue is full (the browser is not reading)
     */
    boolean offer(String event) {
        return queue.offer(event);
    }

    /** Ends the stream: the console is stopping. */
    void end() {
        queue.offer(END);
    }

    /**
     * Serves the stream on {@code ex} until the browser leaves or {@link #end} is called: every
     * feed in {@code feeds} sends to it meanwhile.
     */
    void serve(HttpExchange ex, IndexFeed... feeds) throws IOException {
        for (IndexFeed f : feeds) {
            f.subscribe(this);
        }
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            write(out, "retry: 1000\n: connected\n\n");
            while (true) {
                String event = queue.poll(15, TimeUnit.SECONDS);
                if (event != null && event.isEmpty()) {
                    break;
                }
                // A comment line every 15 s finds browsers that left without closing.
                write(out, event != null ? event : ": keep-alive\n\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (IndexFeed f : feeds) {
                f.unsubscribe(this);
            }
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
