package io.callqa.pipeline.sink.opensearch;

import java.io.Serializable;

/**
 * Maps one stream element to the document the OpenSearch sink writes for it: index, deterministic
 * id and JSON source, built with {@link DocumentRequest#index(String, String, byte[])}.
 *
 * <p>The id must be derived from the element itself (for example a call id and segment number),
 * never from a counter or a random value, so that replaying the element after a failure overwrites
 * the document instead of adding a second copy.
 *
 * <p>Implementations are shipped to the task managers with the job, so they must be serializable;
 * lambdas assigned to this type are.
 *
 * @param <T> the stream element type
 */
@FunctionalInterface
public interface DocumentConverter<T> extends Serializable {

    /** Returns the document to write for {@code element}; never {@code null}. */
    DocumentRequest toDocument(T element);
}
