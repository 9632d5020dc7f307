package io.callqa.pipeline.sink.opensearch;

/**
 * A failure of the OpenSearch sink that retrying cannot fix, such as rejected credentials or a
 * document that could be written neither to its index nor to the dead-letter index. It fails the
 * job; its message says what went wrong and, where it can, what to change.
 */
public class OpenSearchSinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OpenSearchSinkException(String message) {
        super(message);
    }

    public OpenSearchSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
