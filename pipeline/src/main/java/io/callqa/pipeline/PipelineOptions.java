package io.callqa.pipeline;

import io.callqa.pipeline.live.LiveCallSettings;
import io.callqa.pipeline.live.LiveTopics;
import io.callqa.pipeline.sink.opensearch.OpenSearchSink;
import io.callqa.pipeline.sink.opensearch.OpenSearchSinkBuilder;
import io.callqa.rules.transcript.TranscriptReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;

/**
 * The settings of the callqa pipeline, as Flink {@link ConfigOption}s, so they can come from
 * Flink's {@code config.yaml}, {@code -D} flags or a {@link Configuration} built in code.
 *
 * <p>Options are grouped by the part of the pipeline they configure, each group under its own key
 * prefix, with a factory that turns a {@link Configuration} into that part's builder.
 */
public final class PipelineOptions {

    private PipelineOptions() {}

    // ---- OpenSearch sink: opensearch.* ----

    public static final ConfigOption<List<String>> OPENSEARCH_HOSTS =
            ConfigOptions.key("opensearch.hosts")
                    .stringType()
                    .asList()
                    .defaultValues("http://localhost:9200")
                    .withDescription(
                            "OpenSearch node URLs with scheme, host and port, as a list or a"
                                    + " comma-separated string.");

    public static final ConfigOption<String> OPENSEARCH_USERNAME =
            ConfigOptions.key("opensearch.username")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("User for HTTP basic auth; unset for a cluster without auth.");

    public static final ConfigOption<String> OPENSEARCH_PASSWORD =
            ConfigOptions.key("opensearch.password")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Password for HTTP basic auth.");

