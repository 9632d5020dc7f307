package io.callqa.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** The argument checks both server builders share, with the messages that say what to pass. */
final class BuilderChecks {

    private BuilderChecks() {}

    /** A JVM heap in MB between 128 and {@code max}; {@code advice} says what is enough. */
    static int heapMb(int heapMb, int max, String advice) {
        if (heapMb < 128 || heapMb > max) {
            throw new IllegalArgumentException(
                    "heapMb must be between 128 and "
                            + max
                            + " (MB), was "
                            + heapMb
                            + "; "
                            + advice);
        }
        return heapMb;
    }

    /** A positive start-up timeout; {@code example} is a sensible value to suggest. */
    static Duration startupTimeout(Duration timeout, String example) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    "startupTimeout must be a positive duration, was "
                            + timeout
                            + "; e.g. "
                            + example);
        }
        return timeout;
    }

    /** The JDK that runs the server. */
    static Path javaHome(Path javaHome) {
        return Objects.requireNonNull(
                javaHome, "javaHome is null: pass a JDK 17+ directory that holds bin/java");
    }

    /** Where the server's temporary work directory goes. */
    static Path workDirParent(Path parent) {
        return Objects.requireNonNull(
                parent, "workDirParent is null: pass an existing writable directory");
    }
}
