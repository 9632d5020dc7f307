package io.callqa.rules.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONL layout shared by the training corpora (the call classifier's and the dialogue acts'):
 * one JSON object a line, blank lines skipped, and any other bad line failing the whole read with
 * the file and line named, because silently dropping training data skews a model.
 */
public final class TrainingLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingLines() {}

    /** Turns one line's object into an example. */
    @FunctionalInterface
    public interface Parser<T> {
        /** The example of {@code line}, or the reason it cannot be used. */
        T parse(Line line) throws TrainingDataException;
    }

    /** Reads a whole resource or file's worth of lines. */
    @FunctionalInterface
    public interface Read<T> {
        /** The corpus in {@code in}, named {@code source} in error messages. */
        T read(Reader in, String source) throws IOException, TrainingDataException;
    }

    /**
     * One line of a corpus: its object, where it is, and its fields.
     *
     * @param node the line's JSON object
     * @param source the file or resource name used in error messages
     * @param number the 1-based line number
     */
    public record Line(JsonNode node, String source, long number) {

        /** The problem {@code message} on this line. */
        public TrainingDataException problem(String message) {
            return new TrainingDataException(source, number, message);
        }

        /** The string field {@code name}, which must be present. */
        public String text(String name) throws TrainingDataException {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw problem("missing \"" + name + "\"");
            }
            if (!v.isTextual()) {
                throw problem("\"" + name + "\" must be a string");
            }
            return v.asText();
        }
    }

    /**
     * What a read gave.
     *
     * @param examples the example of every non-blank line, in order
     * @param lines how many lines the source had, for messages about the whole file
     */
    public record Parsed<T>(List<T> examples, long lines) {}

    /** The examples of every non-blank line of {@code in}, in order. */
    public static <T> Parsed<T> read(Reader in, String source, Parser<T> parser)
            throws IOException, TrainingDataException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<T> out = new ArrayList<>();
        long lineNo = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new TrainingDataException(
                        source, lineNo, "not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw new TrainingDataException(source, lineNo, "expected a JSON object");
            }
            out.add(parser.parse(new Line(node, source, lineNo)));
        }
        return new Parsed<>(out, lineNo);
    }

    /**
     * A corpus bundled on the class path. A missing or bad bundled corpus is a broken build, not
     * bad input, so it is thrown unchecked.
     */
    public static <T> T resource(Class<?> owner, String resource, Read<T> read) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return read.read(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TrainingDataException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
