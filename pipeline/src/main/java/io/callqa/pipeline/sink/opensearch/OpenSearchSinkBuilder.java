package io.callqa.pipeline.sink.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Builds an {@link OpenSearchSink}; get one from {@link OpenSearchSink#builder()}.
 *
 * <p>Only the hosts and a converter are required. {@link #build()} checks every setting and fails
 * with one message per problem, each saying what to change.
 *
 * <p>Defaults: {@value #DEFAULT_MAX_BATCH_SIZE} documents or {@value
 * #DEFAULT_MAX_BATCH_SIZE_IN_BYTES} bytes per bulk request, flushed at least every second; {@value
 * #DEFAULT_MAX_IN_FLIGHT_REQUESTS} bulk requests in flight; {@value #DEFAULT_MAX_BUFFERED_REQUESTS}
 * documents buffered before the job is backpressured; retries backing off from 100 ms up to 30 s;
 * refused documents go to {@value #DEFAULT_DEAD_LETTER_INDEX}.
 *
 * @param <T> the stream element type
 */
public class OpenSearchSinkBuilder<T> {

    public static final int DEFAULT_MAX_BATCH_SIZE = 1000;
    public static final long DEFAULT_MAX_BATCH_SIZE_IN_BYTES = 5L * 1024 * 1024;
    public static final int DEFAULT_MAX_IN_FLIGHT_REQUESTS = 4;
    public static final int DEFAULT_MAX_BUFFERED_REQUESTS = 10_000;
    public static final Duration DEFAULT_MAX_TIME_IN_BUFFER = Duration.ofSeconds(1);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    public static final String DEFAULT_DEAD_LETTER_INDEX = "callqa-errors";

    /**
     * A retry that waits longer than this could run into Flink's 10 minute async-sink request
     * timeout, which would then resend the batch while the retry is still pending.
     */
    static final Duration LONGEST_MAX_BACKOFF = Duration.ofMinutes(5);

    private static final String PREFIX = "OpenSearch sink: ";

    private List<String> hosts;
    private String username;
    private String password;
    private String trustStorePath;
    private String trustStorePassword;
    private boolean allowInsecureTls;
    private ElementConverter<T, DocumentRequest> elementConverter;
    private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
    private long maxBatchSizeInBytes = DEFAULT_MAX_BATCH_SIZE_IN_BYTES;
    private int maxInFlightRequests = DEFAULT_MAX_IN_FLIGHT_REQUESTS;
    private int maxBufferedRequests = DEFAULT_MAX_BUFFERED_REQUESTS;
    private Duration maxTimeInBuffer = DEFAULT_MAX_TIME_IN_BUFFER;
    private Long maxRecordSizeInBytes;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private String deadLetterIndex = DEFAULT_DEAD_LETTER_INDEX;

    OpenSearchSinkBuilder() {}

    /**
     * The OpenSearch nodes to send bulk requests to, as URLs with scheme, host and port, e.g.
     * {@code http://localhost:9200} or {@code https://search-1:9200}. Requests rotate over them and
     * skip nodes that stopped answering.
     */
    public OpenSearchSinkBuilder<T> setHosts(String... urls) {
        this.hosts = urls == null ? null : new ArrayList<>(Arrays.asList(urls));
        return this;
    }

    /**
     * Authenticates every request with HTTP basic auth, as the OpenSearch security plugin expects.
     */
    public OpenSearchSinkBuilder<T> setBasicAuth(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    /**
     * Trusts the certificates in this truststore for {@code https://} hosts instead of the JVM's
     * default ones. PKCS#12, JKS and PEM files (such as an OpenSearch {@code root-ca.pem}) are
     * read; {@code password} may be {@code null} for PEM files. The file is read when the sink is
     * built and shipped with the job, so task managers need not have it.
     */
    public OpenSearchSinkBuilder<T> setTrustStore(String path, String password) {
        this.trustStorePath = path;
        this.trustStorePassword = password;
        return this;
    }

    /**
     * Trusts any certificate and skips host name checks on {@code https://} hosts. Only for dev
     * clusters with self-signed certificates: it makes TLS useless against an attacker.
     */
    public OpenSearchSinkBuilder<T> setAllowInsecureTls(boolean allowInsecureTls) {
        this.allowInsecureTls = allowInsecureTls;
        return this;
    }

    /** Maps each element to the document to write; see {@link DocumentConverter}. */
    @SuppressWarnings("unchecked")
    public <E extends T> OpenSearchSinkBuilder<E> setDocumentConverter(
            DocumentConverter<E> converter) {
        OpenSearchSinkBuilder<E> self = (OpenSearchSinkBuilder<E>) this;
        self.elementConverter =
                converter == null ? null : new DocumentConverterAdapter<>(converter);
        return self;
    }

    /**
     * Like {@link #setDocumentConverter}, for a converter that needs Flink's writer context or an
     * {@code open} hook.
     */
    @SuppressWarnings("unchecked")
    public <E extends T> OpenSearchSinkBuilder<E> setElementConverter(
            ElementConverter<E, DocumentRequest> converter) {
        OpenSearchSinkBuilder<E> self = (OpenSearchSinkBuilder<E>) this;
        self.elementConverter = converter;
        return self;
    }

    /** Most documents in one bulk request. */
    public OpenSearchSinkBuilder<T> setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
        return this;
    }

    /** Most bytes of documents in one bulk request; keep it below the cluster's limit (100 MB). */
    public OpenSearchSinkBuilder<T> setMaxBatchSizeInBytes(long maxBatchSizeInBytes) {
        this.maxBatchSizeInBytes = maxBatchSizeInBytes;
        return this;
    }

    /**
     * Most bulk requests under way at once per subtask, retries waiting for their turn included.
     */
    public OpenSearchSinkBuilder<T> setMaxInFlightRequests(int maxInFlightRequests) {
        this.maxInFlightRequests = maxInFlightRequests;
        return this;
    }

    /**
     * Most documents buffered per subtask; when full, the sink stops taking elements and Flink
     * backpressures the job. Must be greater than the batch size.
     */
    public OpenSearchSinkBuilder<T> setMaxBufferedRequests(int maxBufferedRequests) {
        this.maxBufferedRequests = maxBufferedRequests;
        return this;
    }

    /** Longest a document waits in the buffer before a bulk request is sent anyway. */
    public OpenSearchSinkBuilder<T> setMaxTimeInBuffer(Duration maxTimeInBuffer) {
        this.maxTimeInBuffer = maxTimeInBuffer;
        return this;
    }

    /**
     * Largest single document in bytes; a bigger one fails the job. Defaults to the batch byte
     * limit.
     */
    public OpenSearchSinkBuilder<T> setMaxRecordSizeInBytes(long maxRecordSizeInBytes) {
        this.maxRecordSizeInBytes = maxRecordSizeInBytes;
        return this;
    }

    /**
     * Backoff between retries: the first waits about {@code initial}, each further one in a row
     * about twice as long, up to {@code max}; see {@link RetryBackoff}.
     */
    public OpenSearchSinkBuilder<T> setRetryBackoff(Duration initial, Duration max) {
        this.initialBackoff = initial;
        this.maxBackoff = max;
        return this;
    }

    /**
     * The index that receives an error document for every document OpenSearch refuses for good;
     * default {@value #DEFAULT_DEAD_LETTER_INDEX}.
     */
    public OpenSearchSinkBuilder<T> setDeadLetterIndex(String deadLetterIndex) {
        this.deadLetterIndex = deadLetterIndex;
        return this;
    }

    /**
     * Checks the settings and builds the sink.
     *
     * @throws IllegalArgumentException listing every problem found, one per line
     */
    public OpenSearchSink<T> build() {
        List<String> problems = new ArrayList<>();
        checkHosts(problems);
        checkAuth(problems);
        byte[] trustStore = readTrustStore(problems);
        if (elementConverter == null) {
            problems.add(
                    "no document converter set; call setDocumentConverter(...) or"
                            + " setElementConverter(...)");
        }
        long recordLimit =
                maxRecordSizeInBytes != null
                        ? maxRecordSizeInBytes
                        : Math.min(DEFAULT_MAX_BATCH_SIZE_IN_BYTES, maxBatchSizeInBytes);
        checkBatching(problems, recordLimit);
        checkBackoff(problems);
        checkDeadLetterIndex(problems);
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder();
            for (String problem : problems) {
                if (message.length() > 0) {
                    message.append('\n');
                }
                message.append(PREFIX).append(problem);
            }
            throw new IllegalArgumentException(message.toString());
        }
        OpenSearchConnectionConfig connection =
                new OpenSearchConnectionConfig(
                        hosts.stream()
                                .map(String::strip)
                                .map(OpenSearchSinkBuilder::withoutSlash)
                                .toList(),
                        username,
                        password,
                        trustStore,
                        trustStorePassword,
                        allowInsecureTls);
        return new OpenSearchSink<>(
                new RecordSizeGuard<>(elementConverter, recordLimit),
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBuffer.toMillis(),
                recordLimit,
                connection,
                new RetryBackoff(initialBackoff, maxBackoff),
                deadLetterIndex);
    }

    private void checkHosts(List<String> problems) {
        if (hosts == null || hosts.isEmpty()) {
            problems.add("no hosts set; call setHosts(\"http://localhost:9200\")");
            return;
        }
        for (String host : hosts) {
            String problem = checkHost(host);
            if (problem != null) {
                problems.add(problem);
            }
        }
    }

    private static String checkHost(String raw) {
        if (raw == null || raw.isBlank()) {
            return "empty host in setHosts(...); give URLs like http://localhost:9200";
        }
        String url = raw.strip();
        if (!url.contains("://")) {
            return "host '" + url + "' has no scheme; use http://" + url + " or https://" + url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "host '" + url + "' is not a valid URL: " + e.getMessage();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "host '"
                    + url
                    + "' has scheme '"
                    + uri.getScheme()
                    + "'; use http:// or https://";
        }
        if (uri.getHost() == null) {
            return "host '" + url + "' has no host name; use e.g. " + scheme + "://localhost:9200";
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            return "host '"
                    + url
                    + "' has more than scheme, host and port; give e.g. "
                    + scheme
                    + "://"
                    + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + " and credentials with setBasicAuth";
        }
        return null;
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private void checkAuth(List<String> problems) {
        boolean hasUser = username != null && !username.isEmpty();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasUser && !hasPassword) {
            problems.add("basic auth user given without a password");
        } else if (!hasUser && hasPassword) {
            problems.add("basic auth password given without a user");
        }
    }

    private byte[] readTrustStore(List<String> problems) {
        if (trustStorePath == null || trustStorePath.isBlank()) {
            return null;
        }
        Path path = Path.of(trustStorePath);
        if (!Files.exists(path)) {
            problems.add("TLS truststore " + trustStorePath + " does not exist");
            return null;
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problems.add("TLS truststore " + trustStorePath + " is not a readable file");
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            OpenSearchConnectionConfig.loadTrustStore(bytes, trustStorePassword);
            return bytes;
        } catch (IOException | GeneralSecurityException e) {
            problems.add(
                    "TLS truststore " + trustStorePath + " could not be read: " + e.getMessage());
            return null;
        }
    }

    private void checkBatching(List<String> problems, long recordLimit) {
        positive(problems, "maxBatchSize", maxBatchSize);
        positive(problems, "maxBatchSizeInBytes", maxBatchSizeInBytes);
        positive(problems, "maxInFlightRequests", maxInFlightRequests);
        positive(problems, "maxBufferedRequests", maxBufferedRequests);
        positive(problems, "maxRecordSizeInBytes", recordLimit);
        if (maxBatchSize > 0 && maxBufferedRequests > 0 && maxBufferedRequests <= maxBatchSize) {
            problems.add(
                    "maxBufferedRequests ("
                            + maxBufferedRequests
                            + ") must be greater than maxBatchSize ("
                            + maxBatchSize
                            + ")");
        }
        if (recordLimit > 0 && maxBatchSizeInBytes > 0 && recordLimit > maxBatchSizeInBytes) {
            problems.add(
                    "maxRecordSizeInBytes ("
                            + recordLimit
                            + ") must not be greater than maxBatchSizeInBytes ("
                            + maxBatchSizeInBytes
                            + ")");
        }
        if (maxTimeInBuffer == null || maxTimeInBuffer.toMillis() < 1) {
            problems.add("maxTimeInBuffer (" + maxTimeInBuffer + ") must be at least 1 ms");
        }
    }

    private static void positive(List<String> problems, String name, long value) {
        if (value <= 0) {
            problems.add(name + " (" + value + ") must be positive");
        }
    }

    private void checkBackoff(List<String> problems) {
        if (initialBackoff == null || maxBackoff == null) {
            problems.add("retry backoff needs both an initial and a max duration");
            return;
        }
        if (initialBackoff.toMillis() < 1) {
            problems.add("initial retry backoff (" + initialBackoff + ") must be at least 1 ms");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            problems.add(
                    "max retry backoff ("
                            + maxBackoff
                            + ") must not be shorter than the initial backoff ("
                            + initialBackoff
                            + ")");
        }
        if (maxBackoff.compareTo(LONGEST_MAX_BACKOFF) > 0) {
            problems.add(
                    "max retry backoff ("
                            + maxBackoff
                            + ") must be at most "
                            + LONGEST_MAX_BACKOFF
                            + ", or Flink's request timeout would resend batches still waiting"
                            + " for their retry");
        }
    }

    private void checkDeadLetterIndex(List<String> problems) {
        String index = deadLetterIndex;
        if (index == null || index.isEmpty()) {
            problems.add("dead-letter index name must not be empty");
            return;
        }
        String problem = null;
        if (!index.equals(index.toLowerCase(Locale.ROOT))) {
            problem = "must be lowercase";
        } else if (index.startsWith("_") || index.startsWith("-") || index.startsWith("+")) {
            problem = "must not start with '_', '-' or '+'";
        } else if (index.equals(".") || index.equals("..")) {
            problem = "must not be '.' or '..'";
        } else {
            for (char c : index.toCharArray()) {
                if (" \\/*?\"<>|,#:".indexOf(c) >= 0) {
                    problem = "must not contain '" + c + "'";
                    break;
                }
            }
        }
        if (problem != null) {
            problems.add("dead-letter index '" + index + "' is not a valid index name: " + problem);
        }
    }

    @Override
    public String toString() {
        return "OpenSearchSinkBuilder{hosts="
                + hosts
                + ", user="
                + Objects.requireNonNullElse(username, "(none)")
                + ", deadLetterIndex="
                + deadLetterIndex
                + "}";
    }
}
