package io.callqa.pipeline;

import io.callqa.analysis.document.AlertDocument;
import io.callqa.analysis.document.AssistDocument;
import io.callqa.analysis.document.CallDocument;
import io.callqa.pipeline.analysis.DeadLetter;
import io.callqa.pipeline.analysis.TranscriptAnalysis;
import io.callqa.pipeline.live.AudioSequencer;
import io.callqa.pipeline.live.LiveAudio;
import io.callqa.pipeline.live.LiveCallAnalysis;
import io.callqa.pipeline.live.LiveCallSettings;
import io.callqa.pipeline.live.LiveInput;
import io.callqa.pipeline.live.LiveTopics;
import io.callqa.pipeline.live.RejectedRecords;
import io.callqa.pipeline.source.CallFiles;
import io.callqa.pipeline.source.CallInput;
import io.callqa.rules.transcript.TranscriptReader;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The callqa job, wired from the source and sinks it is given: production sources and sinks in
 * {@code callqa run} and {@code callqa demo}, test ones in integration tests.
 *
 * <p>Recorded calls flow from their sources through analysis into the calls sink. Live calls flow
 * from the live topics through the {@link AudioSequencer} (order, duplicates, idle calls) into
 * {@link LiveCallAnalysis}, which raises alerts while the call goes on and writes the call's
 * document when it ends. Alerts of both go to every alert sink; the agent-assist steps live calls
 * suggest and withdraw go to every assist sink; inputs that cannot be analysed flow into the
 * dead-letter sink with their reason.
 */
public final class CallqaJob {
    private final List<Input> inputs;
    private final Sink<CallDocument> documents;
    private final Sink<DeadLetter> deadLetters;
    private final Sink<AlertDocument> alerts;
    private final Live live;
    private final List<AlertSink> moreAlertSinks;
    private final List<DeadLetterSink> moreDeadLetterSinks;
    private List<AssistSink> assistSinks = List.of();
    private String recordingModelDir;
    private TranscriptReader.Limits limits = TranscriptReader.Limits.DEFAULTS;

    /**
     * The live input: the merged live topics, how imperfect streams are treated, and the Vosk model
     * that transcribes the audio (null when the words come on {@code callqa.utterances}).
     */
    public record Live(
            Source<LiveInput, ?, ?> source, LiveCallSettings settings, String modelDir) {}

    /** A further destination for alerts (the alert topic, a webhook), with its operator name. */
    public record AlertSink(String name, Sink<AlertDocument> sink) {}

    /**
     * A destination for live agent-assist events (the assist index, the assist topic), with its
     * operator name.
     */
    public record AssistSink(String name, Sink<AssistDocument> sink) {}

    /** A further destination for dead letters (the errors topic), with its operator name. */
    public record DeadLetterSink(String name, Sink<DeadLetter> sink) {}

    /**
     * A named source of calls; the name becomes the operator's name, and its uid is derived from
     * it, so keep names stable across versions for savepoint compatibility.
     */
    public record Input(String name, Source<CallInput, ?, ?> source) {}

    /**
     * @param inputs where calls come from: directories, topics; at least one
     * @param documents where call documents go ({@code callqa-calls})
     * @param deadLetters where rejected inputs go ({@code callqa-errors})
     * @param alerts where the alerts calls raised go ({@code callqa-alerts})
     */
    public CallqaJob(
            List<Input> inputs,
            Sink<CallDocument> documents,
            Sink<DeadLetter> deadLetters,
            Sink<AlertDocument> alerts) {
        this(inputs, documents, deadLetters, alerts, null, List.of(), List.of());
    }

    private CallqaJob(
            List<Input> inputs,
            Sink<CallDocument> documents,
            Sink<DeadLetter> deadLetters,
            Sink<AlertDocument> alerts,
            Live live,
            List<AlertSink> moreAlertSinks,
            List<DeadLetterSink> moreDeadLetterSinks) {
        this.inputs = List.copyOf(inputs);
        this.documents = documents;
        this.deadLetters = deadLetters;
        this.alerts = alerts;
        this.live = live;
        this.moreAlertSinks = List.copyOf(moreAlertSinks);
        this.moreDeadLetterSinks = List.copyOf(moreDeadLetterSinks);
    }

    /** This job, also analysing the live calls of {@code live}. */
    public CallqaJob withLive(Live live) {
        return copy(live, moreAlertSinks, moreDeadLetterSinks, recordingModelDir);
    }

    /** This job, also sending every alert to {@code sink}. */
    public CallqaJob withAlertSink(AlertSink sink) {
        List<AlertSink> more = new java.util.ArrayList<>(moreAlertSinks);
        more.add(sink);
        return copy(live, more, moreDeadLetterSinks, recordingModelDir);
    }

