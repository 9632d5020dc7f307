package io.callqa.rules.transcript;

import java.util.Locale;
import java.util.Optional;

/** Who spoke an utterance. On stereo recordings the agent is the left channel by default. */
public enum Speaker {
    AGENT,
    CUSTOMER;

    /** The name used in transcripts and documents: {@code agent} or {@code customer}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code agent} / {@code customer}, ignoring case; empty for anything else. */
    public static Optional<Speaker> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Speaker s : values()) {
            if (s.id().equalsIgnoreCase(id.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
