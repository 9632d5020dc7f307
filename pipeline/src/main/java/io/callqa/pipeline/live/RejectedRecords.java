package io.callqa.pipeline.live;

import io.callqa.pipeline.analysis.DeadLetter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sends the live records that could not be read to the dead letters, with their reason and source,
 * and passes the rest on.
 */
public class RejectedRecords extends ProcessFunction<LiveInput, LiveInput> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(LiveInput in, Context ctx, Collector<LiveInput> out) {
        if (in.rejected != null) {
            ctx.output(DeadLetter.OUTPUT, in.rejected);
        } else {
            out.collect(in);
        }
    }
}
