package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
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

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final List<Path> allowed;

    AudioFiles(List<Path> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The recording of {@code call}, if it may be played. */
    Optional<Path> playable(JsonNode call) {
        String uri = call.at("/source/uri").asText("");
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

    void serve(HttpExchange ex, JsonNode call) throws IOException {
        Optional<Path> file = playable(call);
        if (file.isEmpty()) {
            ConsoleServer.send(
                    ex, 404, "text/plain", "this call's recording is not available here");
            return;
        }
        long size = Files.size(file.get());
        long start = 0;
        long end = size - 1;
        int status = 200;
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {
                    start = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    start = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) {
                        end = Math.min(end, Long.parseLong(m.group(2)));
                    }
                }
                if (start > end || start >= size) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                ex.getResponseHeaders()
                        .set("Content-Range", "bytes " + start + "-" + end + "/" + size);
            }
        }
        long length = end - start + 1;
        ex.getResponseHeaders().set("Content-Type", "audio/wav");
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        ex.getResponseHeaders().set("Cache-Control", "private, max-age=300");
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