    /** This job, also sending every dead letter to {@code sink}. */
    public CallqaJob withDeadLetterSink(DeadLetterSink sink) {
        List<DeadLetterSink> more = new java.util.ArrayList<>(moreDeadLetterSinks);
        more.add(sink);
        return copy(live, moreAlertSinks, more, recordingModelDir);
    }

    /** This job, also sending the agent-assist events of live calls to {@code sink}. */
    public CallqaJob withAssistSink(AssistSink sink) {
        CallqaJob job = copy(live, moreAlertSinks, moreDeadLetterSinks, recordingModelDir);
        List<AssistSink> more = new java.util.ArrayList<>(assistSinks);
        more.add(sink);
        job.assistSinks = List.copyOf(more);
        return job;
    }

    /**
     * This job, transcribing recorded calls that come without a transcript with the Vosk model in
     * {@code modelDir} (instead of reporting them).
     */
    public CallqaJob withRecordingModel(String modelDir) {
        return copy(live, moreAlertSinks, moreDeadLetterSinks, modelDir);
    }

    /**
     * This job, rejecting transcripts, utterances and audio chunks beyond {@code limits} (see
     * {@link PipelineOptions#transcriptLimits}).
     */
    public CallqaJob withLimits(TranscriptReader.Limits limits) {
        CallqaJob job = copy(live, moreAlertSinks, moreDeadLetterSinks, recordingModelDir);
        job.limits = limits;
        return job;
    }

    private CallqaJob copy(
            Live live, List<AlertSink> alertSinks, List<DeadLetterSink> deadSinks, String model) {
        CallqaJob job =
                new CallqaJob(inputs, documents, deadLetters, alerts, live, alertSinks, deadSinks);
        job.recordingModelDir = model;
        job.limits = limits;
        job.assistSinks = assistSinks;
        return job;
    }

    /**
     * The production job over recorded calls in {@code inputDir}, indexing into the OpenSearch that
     * {@code config} names (see {@link PipelineOptions}).
     *
     * @param watchEvery {@code null} for a bounded run over the files present now, else how often
     *     to look for new files
     */
    public static CallqaJob recordedCalls(
            Path inputDir, Duration watchEvery, Configuration config) {
        return production(
                List.of(new Input("recorded calls", CallFiles.transcripts(inputDir, watchEvery))),
                config);
    }

    /**
     * The production job over live calls on the Kafka cluster at {@code bootstrapServers} (topics
     * in {@link LiveTopics}), indexing into the OpenSearch that {@code config} names and also
     * writing every alert to the alert topic. Runs until cancelled.
     *
     * @param modelDir the Vosk model that transcribes the audio, or null when the words come
     *     finalized on {@code callqa.utterances}
     */
    public static CallqaJob liveCalls(
            String bootstrapServers, String modelDir, Configuration config) {
        return production(List.of(), config).withLiveCalls(bootstrapServers, modelDir, config);
    }

    /**
     * This job, also analysing the live calls on the Kafka cluster at {@code bootstrapServers}
     * (topics in {@link LiveTopics}), writing every alert to the alert topic, every assist event to
     * the assist topic and every dead letter to the error topic as well.
     *
     * @param modelDir the Vosk model that transcribes the audio, or null when the words come
     *     finalized on {@code callqa.utterances}
     */
    public CallqaJob withLiveCalls(String bootstrapServers, String modelDir, Configuration config) {
        return withLive(
                        new Live(
                                LiveTopics.source(
                                        bootstrapServers,
                                        (int)
                                                config.get(PipelineOptions.LIVE_MAX_CHUNK_BYTES)
                                                        .getBytes(),
                                        PipelineOptions.transcriptLimits(config),
                                        false),
                                PipelineOptions.liveCallSettings(config),
                                modelDir))
                .withAlertSink(
                        new AlertSink(
                                "alert topic",
                                LiveTopics.alertSink(
                                        bootstrapServers,
                                        config.get(PipelineOptions.LIVE_ALERTS_TOPIC))))
                .withAssistSink(
                        new AssistSink(
                                "assist topic",
                                LiveTopics.assistSink(
                                        bootstrapServers,
                                        config.get(PipelineOptions.LIVE_ASSIST_TOPIC))))
                .withDeadLetterSink(
                        new DeadLetterSink(
                                "error topic",
                                LiveTopics.deadLetterSink(
                                        bootstrapServers,
                                        config.get(PipelineOptions.LIVE_ERRORS_TOPIC))));
    }

