package io.callqa.pipeline.live;

/**
 * An utterance of a live call that a speech recognizer finalized: from Vosk inside the job, or from
 * the {@code callqa.utterances} topic when the caller's platform transcribes calls itself.
 */
public class LiveUtterance {
    /** The call. */
    public String callId;

    /** {@code agent} or {@code customer}. */
    public String speaker;

    /** Seconds from the start of the call. */
    public double start;

    /** Seconds from the start of the call. */
    public double end;

    /** The words. */
    public String text;

    /** The recognizer's mean confidence in the words (0 to 1), or null when not given. */
    public Double confidence;

    /** The recognized words with timings and confidences, or null when not given. */
    public HeardWord[] words;

    /** Where it came from (topic, partition, offset, or the recognizer), for error reports. */
    public String source;

    /**
     * When it was finalized, epoch milliseconds: the record timestamp of a topic utterance, the
     * processing time of a recognized one. Alert latency is measured from here.
     */
    public long finalizedAtMillis;

    /**
     * Processing time at which it started to wait for its audio, epoch milliseconds; 0 while it has
     * not waited.
     */
    public long waitingSinceMillis;

    /** For Flink's POJO serializer. */
    public LiveUtterance() {}

    /** An utterance with every field set. */
    public LiveUtterance(
            String callId,
            String speaker,
            double start,
            double end,
            String text,
            String source,
            long finalizedAtMillis) {
        this.callId = callId;
        this.speaker = speaker;
        this.start = start;
        this.end = end;
        this.text = text;
        this.source = source;
        this.finalizedAtMillis = finalizedAtMillis;
    }

    @Override
    public String toString() {
        return callId + "/" + speaker + " " + start + "-" + end;
    }
}
