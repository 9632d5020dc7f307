package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.callqa.analysis.document.CallFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays call recordings. A call's {@code source.uri} comes from the index, which anyone who can
 * write to OpenSearch controls, so it is served only if it is a {@code file:} URI of a {@code .wav}
 * regular file that lies, symbolic links resolved, inside one of the directories the console was
 * given. Nothing else is ever read. Byte ranges are supported, so the player can seek.
 */
final class AudioFiles {

    private static final Pattern RANGE = Pattern.compile("(\\d*)-(\\d*)");

    private final List<Path> allowed;

    AudioFiles(List<Path> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The recording of {@code call}, if it may be played. */
    Optional<Path> playable(JsonNode call) {
        String uri = Index.at(call, CallFields.SOURCE_URI).asText("");
        if (!uri.startsWith("file:") || allowed.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(URI.create(uri));
            if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")
                    || !Files.isRegularFile(p)) {
                return Optional.empty();
            }
            Path real = p.toRealPath();
            for (Path dir : allowed) {
                if (real.startsWith(dir)) {
                    return Optional.of(real);
                }
            }
        } catch (IllegalArgumentException
                | IOException
                | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** An answer to a Range header: the status and the bytes {@code [start, end]} to send. */
    record Span(int status, long start, long end) {}

    /**
     * What to send of a file of {@code size} bytes: 200 with all of it, 206 with {@code [start,
     * end]}, or 416 (a range past the end, reversed, too large a number, or several ranges, which
     * this server does not combine). A header in a unit other than bytes is ignored, as RFC 9110
     * allows.
     */
    static Span span(String header, long size) {
        Span whole = new Span(200, 0, size - 1);
        if (header == null || !header.strip().regionMatches(true, 0, "bytes=", 0, 6)) {
            return whole;
        }
        Span unsatisfiable = new Span(416, 0, -1);
        Matcher m = RANGE.matcher(header.strip().substring(6).strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty()) || size == 0) {
            return unsatisfiable;
        }
        if (m.group(1).isEmpty()) {
            // A suffix: the last N bytes, all of them if N is larger than the file.
            long n = digits(m.group(2));
            return n == 0 ? unsatisfiable : new Span(206, Math.max(0, size - n), size - 1);
        }
        long start = digits(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : digits(m.group(2));
        if (start >= size || last < start) {
            return unsatisfiable;
        }
        return new Span(206, start, Math.min(last, size - 1));
    }

    /** Decimal digits as a long; anything beyond Long.MAX_VALUE is Long.MAX_VALUE. */
    private static long digits(String d) {
        try {
            return Long.parseLong(d);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    void serve(HttpExchange ex, JsonNode call) throws IOException {
        Optional<Path> file = playable(call);
        if (file.isEmpty()) {
            ConsoleServer.send(
                    ex, 404, "text/plain", "this call's recording is not available here");
            return;
        }
        long size = Files.size(file.get());
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        Span span = span(ex.getRequestHeaders().getFirst("Range"), size);
        if (span.status() == 416) {
            ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
            ex.sendResponseHeaders(416, -1);
            return;
        }
        long start = span.start();
        long end = span.end();
        int status = span.status();
        if (status == 206) {
            ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        long length = end - start + 1;
        ex.getResponseHeaders().set("Content-Type", "audio/wav");
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, length);
        try (InputStream in = Files.newInputStream(file.get());
                OutputStream out = ex.getResponseBody()) {
            in.skipNBytes(start);
            byte[] buf = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }
}
