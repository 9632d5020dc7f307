package io.callqa.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * callqa's OpenSearch Dashboards saved objects (index patterns, visualizations, saved searches and
 * the "QA overview" and "Compliance" dashboards) and their import through the Dashboards
 * saved-objects API.
 *
 * <p>The objects live in {@code dashboards/saved-objects/callqa.ndjson}, one JSON object per line
 * in the export format of OpenSearch Dashboards 2.x, and are copied into the jar so that the
 * command line can import them from anywhere.
 */
public final class SavedObjects {

    /** The ndjson in the jar, relative to this class. */
    public static final String RESOURCE = "saved-objects/callqa.ndjson";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SavedObjects() {}

    /** The saved objects as ndjson text, exactly as shipped. */
    public static String ndjson() {
        try (InputStream in = SavedObjects.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing from the callqa-dashboards jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The saved objects, one per non-blank ndjson line, in file order. */
    public static List<JsonNode> objects() {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : ndjson().split("\n")) {
            if (!line.isBlank()) {
                try {
                    objects.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return objects;
    }

    /**
     * What importing one object did.
     *
     * @param type the saved-object type ({@code visualization}, {@code dashboard}, ...)
     * @param id the object id
     * @param title the object's title
     * @param error why Dashboards did not import it, if it did not
     */
    public record Outcome(String type, String id, String title, Optional<String> error) {
        /** One line: {@code imported dashboard callqa-compliance (Compliance)}, or why not. */
        public String line() {
            return (error.isPresent() ? "not imported " : "imported ")
                    + type
                    + " "
                    + id
                    + " ("
                    + title
                    + ")"
                    + error.map(e -> ": " + e).orElse("");
        }
    }

    /** Dashboards answered the import with something other than an import result. */
    public static final class ImportRefusedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        ImportRefusedException(URI url, int status, String body) {
            super(
                    "OpenSearch Dashboards at "
                            + url
                            + " refused the saved-objects import (HTTP "
                            + status
                            + "): "
                            + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
            this.status = status;
        }

        /** The HTTP status Dashboards answered with. */
        public int status() {
            return status;
        }
    }

    /**
     * Imports every object into the OpenSearch Dashboards at {@code dashboards} (its base URL,
     * including any {@code server.basePath}), overwriting objects with the same ids.
     *
     * @return one outcome per object, in file order
     * @throws ImportRefusedException if Dashboards answers with an error status
     * @throws IOException if Dashboards cannot be reached
     */
    public static List<Outcome> importInto(URI dashboards, Duration timeout)
            throws IOException, InterruptedException {
        return importInto(dashboards, timeout, null, null);
    }

    /**
     * As {@link #importInto(URI, Duration)}, logging in with basic auth as {@code user} (null for
     * none), as a Dashboards with the security plugin requires.
     */
    public static List<Outcome> importInto(
            URI dashboards, Duration timeout, String user, String password)
            throws IOException, InterruptedException {
        String base = dashboards.toString().replaceAll("/+$", "");
        URI url = URI.create(base + "/api/saved_objects/_import?overwrite=true");
        String boundary = "callqa-" + UUID.randomUUID();
        HttpRequest.Builder builder = HttpRequest.newBuilder(url);
        if (user != null) {
            String token = user + ":" + (password == null ? "" : password);
            builder.header(
                    "Authorization",
                    "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        HttpRequest request =
                builder.timeout(timeout)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        // Dashboards refuses state-changing API calls without this header (XSRF).
                        .header("osd-xsrf", "true")
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArray(
                                        multipart(boundary, "callqa.ndjson", ndjson())))
                        .build();
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpResponse<String> response =
                http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new ImportRefusedException(
                    dashboards, response.statusCode(), response.body().replaceAll("\\s+", " "));
        }
        return outcomes(objects(), MAPPER.readTree(response.body()));
    }

    /** A multipart/form-data body with one file field named {@code file}, as the API expects. */
    static byte[] multipart(String boundary, String filename, String content) {
        String body =
                "--"
                        + boundary
                        + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\""
                        + filename
                        + "\"\r\n"
                        + "Content-Type: application/ndjson\r\n"
                        + "\r\n"
                        + content
                        + "\r\n--"
                        + boundary
                        + "--\r\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Matches an import response ({@code success}, {@code successResults}, {@code errors}) to the
     * objects sent. An object the response lists under {@code errors} failed with that error; every
     * other object was imported when the response says {@code success} or lists it under {@code
     * successResults}.
     */
    static List<Outcome> outcomes(List<JsonNode> sent, JsonNode response) {
        Map<String, String> errors = new HashMap<>();
        for (JsonNode e : response.path("errors")) {
            errors.put(key(e), describe(e.path("error")));
        }
        Map<String, Boolean> succeeded = new HashMap<>();
        for (JsonNode s : response.path("successResults")) {
            succeeded.put(key(s), true);
        }
        boolean allFine = response.path("success").asBoolean(false);
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode o : sent) {
            String key = key(o);
            Optional<String> error = Optional.ofNullable(errors.get(key));
            if (error.isEmpty() && !allFine && !succeeded.containsKey(key)) {
                error = Optional.of("not reported as imported");
            }
            outcomes.add(
                    new Outcome(
                            o.path("type").asText(),
                            o.path("id").asText(),
                            o.path("attributes").path("title").asText(),
                            error));
        }
        return outcomes;
    }

    private static String key(JsonNode o) {
        return o.path("type").asText() + "/" + o.path("id").asText();
    }

    /** An import error in words: its type, what it says, and any missing references. */
    private static String describe(JsonNode error) {
        StringBuilder s = new StringBuilder(error.path("type").asText("unknown error"));
        if (error.hasNonNull("message")) {
            s.append(": ").append(error.path("message").asText());
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode r : error.path("references")) {
            missing.add(r.path("type").asText() + " " + r.path("id").asText());
        }
        if (!missing.isEmpty()) {
            s.append(" (missing ").append(String.join(", ", missing)).append(")");
        }
        return s.toString();
    }
}
