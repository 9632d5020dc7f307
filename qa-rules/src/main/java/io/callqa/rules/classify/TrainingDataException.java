package io.callqa.rules.classify;

/** A training-data line that cannot be used; the message names the file, the line and why. */
public final class TrainingDataException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param source the file name as the user gave it
     * @param line 1-based line number
     * @param problem what is wrong with the line
     */
    public TrainingDataException(String source, long line, String problem) {
        super(source + ":" + line + ": " + problem);
    }
}
