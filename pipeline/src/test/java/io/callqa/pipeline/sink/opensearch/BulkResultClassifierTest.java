package io.callqa.pipeline.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.pipeline.sink.opensearch.BulkResultClassifier.ItemOutcome;
import io.callqa.pipeline.sink.opensearch.BulkResultClassifier.RequestFailure;
import io.callqa.pipeline.sink.opensearch.OpenSearchConnectionConfig.ErrorStatusException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.ErrorResponse;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.bulk.OperationType;
import org.opensearch.client.transport.TransportException;

class BulkResultClassifierTest {

    private static DocumentRequest doc(String id) {
        return DocumentRequest.index("calls", id, "{\"id\":\"" + id + "\"}");
    }

    private static BulkResponseItem ok(String id) {
        return BulkResponseItem.of(
                i ->
                        i.operationType(OperationType.Index)
                                .index("calls")
                                .id(id)
                                .status(201)
                                .result("created")
                                .version(1L));
    }

    private static BulkResponseItem failed(String id, int status, String type, String reason) {
        return BulkResponseItem.of(
                i ->
                        i.operationType(OperationType.Index)
                                .index("calls")
                                .id(id)
                                .status(status)
                                .error(e -> e.type(type).reason(reason)));
    }

    private static BulkResponse response(BulkResponseItem... items) {
        boolean errors = false;
        for (BulkResponseItem item : items) {
            errors |= item.error() != null;
        }
        boolean anyErrors = errors;
        return BulkResponse.of(r -> r.took(3).errors(anyErrors).items(List.of(items)));
    }

    @Test
    void allWritten() {
        ItemOutcome outcome =
                BulkResultClassifier.classifyItems(
                        List.of(doc("a"), doc("b")), response(ok("a"), ok("b")));

        assertThat(outcome.written()).isEqualTo(2);
        assertThat(outcome.retry()).isEmpty();
        assertThat(outcome.deadLetters()).isEmpty();
        assertThat(outcome.fatal()).isNull();
    }

    @Test
    void sortsItemsIntoWrittenRetryAndDeadLetter() {
        List<DocumentRequest> sent =
                List.of(doc("ok"), doc("busy"), doc("mapping"), doc("shard"), doc("conflict"));
        BulkResponse response =
                response(
                        ok("ok"),
                        failed(
                                "busy",
                                429,
                                "es_rejected_execution_exception",
                                "rejected execution of coordinating operation"),
                        BulkResponseItem.of(
                                i ->
                                        i.operationType(OperationType.Index)
                                                .index("calls")
                                                .id("mapping")
                                                .status(400)
                                                .error(
                                                        e ->
                                                                e.type("mapper_parsing_exception")
                                                                        .reason(
                                                                                "failed to parse"
                                                                                    + " field"
                                                                                    + " [duration_s]"
                                                                                    + " of type"
                                                                                    + " [long]")
                                                                        .causedBy(
                                                                                c ->
                                                                                        c.type(
                                                                                                        "illegal_argument_exception")
                                                                                                .reason(
                                                                                                        "For input"
                                                                                                            + " string:"
                                                                                                            + " \"열두\"")))),
                        failed(
                                "shard",
                                503,
                                "unavailable_shards_exception",
                                "primary shard is not active"),
                        failed(
                                "conflict",
                                409,
                                "version_conflict_engine_exception",
                                "version conflict"));

        ItemOutcome outcome = BulkResultClassifier.classifyItems(sent, response);

        assertThat(outcome.written()).isEqualTo(1);
        assertThat(outcome.retry()).containsExactly(doc("busy"), doc("shard"));
        assertThat(outcome.deadLetters())
                .extracting(d -> d.request().id())
                .containsExactly("mapping", "conflict");
        DeadLetter mapping = outcome.deadLetters().get(0);
        assertThat(mapping.status()).isEqualTo(400);
        assertThat(mapping.reason())
                .isEqualTo(
                        "mapper_parsing_exception: failed to parse field [duration_s] of type"
                                + " [long] (caused by illegal_argument_exception: For input"
                                + " string: \"열두\")");
        assertThat(outcome.deadLetters().get(1).status()).isEqualTo(409);
        assertThat(outcome.fatal()).isNull();
    }

    @Test
    void every5xxIsRetried() {
        for (int status : new int[] {500, 502, 503, 504}) {
            ItemOutcome outcome =
                    BulkResultClassifier.classifyItems(
                            List.of(doc("x")), response(failed("x", status, "t", "r")));
            assertThat(outcome.retry()).as("status %d", status).containsExactly(doc("x"));
        }
    }

