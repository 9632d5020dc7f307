package io.callqa.rules.abuse;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What kind of abuse a customer's utterance carries. */
public enum AbuseKind {
    /** Names or belittles the agent: "you idiot", 병신아. */
    INSULT,
    /** Swearing: "fucking", 씨발, and their masked forms (f***, 씨X). */
    PROFANITY,
    /**
     * A threat of harm to the agent, their family or the premises (not a complaint or a lawsuit).
     */
    THREAT,
    /** Sexual remarks or advances towards the agent. */
    SEXUAL_HARASSMENT;

    /** The id used in lexicons, corpora and documents: {@code sexual-harassment}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The kind of an id.
     *
     * @throws IllegalArgumentException naming the known ids, for any other
     */
    public static AbuseKind fromId(String id) {
        for (AbuseKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "unknown abuse kind \""
                        + id
                        + "\"; known kinds: "
                        + Arrays.stream(values())
                                .map(AbuseKind::id)
                                .collect(Collectors.joining(", ")));
    }
}
