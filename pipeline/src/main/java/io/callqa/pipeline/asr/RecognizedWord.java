package io.callqa.pipeline.asr;

/**
 * One word as Vosk recognized it.
 *
 * @param word the word
 * @param start seconds from the start of the recording
 * @param end seconds from the start of the recording
 * @param confidence Vosk's confidence, 0 to 1
 */
public record RecognizedWord(String word, double start, double end, double confidence) {}
