package io.callqa.cli;

import java.time.Duration;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses durations the way Flink configuration does ({@code 10s}, {@code 1 min}, {@code 500ms}).
 */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            Duration d =
                    value.startsWith("P") ? Duration.parse(value) : TimeUtils.parseDuration(value);
            if (d.isNegative() || d.isZero()) {
                throw new TypeConversionException(
                        "expected a positive duration, got '" + value + "'");
            }
            return d;
        } catch (RuntimeException e) {
            if (e instanceof TypeConversionException t) {
                throw t;
            }
            throw new TypeConversionException(
                    "expected a duration like 10s, 2min or 500ms, got '" + value + "'");
        }
    }
}
