package io.callqa.rules.pack;

import java.util.Locale;

/**
 * What a rule protects: compliance rules decide pass/fail of the call, quality rules make up the QA
 * score.
 */
public enum RuleKind {
    COMPLIANCE,
    QUALITY;

    /** The name used in packs and results. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
