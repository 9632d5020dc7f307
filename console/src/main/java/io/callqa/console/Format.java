package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How the console writes times, durations and numbers (times in UTC, as the index holds them). */
final class Format {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private Format() {}

    /** An indexed instant as {@code 2026-11-05 16:37}; unparseable text as it is. */
    static String minute(String instant) {
        return time(instant, MINUTE);
    }

    /** An indexed instant as {@code 2026-11-05 16:37:05}. */
    static String second(String instant) {
        return time(instant, SECOND);
    }

    private static String time(String instant, DateTimeFormatter f) {
        if (instant == null || instant.isEmpty()) {
            return "";
        }
        try {
            return f.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    /** Seconds into a call as {@code m:ss}. */
    static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A number with {@code decimals} places, or empty for a missing value. */
    static String number(JsonNode n, int decimals) {
        if (n == null || !n.isNumber()) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", n.asDouble());
    }
}