    @Test
    void itemLevelAuthFailureIsFatal() {
        ItemOutcome outcome =
                BulkResultClassifier.classifyItems(
                        List.of(doc("a"), doc("b")),
                        response(
                                ok("a"),
                                failed(
                                        "b",
                                        403,
                                        "security_exception",
                                        "no permissions for [indices:data/write/bulk[s]]")));

        assertThat(outcome.fatal())
                .isEqualTo(
                        "OpenSearch sink: OpenSearch refused document 'b' in index 'calls' with"
                                + " 403 (security_exception: no permissions for"
                                + " [indices:data/write/bulk[s]]); check that the sink's user may"
                                + " write to that index");
    }

    @Test
    void mismatchedItemCountIsFatal() {
        ItemOutcome outcome =
                BulkResultClassifier.classifyItems(List.of(doc("a"), doc("b")), response(ok("a")));

        assertThat(outcome.fatal()).contains("1 items for 2 documents");
    }

    @Test
    void largeMixedResponse() {
        List<DocumentRequest> sent = new ArrayList<>();
        List<BulkResponseItem> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String id = "d" + i;
            sent.add(doc(id));
            items.add(i % 100 == 7 ? failed(id, 429, "t", "r") : ok(id));
        }
        ItemOutcome outcome =
                BulkResultClassifier.classifyItems(
                        sent, BulkResponse.of(r -> r.took(9).errors(true).items(items)));

        assertThat(outcome.written()).isEqualTo(990);
        assertThat(outcome.retry()).hasSize(10).allMatch(d -> d.id().endsWith("7"));
    }

    @Test
    void transientRequestFailuresAreRetried() {
        assertRetry(new CompletionException(new ConnectException("Connection refused")));
        assertRetry(new SocketTimeoutException("60,000 milliseconds timeout on connection"));
        assertRetry(serverError(429, "circuit_breaking_exception", "[parent] Data too large"));
        assertRetry(
                serverError(503, "cluster_block_exception", "blocked by: [SERVICE_UNAVAILABLE]"));
        assertRetry(new ErrorStatusException(502, "Bad Gateway"));
        assertRetry(new TransportException("wrapped", new ErrorStatusException(504, null)));
    }

    @Test
    void unauthorizedIsFatalAndNamesTheSettings() {
        RequestFailure failure =
                BulkResultClassifier.classifyRequestFailure(
                        new CompletionException(new ErrorStatusException(401, "Unauthorized")));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.message())
                .startsWith("OpenSearch sink: OpenSearch answered 401 Unauthorized")
                .contains("setBasicAuth", "opensearch.username");
    }

    @Test
    void forbiddenIsFatal() {
        RequestFailure failure =
                BulkResultClassifier.classifyRequestFailure(
                        serverError(
                                403,
                                "security_exception",
                                "no permissions for [indices:data/write/bulk]"));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.message())
                .isEqualTo(
                        "OpenSearch sink: OpenSearch answered 403 Forbidden (security_exception:"
                                + " no permissions for [indices:data/write/bulk]); the sink's user"
                                + " needs permission to write with the bulk API");
    }

    @Test
    void tooLargeAndBadRequestsAreFatal() {
        assertThat(
                        BulkResultClassifier.classifyRequestFailure(
                                        new ErrorStatusException(413, "Request Entity Too Large"))
                                .message())
                .contains("lower maxBatchSizeInBytes");
        RequestFailure badRequest =
                BulkResultClassifier.classifyRequestFailure(
                        serverError(
                                400,
                                "illegal_argument_exception",
                                "The bulk request must be terminated by a newline"));
        assertThat(badRequest.retryable()).isFalse();
        assertThat(badRequest.message())
                .contains("refused the bulk request with 400 (illegal_argument_exception");
    }

    @Test
    void tlsFailureIsFatalAndSaysWhatToSet() {
        RequestFailure failure =
                BulkResultClassifier.classifyRequestFailure(
                        new CompletionException(
                                new SSLHandshakeException(
                                        "PKIX path building failed: unable to find valid"
                                                + " certification path")));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.message()).contains("setTrustStore", "setAllowInsecureTls(true)");
    }

    @Test
    void unexpectedErrorsAreFatal() {
        RequestFailure failure =
                BulkResultClassifier.classifyRequestFailure(new IllegalStateException("boom"));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.message()).contains("unexpectedly", "IllegalStateException: boom");
    }

    private static OpenSearchException serverError(int status, String type, String reason) {
        return new OpenSearchException(
                ErrorResponse.of(r -> r.status(status).error(e -> e.type(type).reason(reason))));
    }

    private static void assertRetry(Throwable error) {
        RequestFailure failure = BulkResultClassifier.classifyRequestFailure(error);
        assertThat(failure.retryable()).as(failure.message()).isTrue();
    }
}
