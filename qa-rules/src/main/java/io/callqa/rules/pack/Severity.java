package io.callqa.rules.pack;

import java.util.Locale;

/** How serious a failed rule is, for alerts and for ordering the explanation. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The name used in packs and results. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