    /**
     * The production job over the given inputs, indexing into the OpenSearch that {@code config}
     * names (see {@link PipelineOptions}).
     */
    public static CallqaJob production(List<Input> inputs, Configuration config) {
        return new CallqaJob(
                        inputs,
                        PipelineOptions.<CallDocument>openSearchSink(config)
                                .setDocumentConverter(CallqaIndices.calls())
                                .build(),
                        PipelineOptions.<DeadLetter>openSearchSink(config)
                                .setDocumentConverter(CallqaIndices.errors())
                                .build(),
                        PipelineOptions.<AlertDocument>openSearchSink(config)
                                .setDocumentConverter(CallqaIndices.alerts())
                                .build())
                .withLimits(PipelineOptions.transcriptLimits(config))
                .withAssistSink(
                        new AssistSink(
                                "assist index",
                                PipelineOptions.<AssistDocument>openSearchSink(config)
                                        .setDocumentConverter(CallqaIndices.assist())
                                        .build()));
    }

    /** Builds the job graph on {@code env} without running it. */
    public void build(StreamExecutionEnvironment env) {
        if (inputs.isEmpty() && live == null) {
            throw new IllegalArgumentException(
                    "the job needs at least one input: recorded calls or live calls");
        }
        DataStream<CallDocument> docs = null;
        DataStream<DeadLetter> dead = null;
        DataStream<AlertDocument> raised = null;
        if (!inputs.isEmpty()) {
            DataStream<CallInput> calls = null;
            for (Input in : inputs) {
                DataStream<CallInput> s =
                        env.fromSource(in.source(), WatermarkStrategy.noWatermarks(), in.name())
                                .uid(in.name().replaceAll("[^A-Za-z0-9]+", "-"));
                calls = calls == null ? s : calls.union(s);
            }
            SingleOutputStreamOperator<CallDocument> analysed =
                    calls.process(new TranscriptAnalysis(recordingModelDir, limits))
                            .name("analyse transcript")
                            .uid("analyse-transcript");
            docs = analysed;
            dead = analysed.getSideOutput(TranscriptAnalysis.DEAD_LETTERS);
            raised = analysed.getSideOutput(TranscriptAnalysis.ALERTS);
        }
        if (live != null) {
            SingleOutputStreamOperator<LiveInput> read =
                    env.fromSource(live.source(), WatermarkStrategy.noWatermarks(), "live calls")
                            .uid("live-calls")
                            .process(new RejectedRecords())
                            .name("reject unreadable live records")
                            .uid("reject-unreadable-live-records");
            SingleOutputStreamOperator<LiveAudio> ordered =
                    read.keyBy(LiveInput::callId)
                            .process(new AudioSequencer(live.settings()))
                            .name("sequence live audio")
                            .uid("sequence-live-audio");
            // Same key, same subtask: no second shuffle between sequencing and analysis, so the
            // two chain and an utterance reaches the rules without a network hop.
            SingleOutputStreamOperator<CallDocument> analysed =
                    DataStreamUtils.reinterpretAsKeyedStream(ordered, (LiveAudio a) -> a.callId)
                            .process(
                                    new LiveCallAnalysis(
                                            live.modelDir(),
                                            live.settings().audioWait(),
                                            limits.maxUtterances()))
                            .name("analyse live call")
                            .uid("analyse-live-call");
            docs = docs == null ? analysed : docs.union(analysed);
            DataStream<DeadLetter> liveDead =
                    read.getSideOutput(DeadLetter.OUTPUT)
                            .union(
                                    ordered.getSideOutput(DeadLetter.OUTPUT),
                                    analysed.getSideOutput(DeadLetter.OUTPUT));
            dead = dead == null ? liveDead : dead.union(liveDead);
            DataStream<AlertDocument> liveAlerts = analysed.getSideOutput(LiveCallAnalysis.ALERTS);
            raised = raised == null ? liveAlerts : raised.union(liveAlerts);
            DataStream<AssistDocument> assist = analysed.getSideOutput(LiveCallAnalysis.ASSIST);
            for (AssistSink sink : assistSinks) {
                assist.sinkTo(sink.sink())
                        .name(sink.name())
                        .uid(sink.name().replaceAll("[^A-Za-z0-9]+", "-"));
            }
        }
        docs.sinkTo(documents).name("call documents").uid("call-documents");
        dead.sinkTo(deadLetters).name("dead letters").uid("dead-letters");
        raised.sinkTo(alerts).name("alerts").uid("alerts");
        for (DeadLetterSink more : moreDeadLetterSinks) {
            dead.sinkTo(more.sink())
                    .name(more.name())
                    .uid(more.name().replaceAll("[^A-Za-z0-9]+", "-"));
        }
        for (AlertSink more : moreAlertSinks) {
            raised.sinkTo(more.sink())
                    .name(more.name())
                    .uid(more.name().replaceAll("[^A-Za-z0-9]+", "-"));
        }
    }

    /** Builds and runs the job on {@code env}; returns when a bounded input is done. */
    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.execute("callqa");
    }
}
