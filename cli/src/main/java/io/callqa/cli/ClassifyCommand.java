package io.callqa.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.rules.classify.CallClassifier;
import io.callqa.rules.classify.Classification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code callqa classify}: categorises utterances given as JSON lines on stdin, one result line per
 * input line, in order, as each line arrives.
 */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = {
            "Classify utterances as refund, shipping, billing or other.",
            "Reads JSON lines {\"id\":..,\"text\":..} on stdin (UTF-8) and writes one line"
                    + " {\"id\":..,\"category\":..,\"confidence\":..,\"scores\":{..}} per input"
                    + " line. A line that cannot be read gives {\"id\":..,\"error\":..} and"
                    + " classification carries on."
        })
final class ClassifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;

    @Option(
            names = "--lang",
            paramLabel = "en|ko|auto",
            defaultValue = "auto",
            description =
                    "Language of the text; auto detects it per line (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            description = "Model written by train-classifier (default: the built-in model).")
    Path model;

    /** Where the JSON lines come from; tests replace it because picocli has no stdin setting. */
    InputStream in = System.in;

    @Override
    public Integer call() throws IOException {
        if (!lang.equals("en") && !lang.equals("ko") && !lang.equals("auto")) {
            throw new ParameterException(
                    spec.commandLine(), "--lang must be en, ko or auto, got '" + lang + "'");
        }
        CallClassifier classifier = loadModel();
        PrintWriter out = spec.commandLine().getOut();
        // Explicit UTF-8: the platform default may be anything, the contract is UTF-8.
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            out.println(JSON.writeValueAsString(classifyLine(classifier, line)));
            out.flush();
        }
        return 0;
    }

    private CallClassifier loadModel() {
        if (model == null) {
            return CallClassifier.defaultModel();
        }
        if (!Files.isRegularFile(model)) {
            throw CallqaException.badInput(
                    model
                            + ": no such file; pass --model with a file written by callqa"
                            + " train-classifier");
        }
        try {
            return CallClassifier.load(model);
        } catch (IOException e) {
            throw CallqaException.badInput(model + ": " + e.getMessage());
        }
    }

    private ObjectNode classifyLine(CallClassifier classifier, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return error(null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return error(null, "expected a JSON object with \"id\" and \"text\"");
        }
        JsonNode id = node.get("id");
        JsonNode text = node.get("text");
        if (text == null || text.isNull()) {
            return error(id, "missing \"text\"");
        }
        if (!text.isTextual()) {
            return error(id, "\"text\" must be a string");
        }
        Classification c = classifier.classify(text.asText(), lang);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("id", id);
        result.put("category", c.label());
        result.put("confidence", round(c.confidence()));
        ObjectNode scores = result.putObject("scores");
        for (Map.Entry<String, Double> s : c.scores().entrySet()) {
            scores.put(s.getKey(), round(s.getValue()));
        }
        return result;
    }

    private static ObjectNode error(JsonNode id, String message) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("id", id);
        result.put("error", message);
        return result;
    }

    /** Four decimals: more would be noise, and it keeps the lines short. */
    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
