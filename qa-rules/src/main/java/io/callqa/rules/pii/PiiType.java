package io.callqa.rules.pii;

import java.util.Locale;
import java.util.Optional;

/** Kinds of sensitive data the redactor finds, each with the placeholder that replaces it. */
public enum PiiType {
    CARD,
    PHONE,
    EMAIL,
    SSN,
    RRN,
    DOB,
    CVV,
    EXPIRY,
    IBAN,
    ACCOUNT,
    ROUTING,
    NAME;

    /** The name used in packs and results, e.g. {@code card}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The placeholder written in place of the data, e.g. {@code [CARD]}. */
    public String placeholder() {
        return "[" + name() + "]";
    }

    /** Parses an id such as {@code card}, ignoring case. */
    public static Optional<PiiType> fromId(String id) {
        for (PiiType t : values()) {
            if (t.id().equalsIgnoreCase(id.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
