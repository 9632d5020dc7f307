package io.callqa.cli;

/**
 * A failure the command line reports as one clear message and an exit code, without a stack trace:
 * bad input (exit 3) or an unreachable dependency (exit 4).
 */
public final class CallqaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code for input that cannot be used; the message names the input and the problem. */
    public static final int BAD_INPUT = 3;

    /** Exit code for a dependency that cannot be reached; the message says how to start it. */
    public static final int UNREACHABLE = 4;

    private final int exitCode;

    private CallqaException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Input that cannot be used. */
    public static CallqaException badInput(String message) {
        return new CallqaException(BAD_INPUT, message, null);
    }

    /** A dependency that cannot be reached. */
    public static CallqaException unreachable(String message, Throwable cause) {
        return new CallqaException(UNREACHABLE, message, cause);
    }

    /** The process exit code for this failure. */
    public int exitCode() {
        return exitCode;
    }
}
