package io.callqa.analysis;

/**
 * Who recognized a call's words ({@code asr} in the call document), for the audit.
 *
 * @param engine {@code vosk} when callqa recognized them, {@code provided} when they came with the
 *     call
 * @param model the recognizer's model, or null
 */
public record Asr(String engine, String model) {

    /** Words that came with the call. */
    public static final Asr PROVIDED = new Asr("provided", null);
}
