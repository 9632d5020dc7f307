package io.callqa.pipeline.analysis;

import java.io.Serializable;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.api.common.accumulators.DoubleCounter;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * What one subtask of the analysing operator counts. Flink adds the subtasks' counts up and ships
 * them to the job manager, where {@code io.callqa.pipeline.BatchProgress} reads them by name.
 */
public final class BatchCounters {
    /** Files done, analysed or rejected. */
    public static final String FILES_DONE = "callqa-files-done";

    /** Seconds of call audio analysed. */
    public static final String AUDIO_SECONDS = "callqa-audio-seconds";

    /** Inputs, or parts of them, sent to the dead letters. */
    public static final String ERRORS = "callqa-errors";

    private final LongCounter files;
    private final DoubleCounter audioSeconds;
    private final LongCounter errors;

    private BatchCounters(LongCounter files, DoubleCounter audioSeconds, LongCounter errors) {
        this.files = files;
        this.audioSeconds = audioSeconds;
        this.errors = errors;
    }

    /**
     * The counters of the operator whose runtime context this is, registered now; shared if another
     * operator in the same task registered them first.
     */
    public static BatchCounters register(RuntimeContext context) {
        return new BatchCounters(
                accumulator(context, FILES_DONE, new LongCounter()),
                accumulator(context, AUDIO_SECONDS, new DoubleCounter()),
                accumulator(context, ERRORS, new LongCounter()));
    }

    @SuppressWarnings("unchecked")
    private static <V, R extends Serializable, A extends Accumulator<V, R>> A accumulator(
            RuntimeContext context, String name, A fresh) {
        Accumulator<V, R> existing = context.getAccumulator(name);
        if (existing != null) {
            return (A) existing;
        }
        context.addAccumulator(name, fresh);
        return fresh;
    }

    /** A file is done: its call analysed, lasting {@code audioSeconds}, or it was rejected. */
    public void fileDone(double seconds) {
        files.add(1L);
        if (seconds > 0) {
            audioSeconds.add(seconds);
        }
    }

    /** An input, or part of one, went to the dead letters. */
    public void error() {
        errors.add(1L);
    }
}
