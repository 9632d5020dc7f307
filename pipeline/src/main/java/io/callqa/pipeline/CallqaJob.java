package io.callqa.pipeline;

import io.callqa.pipeline.analysis.DeadLetter;
import io.callqa.pipeline.analysis.TranscriptAnalysis;
import io.callqa.pipeline.document.CallDocument;
import io.callqa.pipeline.source.CallFile;
import io.callqa.pipeline.source.CallFiles;
import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.Path;
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
    private final Source<CallFile, ?, ?> calls;
    private final Sink<CallDocument> documents;
    private final Sink<DeadLetter> deadLetters;

    /**
     * @param calls the recorded calls to analyse
     * @param documents where call documents go ({@code callqa-calls})
     * @param deadLetters where rejected inputs go ({@code callqa-errors})
     */
    public CallqaJob(
            Source<CallFile, ?, ?> calls,
            Sink<CallDocument> documents,
            Sink<DeadLetter> deadLetters) {
        this.calls = calls;
        this.documents = documents;
        this.deadLetters = deadLetters;
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
        return new CallqaJob(
                CallFiles.transcripts(inputDir, watchEvery),
                PipelineOptions.<CallDocument>openSearchSink(config)
                        .setDocumentConverter(CallqaIndices.calls())
                        .build(),
                PipelineOptions.<DeadLetter>openSearchSink(config)
                        .setDocumentConverter(CallqaIndices.errors())
                        .build());
    }

    /** Builds the job graph on {@code env} without running it. */
    public void build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<CallDocument> analysed =
                env.fromSource(calls, WatermarkStrategy.noWatermarks(), "recorded calls")
                        .uid("recorded-calls")
                        .process(new TranscriptAnalysis())
                        .name("analyse transcript")
                        .uid("analyse-transcript");
        analysed.sinkTo(documents).name("call documents").uid("call-documents");
        analysed.getSideOutput(TranscriptAnalysis.DEAD_LETTERS)
                .sinkTo(deadLetters)
                .name("dead letters")
                .uid("dead-letters");
    }

    /** Builds and runs the job on {@code env}; returns when a bounded input is done. */
    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.execute("callqa");
    }
}
