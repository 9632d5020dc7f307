package io.callqa.pipeline.live;

/**
 * One recognized word of a live utterance with the recognizer's confidence in it. Flink POJO, kept
 * in the call's keyed state with its utterance.
 */
public class HeardWord {
    /** The word as recognized. */
    public String w;

    /** Seconds from the start of the call. */
    public double start;

    /** Seconds from the start of the call. */
    public double end;

    /** The recognizer's confidence in the word, 0 to 1. */
    public double conf;

    /** For Flink's POJO serializer. */
    public HeardWord() {}

    /** A word with every field set. */
    public HeardWord(String w, double start, double end, double conf) {
        this.w = w;
        this.start = start;
        this.end = end;
        this.conf = conf;
    }
}
