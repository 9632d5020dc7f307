package io.callqa.rules.classify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return TrainingLines.resource(TrainingCorpus.class, DEFAULT_RESOURCE, TrainingCorpus::read);
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
        TrainingLines.Parsed<TrainingExample> read =
                TrainingLines.read(in, source, TrainingCorpus::parse);
        if (read.examples().isEmpty()) {
            throw new TrainingDataException(
                    source, read.lines(), "no training examples in the file");
        }
        TrainingCorpus corpus = new TrainingCorpus(read.examples());
        if (corpus.labels().size() < 2) {
            throw new TrainingDataException(
                    source, read.lines(), "need at least two labels, found " + corpus.labels());
        }
        return corpus;
    }

    private static TrainingExample parse(TrainingLines.Line line) throws TrainingDataException {
        String text = line.text("text");
        String label = line.text("label");
        String lang = line.text("lang");
        if (text.isBlank()) {
            throw line.problem("\"text\" is empty");
        }
        if (!LABEL.matcher(label).matches()) {
            throw line.problem(
                    "\"label\" must be lower-case letters, digits, '_' or '-', got \""
                            + label
                            + "\"");
        }
        if (!lang.equals("en") && !lang.equals("ko")) {
            throw line.problem("\"lang\" must be \"en\" or \"ko\", got \"" + lang + "\"");
        }
        return new TrainingExample(text, label, lang);
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
