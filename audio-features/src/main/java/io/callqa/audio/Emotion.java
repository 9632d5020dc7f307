package io.callqa.audio;

/** Emotion labels callqa gives an utterance from its voice. */
public enum Emotion {
    /** Ordinary arousal. */
    NEUTRAL,
    /** Raised arousal: anger, stress, excitement (the voice cannot tell which). */
    AGITATED,
    /** Lowered arousal: tired, flat, subdued. */
    LOW;

    /** The lower-case name used in JSON. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
