package io.callqa.servers;

/**
 * A local server could not be started: the distribution is missing, a helper command failed, or the
 * server did not become ready in time. The message says what went wrong, names the server's log
 * file and quotes its last lines.
 */
public class ServerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do about it
     */
    public ServerStartException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed and what to do about it
     * @param cause the underlying failure
     */
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
