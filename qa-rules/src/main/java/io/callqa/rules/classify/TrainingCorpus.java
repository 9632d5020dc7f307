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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Labelled examples read from JSONL, one {@code {"text", "label", "lang"}} object a line, split
 * into training and held-out parts by {@link TrainingExample#heldOut()}.
 *
 * @param examples every example, in file order
 */
public record TrainingCorpus(List<TrainingExample> examples) {

    /** The corpus the shipped default model was trained from. */
    public static final String DEFAULT_RESOURCE = "/io/callqa/rules/classify/training/corpus.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    /** Copies the list so that a corpus is immutable. */
    public TrainingCorpus {
        examples = List.copyOf(examples);
    }

    /** Reads a JSONL file. */
    public static TrainingCorpus read(Path file) throws IOException, TrainingDataException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    /** The corpus shipped with callqa, which the default model was trained from. */
    public static TrainingCorpus shipped() {
        try (InputStream in = TrainingCorpus.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TrainingDataException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Reads JSONL. Blank lines are skipped; any other line that is not an object with a non-empty
     * {@code text}, a lower-case {@code label} and {@code lang} {@code en} or {@code ko} fails the
     * whole read, naming the line, because silently dropping training data skews the model.
     *
     * @param source the name used in error messages
     */
    public static TrainingCorpus read(Reader in, String source)
            throws IOException, TrainingDataException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<TrainingExample> examples = new ArrayList<>();
        long lineNo = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            examples.add(parse(line, source, lineNo));
        }
        if (examples.isEmpty()) {
            throw new TrainingDataException(source, lineNo, "no training examples in the file");
        }
        TrainingCorpus corpus = new TrainingCorpus(examples);
        if (corpus.labels().size() < 2) {
            throw new TrainingDataException(
                    source, lineNo, "need at least two labels, found " + corpus.labels());
        }
        return corpus;
    }

    private static TrainingExample parse(String line, String source, long lineNo)
            throws TrainingDataException {
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
        String text = field(node, "text", source, lineNo);
        String label = field(node, "label", source, lineNo);
        String lang = field(node, "lang", source, lineNo);
        if (text.isBlank()) {
            throw new TrainingDataException(source, lineNo, "\"text\" is empty");
        }
        if (!LABEL.matcher(label).matches()) {
            throw new TrainingDataException(
                    source,
                    lineNo,
                    "\"label\" must be lower-case letters, digits, '_' or '-', got \""
                            + label
                            + "\"");
        }
        if (!lang.equals("en") && !lang.equals("ko")) {
            throw new TrainingDataException(
                    source, lineNo, "\"lang\" must be \"en\" or \"ko\", got \"" + lang + "\"");
        }
        return new TrainingExample(text, label, lang);
    }

    private static String field(JsonNode node, String name, String source, long lineNo)
            throws TrainingDataException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new TrainingDataException(source, lineNo, "missing \"" + name + "\"");
        }
        if (!v.isTextual()) {
            throw new TrainingDataException(source, lineNo, "\"" + name + "\" must be a string");
        }
        return v.asText();
    }

    /** The distinct labels, in order of first appearance. */
    public Set<String> labels() {
        Set<String> labels = new LinkedHashSet<>();
        examples.forEach(e -> labels.add(e.label()));
        return labels;
    }

    /** The examples a model is trained on: everything not held out. */
    public List<TrainingExample> training() {
        return examples.stream().filter(e -> !e.heldOut()).toList();
    }

    /** The examples kept out of training to measure the model. */
    public List<TrainingExample> heldOut() {
        return examples.stream().filter(TrainingExample::heldOut).toList();
    }
}
