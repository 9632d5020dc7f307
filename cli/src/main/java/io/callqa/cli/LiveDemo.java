package io.callqa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.AlertFields;
import io.callqa.analysis.document.AssistFields;
import io.callqa.analysis.document.CallFields;
import io.callqa.analysis.document.IndexNames;
import io.callqa.pipeline.CallqaJob;
import io.callqa.pipeline.PipelineOptions;
import io.callqa.pipeline.live.CallReplayer;
import io.callqa.pipeline.live.LiveTopics;
import io.callqa.servers.LocalKafka;
import io.callqa.servers.ServerDistributions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The live half of {@code callqa demo --live}: a Kafka (a local one unless given), the live job on
 * a local Flink, and the sample calls replayed as live calls under ids ending in {@value
 * #ID_SUFFIX}, so that a newcomer sees live alerts arrive without setting anything up.
 */
final class LiveDemo implements AutoCloseable {

    /** Appended to the samples' call ids, so the live calls sit beside the recorded ones. */
    static final String ID_SUFFIX = "-live";

    private static final Duration AWAIT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalKafka localKafka;
    private final JobClient job;
    private final Thread replay;
    private final List<String> callIds;
    private final URI opensearch;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile Throwable replayFailure;

    private LiveDemo(
            LocalKafka localKafka,
            JobClient job,
            List<CallReplayer.Call> calls,
            String bootstrap,
            double speed,
            URI opensearch) {
        this.localKafka = localKafka;
        this.job = job;
        this.opensearch = opensearch;
        this.callIds = calls.stream().map(CallReplayer.Call::callId).toList();
        this.replay =
                new Thread(
                        () -> {
                            try (CallReplayer replayer = new CallReplayer(bootstrap, speed)) {
                                replayer.play(calls);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } catch (Throwable t) {
                                replayFailure = t;
                            }
                        },
                        "callqa-demo-replay");
        replay.setDaemon(true);
    }

    /**
     * Starts Kafka when {@code kafka} is null, the live job into {@code opensearch}, and the replay
     * of the calls in {@code samples} at {@code speed} times real time.
     */
    static LiveDemo start(Path samples, URI opensearch, String kafka, double speed, PrintWriter out)
            throws Exception {
        List<CallReplayer.Call> calls = calls(samples);
        LocalKafka local = null;
        String bootstrap = kafka;
        if (bootstrap == null) {
            local = startLocalKafka(out);
            bootstrap = local.bootstrapServers();
        } else {
            KafkaEndpoint.require(bootstrap);
        }
        try {
            createTopics(bootstrap);
            Configuration conf = JobSettings.forOpenSearch(opensearch);
            // A demo shows alerts as they come: flush the sinks often rather than in bulk.
            conf.set(PipelineOptions.OPENSEARCH_BULK_FLUSH_INTERVAL, Duration.ofMillis(500));
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(2, conf);
            CallqaJob.liveCalls(bootstrap, null, conf).build(env);
            JobClient job = env.executeAsync("callqa live demo");
            LiveDemo demo = new LiveDemo(local, job, calls, bootstrap, speed, opensearch);
            out.printf(
                    "Replaying %d sample call(s) as live calls (ids ending in %s) at %sx through"
                            + " Kafka %s: open the console's Live alerts page (the floor user) to"
                            + " see alerts arrive while the calls go on, and Live calls for each"
                            + " call's agent view with its suggestions.%n",
                    calls.size(), ID_SUFFIX, speed, bootstrap);
            out.flush();
            demo.replay.start();
            return demo;
        } catch (Exception | Error e) {
            if (local != null) {
                local.close();
            }
            throw e;
        }
    }

    /**
     * Waits until the replay has ended and every live call is indexed, then says how many alerts
     * were raised while the calls were live.
     */
    void awaitCalls(PrintWriter out) throws Exception {
        replay.join(AWAIT.toMillis());
        if (replayFailure != null) {
            throw CallqaException.unreachable(
                    "the replay of the live calls failed: " + replayFailure.getMessage(),
                    replayFailure);
        }
        long deadline = System.nanoTime() + AWAIT.toNanos();
        long indexed = 0;
        while (System.nanoTime() < deadline) {
            indexed = count(IndexNames.CALLS, callsQuery(false));
            if (indexed >= callIds.size()) {
                break;
            }
            Thread.sleep(1000);
        }
        if (indexed < callIds.size()) {
            throw CallqaException.unreachable(
                    "only "
                            + indexed
                            + " of the "
                            + callIds.size()
                            + " live calls were indexed within "
                            + AWAIT.toMinutes()
                            + " min; see the job's log",
                    null);
        }
        long alerts = count(IndexNames.ALERTS_ALL, callsQuery(true));
        ObjectNode suggestions = callsQuery(false);
        ((ArrayNode) suggestions.at("/query/bool/filter"))
                .addObject()
                .putObject("term")
                .put(AssistFields.TYPE.path(), AssistFields.SUGGESTED);
        long suggested = count(IndexNames.ASSIST_ALL, suggestions);
        out.printf(
                "%d live call(s) indexed; %d alert(s) raised while the calls were live; %d"
                        + " suggestion(s) shown to their agents.%n",
                indexed, alerts, suggested);
        out.flush();
    }

    @Override
    public void close() {
        replay.interrupt();
        try {
            job.cancel().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Already finished or failed: nothing left to cancel.
        }
        if (localKafka != null) {
            localKafka.close();
        }
    }

    private static List<CallReplayer.Call> calls(Path samples) throws IOException {
        List<CallReplayer.Call> calls = new ArrayList<>();
        try (Stream<Path> files = Files.list(samples)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                CallReplayer.Call c;
                try {
                    c = CallReplayer.of(f, null);
                } catch (IOException e) {
                    throw CallqaException.badInput(
                            f + ": not a readable sidecar (" + e.getMessage() + ")");
                }
                if (Files.isRegularFile(c.wav())) {
                    calls.add(CallReplayer.of(f, c.callId() + ID_SUFFIX));
                }
            }
        }
        if (calls.isEmpty()) {
            throw CallqaException.badInput(
                    samples + ": no sidecar transcript with its recording beside it to replay");
        }
        return calls;
    }

    private static LocalKafka startLocalKafka(PrintWriter out) {
        ServerDistributions dists;
        try {
            dists = ServerDistributions.locate();
        } catch (RuntimeException e) {
            throw CallqaException.unreachable(e.getMessage(), e);
        }
        out.printf("Starting a local Kafka %s (takes about 10 s)...%n", dists.kafkaVersion());
        out.flush();
        try {
            LocalKafka kafka = LocalKafka.builder().libs(dists.kafkaLibs()).start();
            // Ctrl+C ends the demo through the shutdown hook; the broker must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-kafka"));
            out.printf(
                    "Kafka %s is up at %s (%.1f s).%n",
                    kafka.version(),
                    kafka.bootstrapServers(),
                    kafka.startupTime().toMillis() / 1000.0);
            return kafka;
        } catch (RuntimeException e) {
            throw CallqaException.unreachable(
                    "could not start a local Kafka: " + e.getMessage(), e);
        }
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            for (String topic :
                    List.of(
                            LiveTopics.CALL_EVENTS,
                            LiveTopics.AUDIO,
                            LiveTopics.UTTERANCES,
                            LiveTopics.ALERTS,
                            LiveTopics.ASSIST,
                            LiveTopics.ERRORS)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The demo's live calls, or (with {@code liveAlerts}) the alerts they raised while live. */
    private ObjectNode callsQuery(boolean liveAlerts) {
        ObjectNode q = JSON.createObjectNode();
        ArrayNode filter = q.putObject("query").putObject("bool").putArray("filter");
        ArrayNode ids = filter.addObject().putObject("terms").putArray(CallFields.CALL_ID.path());
        callIds.forEach(ids::add);
        if (liveAlerts) {
            filter.addObject().putObject("exists").put("field", AlertFields.LIVE_RAISED_AT.path());
        }
        return q;
    }

    private long count(String index, ObjectNode query) throws IOException, InterruptedException {
        http.send(
                HttpRequest.newBuilder(URI.create(opensearch + "/" + index + "/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                opensearch
                                                        + "/"
                                                        + index
                                                        + "/_count?ignore_unavailable=true"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(query.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return 0;
        }
        return JSON.readTree(r.body()).path("count").asLong();
    }
}
