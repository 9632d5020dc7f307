package io.callqa.rules.pack;

/** Conversation-dynamics figures a threshold rule can bound. */
public enum Metric {
    /** Longest stretch where both parties are silent, in seconds. */
    DEAD_AIR("dead-air", true),
    /** Longest hold, in seconds (needs hold signals from audio analysis). */
    HOLD("hold", true),
    /** Share of speech time where both parties talk at once, 0..1. */
    OVERTALK_RATIO("overtalk-ratio", false),
    /** Agent share of all speech time, 0..1. */
    AGENT_TALK_RATIO("agent-talk-ratio", false);

    private final String id;
    private final boolean duration;

    Metric(String id, boolean duration) {
        this.id = id;
        this.duration = duration;
    }

    /** The name used in packs. */
    public String id() {
        return id;
    }

    /** True when the bound is a duration (seconds), false for a ratio. */
    public boolean isDuration() {
        return duration;
    }
}
