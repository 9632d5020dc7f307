package io.callqa.pipeline.sink.opensearch;

import io.callqa.pipeline.sink.opensearch.OpenSearchConnectionConfig.ErrorStatusException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * Decides what happens to each document of a bulk request once OpenSearch has answered, and to the
 * whole request when it has not.
 *
 * <ul>
 *   <li>2xx: written.
 *   <li>429 and 5xx: retried, the cluster is overloaded or a shard is briefly unavailable.
 *   <li>401 and 403: fatal, the sink's credentials or permissions are wrong and retrying cannot fix
 *       that.
 *   <li>anything else, version conflicts (409) included: the document itself is at fault, so it
 *       goes to the dead-letter index instead of being retried forever.
 * </ul>
 *
 * <p>Kept free of I/O so it can be tested with response objects built in memory.
 */
final class BulkResultClassifier {

    private BulkResultClassifier() {}

    /** What to do with the documents of one answered bulk request. */
    static final class ItemOutcome {
        private final int written;
        private final List<DocumentRequest> retry;
        private final List<DeadLetter> deadLetters;
        private final String fatal;

        private ItemOutcome(
                int written,
                List<DocumentRequest> retry,
                List<DeadLetter> deadLetters,
                String fatal) {
            this.written = written;
            this.retry = Collections.unmodifiableList(retry);
            this.deadLetters = Collections.unmodifiableList(deadLetters);
            this.fatal = fatal;
        }

        int written() {
            return written;
        }

        List<DocumentRequest> retry() {
            return retry;
        }

        List<DeadLetter> deadLetters() {
            return deadLetters;
        }

        /** A message for the job failure, or {@code null} if nothing fatal happened. */
        String fatal() {
            return fatal;
        }
    }

    /** What to do with a whole request that got no usable bulk response. */
    static final class RequestFailure {
        private final boolean retryable;
        private final String message;

        private RequestFailure(boolean retryable, String message) {
            this.retryable = retryable;
            this.message = message;
        }

        boolean retryable() {
            return retryable;
        }

        String message() {
            return message;
        }
    }

    /**
     * Classifies the items of {@code response}, which answers a bulk request made of {@code sent}
     * in that order.
     */
    static ItemOutcome classifyItems(List<DocumentRequest> sent, BulkResponse response) {
        List<BulkResponseItem> items = response.items();
        if (items.size() != sent.size()) {
            return new ItemOutcome(
                    0,
                    List.of(),
                    List.of(),
                    "OpenSearch sink: the bulk response has "
                            + items.size()
                            + " items for "
                            + sent.size()
                            + " documents sent; cannot tell which were written");
        }
        int written = 0;
        List<DocumentRequest> retry = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        String fatal = null;
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            DocumentRequest request = sent.get(i);
            int status = item.status();
            if (item.error() == null && status >= 200 && status < 300) {
                written++;
            } else if (isRetryable(status)) {
                retry.add(request);
            } else if (status == 401 || status == 403) {
                if (fatal == null) {
                    fatal =
                            "OpenSearch sink: OpenSearch refused document '"
                                    + request.id()
                                    + "' in index '"
                                    + request.index()
                                    + "' with "
                                    + status
                                    + " ("
                                    + describe(item.error())
                                    + "); check that the sink's user may write to that index";
                }
            } else {
                deadLetters.add(new DeadLetter(request, status, describe(item.error())));
            }
        }
        return new ItemOutcome(written, retry, deadLetters, fatal);
    }

    /** Whether an item or request status means "try again later". */
    static boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }

    /**
     * Classifies a bulk request that failed as a whole, {@code error} being what the client's
     * future completed with.
     */
    static RequestFailure classifyRequestFailure(Throwable error) {
        Throwable cause = unwrap(error);
        int status = statusOf(cause);
        String detail = detailOf(cause);
        if (status == 401) {
            return fatal(
                    "OpenSearch sink: OpenSearch answered 401 Unauthorized ("
                            + detail
                            + "); check the user and password given to setBasicAuth"
                            + " (opensearch.username / opensearch.password)");
        }
        if (status == 403) {
            return fatal(
                    "OpenSearch sink: OpenSearch answered 403 Forbidden ("
                            + detail
                            + "); the sink's user needs permission to write with the bulk API");
        }
        if (status == 413) {
            return fatal(
                    "OpenSearch sink: OpenSearch refused a bulk request as too large (413); lower"
                            + " maxBatchSizeInBytes (opensearch.bulk.max-bytes) below the"
                            + " cluster's http.max_content_length");
        }
        if (status > 0) {
            return isRetryable(status)
                    ? retry("OpenSearch answered " + status + " (" + detail + ")")
                    : fatal(
                            "OpenSearch sink: OpenSearch refused the bulk request with "
                                    + status
                                    + " ("
                                    + detail
                                    + ")");
        }
        if (find(cause, SSLException.class) != null) {
            return fatal(
                    "OpenSearch sink: TLS connection to OpenSearch failed ("
                            + detail
                            + "); give the cluster's CA with setTrustStore"
                            + " (opensearch.tls.truststore) or, for a dev cluster with a"
                            + " self-signed certificate only, setAllowInsecureTls(true); an http://"
                            + " host must not point at an https port either");
        }
        if (cause instanceof IOException
                || cause instanceof TimeoutException
                || cause instanceof CancellationException) {
            // Refused or reset connections and timeouts: the cluster may be restarting.
            return retry(detail);
        }
        return fatal("OpenSearch sink: bulk request failed unexpectedly (" + detail + ")");
    }

    /** {@code type: reason}, plus the cause's, of an OpenSearch error. */
    static String describe(ErrorCause error) {
        if (error == null) {
            return "no error details";
        }
        StringBuilder text = new StringBuilder();
        text.append(error.type());
        if (error.reason() != null) {
            text.append(": ").append(error.reason());
        }
        ErrorCause causedBy = error.causedBy();
        if (causedBy != null) {
            text.append(" (caused by ").append(causedBy.type());
            if (causedBy.reason() != null) {
                text.append(": ").append(causedBy.reason());
            }
            text.append(')');
        }
        return text.toString();
    }

    private static RequestFailure fatal(String message) {
        return new RequestFailure(false, message);
    }

    private static RequestFailure retry(String message) {
        return new RequestFailure(true, message);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static int statusOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OpenSearchException) {
                return ((OpenSearchException) t).status();
            }
            if (t instanceof ResponseException) {
                return ((ResponseException) t).status();
            }
            if (t instanceof ErrorStatusException) {
                return ((ErrorStatusException) t).status();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return -1;
    }

    private static String detailOf(Throwable error) {
        OpenSearchException server = find(error, OpenSearchException.class);
        if (server != null) {
            return describe(server.error());
        }
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 500; t = t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().replace('\n', ' '));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }

    private static <E extends Throwable> E find(Throwable error, Class<E> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
