package io.callqa.pipeline.live;

import io.callqa.audio.EmotionEstimate;
import io.callqa.audio.Prosody;

/** A finalized utterance of a live call with what its audio showed. Flink POJO for keyed state. */
public class HeardUtterance {
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

    /** Its measures, or null when no audio covered it. */
    public Prosody prosody;

    /** Its arousal, or null when no audio covered it. */
    public EmotionEstimate emotion;

    /** For Flink's POJO serializer. */
    public HeardUtterance() {}

    HeardUtterance(LiveUtterance u, Prosody prosody, EmotionEstimate emotion) {
        this.speaker = u.speaker;
        this.start = u.start;
        this.end = u.end;
        this.text = u.text;
        this.confidence = u.confidence;
        this.words = u.words;
        this.prosody = prosody;
        this.emotion = emotion;
    }
}
