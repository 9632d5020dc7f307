package io.callqa.pipeline.asr;

import java.util.List;

/**
 * A stretch of speech that Vosk finalized (end-pointed), with word timings.
 *
 * @param text the words joined as Vosk reports them
 * @param words the words with their timings, in order; never empty
 */
public record RecognizedUtterance(String text, List<RecognizedWord> words) {

    /** Requires at least one word, since start and end come from the words. */
    public RecognizedUtterance {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a recognized utterance has at least one word");
        }
    }

    /** Start of the first word, in seconds. */
    public double start() {
        return words.get(0).start();
    }

    /** End of the last word, in seconds. */
    public double end() {
        return words.get(words.size() - 1).end();
    }

    /** Mean word confidence. */
    public double confidence() {
        return words.stream().mapToDouble(RecognizedWord::confidence).average().orElse(0);
    }
}
