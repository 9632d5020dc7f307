package io.callqa.audio;

import java.io.IOException;

/**
 * Audio that cannot be analysed: not a WAV file, a truncated or empty data chunk, an unsupported
 * codec, or header values no real recording has. The message always names the file and the reason,
 * so that an operator can act on it without a stack trace.
 */
public class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String reason;

    /** A problem with {@code file}, described by {@code reason}. */
    public AudioFormatException(String file, String reason) {
        this(file, reason, null);
    }

    /** A problem with {@code file}, described by {@code reason}, caused by {@code cause}. */
    public AudioFormatException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file (or stream name) that could not be used. */
    public String file() {
        return file;
    }

    /** What is wrong with it, without the file name. */
    public String reason() {
        return reason;
    }
}
