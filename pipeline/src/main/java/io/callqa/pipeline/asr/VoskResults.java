package io.callqa.pipeline.asr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the JSON that a Vosk recognizer returns with word timings on: {@code {"result":
 * [{"conf":..,"start":..,"end":..,"word":..}], "text": ".."}}. An empty result (silence, noise) is
 * no utterance.
 */
final class VoskResults {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VoskResults() {}

    /**
     * The utterance in {@code json}, with word times shifted by {@code offsetS} (the position of
     * the recognizer's first sample in the recording).
     */
    static Optional<RecognizedUtterance> parse(String json, double offsetS) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Vosk returned a result that is not JSON: " + json, e);
        }
        List<RecognizedWord> words = new ArrayList<>();
        for (JsonNode w : root.path("result")) {
            String word = w.path("word").asText("");
            if (!word.isEmpty()) {
                words.add(
                        new RecognizedWord(
                                word,
                                offsetS + w.path("start").asDouble(),
                                offsetS + w.path("end").asDouble(),
                                w.path("conf").asDouble(1.0)));
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String text = root.path("text").asText("");
        if (text.isBlank()) {
            text = String.join(" ", words.stream().map(RecognizedWord::word).toList());
        }
        return Optional.of(new RecognizedUtterance(text, words));
    }
}
