package io.callqa.pipeline;

import io.callqa.pipeline.asr.VoskModels;
import io.callqa.pipeline.sink.webhook.WebhookSink;
import io.callqa.pipeline.source.CallFiles;
import io.callqa.pipeline.source.TranscriptTopic;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.TimeUtils;

/**
 * The entry point of {@code pipeline/target/callqa-job.jar}: {@code flink run callqa-job.jar ARGS}
 * runs the callqa job on that Flink cluster.
 *
 * <p>The arguments are those of {@code callqa run} that make sense on a cluster, under the same
 * names, so a job moves from the command line to a cluster by dropping the verb. Every other
 * setting of the job ({@link PipelineOptions}: bulk sizes, retries, live tolerances, input bounds)
 * is read from the cluster's configuration: Flink's {@code config.yaml} or {@code flink run
 * -Dkey=value}. The OpenSearch password comes from {@value #PASSWORD_ENV} only, never from a flag,
 * so that it shows in no process list.
 */
public final class JobCommandLine {

    /** The environment variable holding the OpenSearch password. */
    public static final String PASSWORD_ENV = "CALLQA_OPENSEARCH_PASSWORD";

    /** The environment variable holding the secret that signs webhook requests. */
    public static final String WEBHOOK_SECRET_ENV = "CALLQA_WEBHOOK_SECRET";

    /** Checkpoint interval when the Flink configuration sets none, as in {@code callqa run}. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /**
     * The flags this entry point takes, each with its description; a flag whose description starts
     * with an upper-case placeholder ({@code DIR}, {@code URL}) takes a value.
     */
    public static final Map<String, String> FLAGS = flags();

