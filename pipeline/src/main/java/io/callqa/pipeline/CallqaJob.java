package io.callqa.pipeline;

import io.callqa.pipeline.analysis.DeadLetter;
import io.callqa.pipeline.analysis.TranscriptAnalysis;
import io.callqa.pipeline.document.AlertDocument;
import io.callqa.pipeline.document.CallDocument;
import io.callqa.pipeline.source.CallFiles;
import io.callqa.pipeline.source.CallInput;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The callqa job, wired from the source and sinks it is given: production sources and sinks in
 * {@code callqa run} and {@code callqa demo}, test ones in integration tests.
 *
 * <p>Recorded calls flow from the source through analysis into the calls sink; inputs that cannot
 * be analysed flow into the dead-letter sink with their reason.
 */
public final class CallqaJob {
    private final List<Input> inputs;
    private final Sink<CallDocument> documents;
    private final Sink<DeadLetter> deadLetters;
    private final Sink<AlertDocument> alerts;

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
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("the job needs at least one input");
        }
        this.inputs = List.copyOf(inputs);
        this.documents = documents;
        this.deadLetters = deadLetters;
        this.alerts = alerts;
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
                        .build());
    }

    /** Builds the job graph on {@code env} without running it. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<CallInput> calls = null;
        for (Input in : inputs) {
            DataStream<CallInput> s =
                    env.fromSource(in.source(), WatermarkStrategy.noWatermarks(), in.name())
                            .uid(in.name().replaceAll("[^A-Za-z0-9]+", "-"));
            calls = calls == null ? s : calls.union(s);
        }
        SingleOutputStreamOperator<CallDocument> analysed =
                calls.process(new TranscriptAnalysis())
                        .name("analyse transcript")
                        .uid("analyse-transcript");
        analysed.sinkTo(documents).name("call documents").uid("call-documents");
        analysed.getSideOutput(TranscriptAnalysis.DEAD_LETTERS)
                .sinkTo(deadLetters)
                .name("dead letters")
                .uid("dead-letters");
        analysed.getSideOutput(TranscriptAnalysis.ALERTS)
                .sinkTo(alerts)
                .name("alerts")
                .uid("alerts");
    }

    /** Builds and runs the job on {@code env}; returns when a bounded input is done. */
    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.execute("callqa");
    }
}
