package io.callqa.rules.abuse;

import java.util.Locale;

/** The kinds of abuse a customer can direct at an agent. */
public enum AbuseKind {
    INSULT,
    PROFANITY,
    THREAT,
    SEXUAL;

    /** The kind's name in documents and lexicons: insult, profanity, threat, sexual. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind named {@code id}.
     *
     * @throws IllegalArgumentException naming the valid kinds if there is none
     */
    public static AbuseKind of(String id) {
        for (AbuseKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "unknown abuse kind \"" + id + "\"; use insult, profanity, threat or sexual");
    }
}