    public static final ConfigOption<String> OPENSEARCH_TLS_TRUSTSTORE =
            ConfigOptions.key("opensearch.tls.truststore")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "PKCS#12, JKS or PEM file with the certificates to trust for https"
                                    + " hosts; unset to use the JVM's default trust.");

    public static final ConfigOption<String> OPENSEARCH_TLS_TRUSTSTORE_PASSWORD =
            ConfigOptions.key("opensearch.tls.truststore-password")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Password of the truststore; not needed for PEM files.");

    public static final ConfigOption<Boolean> OPENSEARCH_TLS_INSECURE =
            ConfigOptions.key("opensearch.tls.insecure")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Trust any certificate and skip host name checks; only for dev"
                                    + " clusters with self-signed certificates.");

    public static final ConfigOption<Integer> OPENSEARCH_BULK_MAX_ACTIONS =
            ConfigOptions.key("opensearch.bulk.max-actions")
                    .intType()
                    .defaultValue(OpenSearchSinkBuilder.DEFAULT_MAX_BATCH_SIZE)
                    .withDescription("Most documents in one bulk request.");

    public static final ConfigOption<MemorySize> OPENSEARCH_BULK_MAX_BYTES =
            ConfigOptions.key("opensearch.bulk.max-bytes")
                    .memoryType()
                    .defaultValue(
                            new MemorySize(OpenSearchSinkBuilder.DEFAULT_MAX_BATCH_SIZE_IN_BYTES))
                    .withDescription("Most bytes of documents in one bulk request, e.g. 5mb.");

    public static final ConfigOption<Duration> OPENSEARCH_BULK_FLUSH_INTERVAL =
            ConfigOptions.key("opensearch.bulk.flush-interval")
                    .durationType()
                    .defaultValue(OpenSearchSinkBuilder.DEFAULT_MAX_TIME_IN_BUFFER)
                    .withDescription(
                            "Longest a document waits before its bulk request is sent anyway.");

    public static final ConfigOption<Duration> OPENSEARCH_RETRY_INITIAL_BACKOFF =
            ConfigOptions.key("opensearch.retry.initial-backoff")
                    .durationType()
                    .defaultValue(OpenSearchSinkBuilder.DEFAULT_INITIAL_BACKOFF)
                    .withDescription("Wait before the first retry of a failed bulk request.");

    public static final ConfigOption<Duration> OPENSEARCH_RETRY_MAX_BACKOFF =
            ConfigOptions.key("opensearch.retry.max-backoff")
                    .durationType()
                    .defaultValue(OpenSearchSinkBuilder.DEFAULT_MAX_BACKOFF)
                    .withDescription("Longest wait between retries; at most 5 minutes.");

    public static final ConfigOption<String> OPENSEARCH_DEAD_LETTER_INDEX =
            ConfigOptions.key("opensearch.dead-letter-index")
                    .stringType()
                    .defaultValue(OpenSearchSinkBuilder.DEFAULT_DEAD_LETTER_INDEX)
                    .withDescription(
                            "Index that receives an error document for every document"
                                    + " OpenSearch refuses for good.");

    /** See {@link LiveCallSettings#idleTimeout()}. */
    public static final ConfigOption<Duration> LIVE_IDLE_TIMEOUT =
            ConfigOptions.key("live.idle-timeout")
                    .durationType()
                    .defaultValue(LiveCallSettings.DEFAULTS.idleTimeout())
                    .withDescription(
                            "A live call with no audio and no event for this long is closed and"
                                    + " analysed as it stands.");

    /** See {@link LiveCallSettings#unknownCallGrace()}. */
    public static final ConfigOption<Duration> LIVE_UNKNOWN_CALL_GRACE =
            ConfigOptions.key("live.unknown-call-grace")
                    .durationType()
                    .defaultValue(LiveCallSettings.DEFAULTS.unknownCallGrace())
                    .withDescription(
                            "How long audio may wait for its call-started event before it is"
                                    + " rejected to the dead letters as an unknown call.");

    /** See {@link LiveCallSettings#maxPendingChunks()}. */
    public static final ConfigOption<Integer> LIVE_MAX_PENDING_CHUNKS =
            ConfigOptions.key("live.max-pending-chunks")
                    .intType()
                    .defaultValue(LiveCallSettings.DEFAULTS.maxPendingChunks())
                    .withDescription(
                            "Out-of-order audio chunks held per call channel while waiting for a"
                                    + " missing one; beyond this the missing chunks are reported"
                                    + " lost and the stream moves on.");

    /** See {@link LiveCallSettings#endGrace()}. */
    public static final ConfigOption<Duration> LIVE_END_GRACE =
            ConfigOptions.key("live.end-grace")
                    .durationType()
                    .defaultValue(LiveCallSettings.DEFAULTS.endGrace())
                    .withDescription(
                            "How long a live call stays open after its call-ended event, for"
                                    + " audio and utterances sent before the end that arrive after"
                                    + " it (each topic is read on its own, so the end can overtake"
                                    + " them).");

    /** See {@link LiveCallSettings#audioWait()}. */
    public static final ConfigOption<Duration> LIVE_AUDIO_WAIT =
            ConfigOptions.key("live.audio-wait")
                    .durationType()
                    .defaultValue(LiveCallSettings.DEFAULTS.audioWait())
                    .withDescription(
                            "How long a finalized utterance waits for the audio that covers it;"
                                    + " after that it is analysed without prosody and the gap is"
                                    + " reported, so a stalled audio stream cannot hold back its"
                                    + " alerts.");

    /** Largest audio chunk accepted on {@code callqa.audio}. */
    public static final ConfigOption<MemorySize> LIVE_MAX_CHUNK_BYTES =
            ConfigOptions.key("live.max-chunk-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse("256kb"))
                    .withDescription(
                            "Largest audio chunk accepted on callqa.audio (decoded bytes); larger"
                                    + " chunks are rejected to the dead letters as oversized. A"
                                    + " second of 48 kHz 16-bit audio is 94 kB.");

    /** Topic that live alerts are written to. */
    public static final ConfigOption<String> LIVE_ALERTS_TOPIC =
            ConfigOptions.key("live.alerts-topic")
                    .stringType()
                    .defaultValue(LiveTopics.ALERTS)
                    .withDescription(
                            "Kafka topic that receives every alert as it is raised (JSON, keyed"
                                    + " by call id), besides the callqa-alerts index.");

    /** Topic that live agent-assist events are written to. */
    public static final ConfigOption<String> LIVE_ASSIST_TOPIC =
            ConfigOptions.key("live.assist-topic")
                    .stringType()
                    .defaultValue(LiveTopics.ASSIST)
                    .withDescription(
                            "Kafka topic that receives every agent-assist step suggested or"
                                    + " withdrawn while a call is live (JSON, keyed by call id),"
                                    + " besides the callqa-assist index.");

    /** Topic that dead letters are written to in live mode. */
    public static final ConfigOption<String> LIVE_ERRORS_TOPIC =
            ConfigOptions.key("live.errors-topic")
                    .stringType()
                    .defaultValue(LiveTopics.ERRORS)
                    .withDescription(
                            "Kafka topic that receives every rejected input with its reason (JSON,"
                                    + " keyed by call id), besides the callqa-errors index.");

    // ---- Input bounds: transcript.* (recorded and live calls alike) ----

    public static final ConfigOption<Duration> TRANSCRIPT_MAX_SECONDS =
            ConfigOptions.key("transcript.max-seconds")
                    .durationType()
                    .defaultValue(
                            Duration.ofSeconds(
                                    (long) TranscriptReader.Limits.DEFAULTS.maxSeconds()))
                    .withDescription(
                            "Longest call: an utterance, word or live audio chunk timed beyond it"
                                    + " (or at a time that is not a finite number) is rejected.");

    public static final ConfigOption<Integer> TRANSCRIPT_MAX_UTTERANCE_CHARS =
            ConfigOptions.key("transcript.max-utterance-chars")
                    .intType()
                    .defaultValue(TranscriptReader.Limits.DEFAULTS.maxTextChars())
                    .withDescription(
                            "Most characters in one utterance's text; a recognizer cuts at"
                                    + " pauses, so a longer one is an error upstream.");

    public static final ConfigOption<Integer> TRANSCRIPT_MAX_WORD_CHARS =
            ConfigOptions.key("transcript.max-word-chars")
                    .intType()
                    .defaultValue(TranscriptReader.Limits.DEFAULTS.maxWordChars())
                    .withDescription(
                            "Most characters in one word (a recognized word, or a run of"
                                    + " non-space characters in an utterance's text).");

    public static final ConfigOption<Integer> TRANSCRIPT_MAX_UTTERANCES =
            ConfigOptions.key("transcript.max-utterances")
                    .intType()
                    .defaultValue(TranscriptReader.Limits.DEFAULTS.maxUtterances())
                    .withDescription(
                            "Most utterances in one call; a recorded call with more is rejected,"
                                    + " a live call's further utterances are dropped and"
                                    + " reported.");

    /** The input bounds configured in {@code config}. */
    public static TranscriptReader.Limits transcriptLimits(Configuration config) {
        return new TranscriptReader.Limits(
                config.get(TRANSCRIPT_MAX_SECONDS).toMillis() / 1000.0,
                config.get(TRANSCRIPT_MAX_UTTERANCE_CHARS),
                config.get(TRANSCRIPT_MAX_WORD_CHARS),
                config.get(TRANSCRIPT_MAX_UTTERANCES));
    }

    /**
     * An OpenSearch sink builder set up from the {@code opensearch.*} options of {@code config};
     * the caller adds the document converter and builds it.
     */
    public static <T> OpenSearchSinkBuilder<T> openSearchSink(Configuration config) {
        OpenSearchSinkBuilder<T> builder =
                OpenSearchSink.<T>builder()
                        .setHosts(splitHosts(config.get(OPENSEARCH_HOSTS)))
                        .setAllowInsecureTls(config.get(OPENSEARCH_TLS_INSECURE))
                        .setMaxBatchSize(config.get(OPENSEARCH_BULK_MAX_ACTIONS))
                        .setMaxBatchSizeInBytes(config.get(OPENSEARCH_BULK_MAX_BYTES).getBytes())
                        .setMaxTimeInBuffer(config.get(OPENSEARCH_BULK_FLUSH_INTERVAL))
                        .setRetryBackoff(
                                config.get(OPENSEARCH_RETRY_INITIAL_BACKOFF),
                                config.get(OPENSEARCH_RETRY_MAX_BACKOFF))
                        .setDeadLetterIndex(config.get(OPENSEARCH_DEAD_LETTER_INDEX));
        String username = config.get(OPENSEARCH_USERNAME);
        String password = config.get(OPENSEARCH_PASSWORD);
        if (username != null || password != null) {
            builder.setBasicAuth(username, password);
        }
        String trustStore = config.get(OPENSEARCH_TLS_TRUSTSTORE);
        if (trustStore != null) {
            builder.setTrustStore(trustStore, config.get(OPENSEARCH_TLS_TRUSTSTORE_PASSWORD));
        }
        return builder;
    }

    /** Flink lists are ';'-separated; commas are accepted too because people write them. */
    private static String[] splitHosts(List<String> values) {
        List<String> hosts = new ArrayList<>();
        for (String value : values) {
            for (String host : value.split(",")) {
                if (!host.isBlank()) {
                    hosts.add(host.strip());
                }
            }
        }
        return hosts.toArray(String[]::new);
    }

    /** The live-call tolerances configured in {@code config}. */
    public static LiveCallSettings liveCallSettings(Configuration config) {
        return new LiveCallSettings(
                config.get(LIVE_IDLE_TIMEOUT),
                config.get(LIVE_UNKNOWN_CALL_GRACE),
                config.get(LIVE_MAX_PENDING_CHUNKS),
                config.get(LIVE_END_GRACE),
                config.get(LIVE_AUDIO_WAIT));
    }
}