    private static Map<String, String> flags() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(
                "--input",
                "DIR  recorded calls under DIR (an absolute path or URI the TaskManagers read)");
        f.put(
                "--watch",
                "INTERVAL  keep running and pick up new files at this interval (30s, 1min)");
        f.put("--kafka", "BOOTSTRAP  Kafka to read whole-call transcripts (and live calls) from");
        f.put(
                "--transcripts-topic",
                "TOPIC  topic of whole-call transcripts (default callqa.transcripts)");
        f.put("--live", "also analyse live calls from the live topics at --kafka");
        f.put("--model", "DIR  Vosk model on the TaskManagers (default: $" + VoskModels.ENV + ")");
        f.put(
                "--opensearch",
                "URL  OpenSearch to index into (default: the opensearch.hosts option)");
        f.put(
                "--opensearch-user",
                "USER  basic-auth user; the password comes from $" + PASSWORD_ENV);
        f.put(
                "--opensearch-ca",
                "FILE  certificates to trust for an https OpenSearch (PEM, PKCS#12, JKS)");
        f.put("--webhook", "URL  also POST every alert here, signed with $" + WEBHOOK_SECRET_ENV);
        f.put("--webhook-allow-http", "accept a plain http:// --webhook URL");
        f.put("--help", "print this and exit");
        return java.util.Collections.unmodifiableMap(f);
    }

    private JobCommandLine() {}

    /**
     * What the arguments ask for.
     *
     * @param input recorded calls, or null
     * @param watch how often to look for new files, or null for one pass over those present
     * @param kafka Kafka bootstrap servers, or null
     * @param transcriptsTopic topic of whole-call transcripts, or null when not given
     * @param live whether to analyse live calls too
     * @param model Vosk model directory, or null
     * @param opensearch OpenSearch node, or null for the configured {@code opensearch.hosts}
     * @param opensearchUser basic-auth user, or null
     * @param opensearchCa certificates to trust, or null
     * @param webhook alert webhook URL, or null
     * @param webhookAllowHttp whether a plain http webhook is accepted
     * @param help whether only the usage was asked for
     */
    record Arguments(
            URI input,
            Duration watch,
            String kafka,
            String transcriptsTopic,
            boolean live,
            String model,
            URI opensearch,
            String opensearchUser,
            String opensearchCa,
            String webhook,
            boolean webhookAllowHttp,
            boolean help) {}

    /**
     * Runs the job that {@code args} describe on the environment {@code flink run} provides.
     *
     * @throws IllegalArgumentException naming the argument and the problem, with the usage
     * @throws IOException if the index templates cannot be installed into OpenSearch
     */
    public static void main(String[] args) throws Exception {
        Arguments a;
        try {
            a = parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "callqa-job: " + e.getMessage() + System.lineSeparator() + usage(), e);
        }
        if (a.help()) {
            System.out.println(usage());
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // Built apart from the environment's configuration, which the Flink UI shows: it holds
        // the password.
        Configuration conf = sinkConfiguration(a, env.getConfiguration(), System.getenv());
        OpenSearchAccess access = access(conf);
        try {
            CallqaIndices.installTemplates(access);
        } catch (IOException e) {
            throw new IOException(
                    "callqa-job: could not install the index templates into "
                            + access
                            + ": "
                            + e.getMessage(),
                    e);
        }
        if (env.getCheckpointConfig().getCheckpointInterval() <= 0) {
            // Unless the cluster configures it: a restart resumes from the last checkpoint, and
            // the sinks flush on every checkpoint.
            env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
        }
        job(a, conf, System.getenv()).execute(env);
    }

    /** The usage text. */
    static String usage() {
        StringBuilder s =
                new StringBuilder(
                        "Usage: flink run callqa-job.jar [--input DIR [--watch INTERVAL]] [--kafka"
                                + " BOOTSTRAP [--live]] [OPTIONS]\n"
                                + "Runs the callqa job on this Flink cluster; give --input"
                                + " and/or --kafka. Further settings (opensearch.*, live.*,"
                                + " transcript.*) come from the Flink configuration"
                                + " (config.yaml, or flink run -Dkey=value).\n");
        FLAGS.forEach((flag, text) -> s.append(String.format("  %-22s %s%n", flag, text)));
        return s.toString();
    }

    /**
     * Parses the arguments.
     *
     * @param env the process environment ({@value VoskModels#ENV} is the default model)
     * @throws IllegalArgumentException naming the argument and what is wrong with it
     */
    static Arguments parse(List<String> args, Map<String, String> env) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h")) {
                arg = "--help";
            }
            String flag = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flag.equals("--opensearch-password")) {
                throw new IllegalArgumentException(
                        "--opensearch-password is not accepted: a password on the command line"
                                + " shows in every process list. Set "
                                + PASSWORD_ENV
                                + " in the environment instead");
            }
            String text = FLAGS.get(flag);
            if (text == null) {
                throw new IllegalArgumentException(
                        (arg.startsWith("-") ? "unknown option " : "unexpected argument ")
                                + "'"
                                + arg
                                + "'"
                                + (arg.startsWith("-D")
                                        ? "; give Flink settings to flink run before the jar"
                                        : ""));
            }
            if (given.containsKey(flag)) {
                throw new IllegalArgumentException(flag + " given twice");
            }
            boolean takesValue = Character.isUpperCase(text.charAt(0));
            if (takesValue && value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(flag + " needs a value: " + text);
                }
                value = args.get(++i);
            } else if (!takesValue && value != null) {
                throw new IllegalArgumentException(flag + " takes no value, got '" + value + "'");
            }
            given.put(flag, value == null ? "" : value);
        }
        boolean help = given.containsKey("--help");
        String kafka = given.get("--kafka");
        boolean live = given.containsKey("--live");
        if (!help && !given.containsKey("--input") && kafka == null) {
            throw new IllegalArgumentException("give --input DIR and/or --kafka BOOTSTRAP");
        }
        if (live && kafka == null) {
            throw new IllegalArgumentException(
                    "--live reads live calls from Kafka: give --kafka BOOTSTRAP too");
        }
        if (given.containsKey("--watch") && !given.containsKey("--input")) {
            throw new IllegalArgumentException("--watch watches --input DIR: give --input too");
        }
        if (kafka != null && kafka.isBlank()) {
            throw new IllegalArgumentException("--kafka: give host:port of a Kafka broker");
        }
        String model = given.get("--model");
        if (model == null) {
            model = env.get(VoskModels.ENV);
        }
        return new Arguments(
                given.containsKey("--input") ? input(given.get("--input")) : null,
                given.containsKey("--watch") ? duration("--watch", given.get("--watch")) : null,
                kafka,
                given.get("--transcripts-topic"),
                live,
                model == null || model.isBlank() ? null : model,
                given.containsKey("--opensearch")
                        ? httpUri("--opensearch", given.get("--opensearch"))
                        : null,
                given.get("--opensearch-user"),
                given.get("--opensearch-ca"),
                given.get("--webhook"),
                given.containsKey("--webhook-allow-http"),
                help);
    }

    /** A directory as a URI: one with a scheme as given, a plain path made absolute. */
    private static URI input(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--input: give the directory of recorded calls");
        }
        if (value.matches("^[A-Za-z][A-Za-z0-9+.-]+:/.*")) {
            try {
                return new URI(value);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--input " + value + ": " + e.getMessage());
            }
        }
        return Path.of(value).toAbsolutePath().normalize().toUri();
    }

    private static URI httpUri(String flag, String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new URISyntaxException(value, "expected http://HOST:PORT or https://...");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(flag + " " + value + ": " + e.getReason());
        }
    }

    /** A positive duration, as {@code callqa run} reads one: 10s, 2min, 500ms or PT1M. */
    private static Duration duration(String flag, String value) {
        Duration d;
        try {
            d = value.startsWith("P") ? Duration.parse(value) : TimeUtils.parseDuration(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    flag + ": expected a duration like 10s, 2min or 500ms, got '" + value + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(
                    flag + ": expected a positive duration, got '" + value + "'");
        }
        return d;
    }

    /**
     * The configuration the job's sinks and sources are built from: every {@link PipelineOptions}
     * setting of the cluster's configuration, then the OpenSearch flags, then the password.
     *
     * @throws IllegalArgumentException if a user is given without a password
     */
    static Configuration sinkConfiguration(
            Arguments a, ReadableConfig cluster, Map<String, String> env) {
        Configuration conf = new Configuration();
        for (ConfigOption<?> option : pipelineOptions()) {
            copy(option, cluster, conf);
        }
        if (a.opensearch() != null) {
            conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(a.opensearch().toString()));
        }
        if (a.opensearchUser() != null) {
            conf.set(PipelineOptions.OPENSEARCH_USERNAME, a.opensearchUser());
        }
        if (a.opensearchCa() != null) {
            conf.set(PipelineOptions.OPENSEARCH_TLS_TRUSTSTORE, a.opensearchCa());
        }
        String password = env.get(PASSWORD_ENV);
        if (password != null && !password.isEmpty()) {
            conf.set(PipelineOptions.OPENSEARCH_PASSWORD, password);
        }
        if (conf.get(PipelineOptions.OPENSEARCH_USERNAME) != null
                && conf.get(PipelineOptions.OPENSEARCH_PASSWORD) == null) {
            throw new IllegalArgumentException(
                    "callqa-job: OpenSearch user "
                            + conf.get(PipelineOptions.OPENSEARCH_USERNAME)
                            + " needs a password: set "
                            + PASSWORD_ENV
                            + " in the environment of flink run");
        }
        return conf;
    }

    /** How to reach the first OpenSearch host of {@code conf}, for the index templates. */
    static OpenSearchAccess access(Configuration conf) {
        List<String> hosts = conf.get(PipelineOptions.OPENSEARCH_HOSTS);
        String first = hosts.get(0).split(",")[0].strip();
        String trust = conf.get(PipelineOptions.OPENSEARCH_TLS_TRUSTSTORE);
        return new OpenSearchAccess(
                URI.create(first),
                conf.get(PipelineOptions.OPENSEARCH_USERNAME),
                conf.get(PipelineOptions.OPENSEARCH_PASSWORD),
                trust == null ? null : Path.of(trust));
    }

    /**
     * The job the arguments describe, with sinks built from {@code conf}.
     *
     * @throws IllegalArgumentException if the webhook is refused
     */
    static CallqaJob job(Arguments a, Configuration conf, Map<String, String> env) {
        List<CallqaJob.Input> inputs = new ArrayList<>();
        if (a.input() != null) {
            inputs.add(
                    new CallqaJob.Input(
                            "recorded calls",
                            CallFiles.transcripts(
                                    new org.apache.flink.core.fs.Path(a.input()), a.watch())));
        }
        if (a.kafka() != null && (!a.live() || a.transcriptsTopic() != null)) {
            inputs.add(
                    new CallqaJob.Input(
                            "transcripts topic",
                            TranscriptTopic.source(
                                    a.kafka(),
                                    a.transcriptsTopic() == null
                                            ? TranscriptTopic.DEFAULT_TOPIC
                                            : a.transcriptsTopic(),
                                    false)));
        }
        CallqaJob job = CallqaJob.production(inputs, conf).withRecordingModel(a.model());
        if (a.webhook() != null) {
            WebhookSink hook;
            try {
                hook =
                        WebhookSink.builder()
                                .setUrl(a.webhook())
                                .setAllowHttp(a.webhookAllowHttp())
                                .setSecret(env.get(WEBHOOK_SECRET_ENV))
                                .build();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalArgumentException(
                        "callqa-job: --webhook: "
                                + e.getMessage()
                                + " (the secret comes from "
                                + WEBHOOK_SECRET_ENV
                                + ")",
                        e);
            }
            job = job.withAlertSink(new CallqaJob.AlertSink("alert webhook", hook));
        }
        if (a.live()) {
            job = job.withLiveCalls(a.kafka(), a.model(), conf);
        }
        return job;
    }

    /** The public {@link ConfigOption} constants of {@link PipelineOptions}. */
    static List<ConfigOption<?>> pipelineOptions() {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field f : PipelineOptions.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                try {
                    options.add((ConfigOption<?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return options;
    }

    private static <T> void copy(ConfigOption<T> option, ReadableConfig from, Configuration to) {
        from.getOptional(option).ifPresent(v -> to.set(option, v));
    }
}
