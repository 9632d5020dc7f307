package io.callqa.pipeline.live;

import io.callqa.pipeline.analysis.DeadLetter;
import io.callqa.pipeline.analysis.RecordFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Puts each live call's audio back in order, keyed by call id.
 *
 * <p>It emits a start record when the call's start event arrives, then the call's audio and the
 * utterances the caller's recognizer finalized, then a closing record.
 *
 * <p>Chunks arrive per channel with sequence numbers, possibly reordered or repeated (Kafka
 * delivers at least once). The sequencer emits each channel's chunks exactly once and in order,
 * holding early ones until the missing one arrives; if too many pile up, the missing chunks are
 * declared lost (reported to the dead letters, so an auditor sees the gap) and the stream moves on.
 * Audio may precede its call's start event; audio whose call never starts is rejected after a grace
 * period. A call ends with its end event, or when nothing arrived for the idle timeout; then
 * everything held is flushed, a closing record is emitted and all of the call's state is cleared,
 * so no call's state outlives the call.
 *
 * <p>Each record is isolated ({@link RecordFailure}): one whose handling fails is reported and
 * dropped, and the call goes on; a call whose closing fails is reported, closed with what was
 * emitted so far, and cleared.
 */
public class AudioSequencer extends KeyedProcessFunction<String, LiveInput, LiveAudio> {
    private static final long serialVersionUID = 1L;

    static final String STAGE = "live-audio";

    private final LiveCallSettings settings;

    private transient ValueState<CallMeta> meta;
    private transient MapState<String, Long> nextSeq;
    private transient MapState<String, AudioChunk> pending;
    private transient ValueState<Long> timer;
    private transient ListState<LiveUtterance> early;
    private transient Counter duplicates;

    /** A sequencer with the given tolerances. */
    public AudioSequencer(LiveCallSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        meta = getRuntimeContext().getState(new ValueStateDescriptor<>("meta", CallMeta.class));
        nextSeq =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("next-seq", String.class, Long.class));
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending", String.class, AudioChunk.class));
        timer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Long.class));
        early =
                getRuntimeContext()
                        .getListState(new ListStateDescriptor<>("early", LiveUtterance.class));
        duplicates = getRuntimeContext().getMetricGroup().counter("liveDuplicateChunks");
    }

    @Override
    public void processElement(LiveInput in, Context ctx, Collector<LiveAudio> out)
            throws Exception {
        try {
            if (in.event != null) {
                onEvent(in.event, ctx, out);
            } else if (in.chunk != null) {
                onChunk(in.chunk, ctx, out);
            } else if (in.utterance != null) {
                onUtterance(in.utterance, ctx, out);
            }
        } catch (Throwable t) {
            RecordFailure.rethrowIfFatal(t);
            String source =
                    in.event != null
                            ? in.event.source
                            : in.chunk != null ? in.chunk.source : in.utterance.source;
            ctx.output(
                    DeadLetter.OUTPUT,
                    new DeadLetter(
                            source,
                            STAGE,
                            "call "
                                    + ctx.getCurrentKey()
                                    + ": the record could not be sequenced and was dropped; the"
                                    + " call goes on: "
                                    + RecordFailure.describe(t),
                            ctx.getCurrentKey(),
                            ctx.timerService().currentProcessingTime()));
        }
    }

    private void onEvent(CallEvent e, Context ctx, Collector<LiveAudio> out) throws Exception {
        if (CallEvent.STARTED.equals(e.type)) {
            if (meta.value() != null) {
                // A repeated start event (the topic delivers at least once) changes nothing.
                return;
            }
            meta.update(new CallMeta(e.metadata, e.atMillis));
            out.collect(LiveAudio.started(e.callId, e.atMillis, e.metadata));
            // Audio and utterances that came before the start event can flow now, audio first
            // so that it covers the utterances.
            for (String channel : channelsWithPending()) {
                drain(channel, ctx, out);
            }
            for (LiveUtterance u : early.get()) {
                out.collect(LiveAudio.utterance(u));
            }
            early.clear();
            resetTimer(ctx, settings.idleTimeout().toMillis());
        } else if (CallEvent.ENDED.equals(e.type)) {
            if (meta.value() == null) {
                // An end without a start: whatever audio is held belongs to an unknown call.
                rejectUnknownCall(ctx, e.callId);
            } else if (!meta.value().ended) {
                // Close a little later: records sent before the end may still be on their way.
                CallMeta m = meta.value();
                m.ended = true;
                meta.update(m);
                resetTimer(ctx, settings.endGrace().toMillis());
            }
        }
    }

    private void onChunk(AudioChunk c, Context ctx, Collector<LiveAudio> out) throws Exception {
        long expected = nextSeqOf(c.channel);
        String key = key(c.channel, c.seq);
        if (c.seq < expected || pending.contains(key)) {
            duplicates.inc();
            return;
        }
        pending.put(key, c);
        if (meta.value() == null) {
            // Early audio: wait for the start event, but not forever.
            if (timer.value() == null) {
                resetTimer(ctx, settings.unknownCallGrace().toMillis());
            }
            return;
        }
        drain(c.channel, ctx, out);
        if (pendingCount(c.channel) > settings.maxPendingChunks()) {
            skipGap(c.channel, ctx);
            drain(c.channel, ctx, out);
        }
        keepAlive(ctx);
    }

    private void onUtterance(LiveUtterance u, Context ctx, Collector<LiveAudio> out)
            throws Exception {
        if (meta.value() == null) {
            early.add(u);
            if (timer.value() == null) {
                resetTimer(ctx, settings.unknownCallGrace().toMillis());
            }
            return;
        }
        out.collect(LiveAudio.utterance(u));
        keepAlive(ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LiveAudio> out)
            throws Exception {
        CallMeta m = meta.value();
        try {
            if (m == null) {
                rejectUnknownCall(ctx, ctx.getCurrentKey());
            } else {
                close(ctx, out, m.ended ? "ended" : "idle");
            }
        } catch (Throwable t) {
            RecordFailure.rethrowIfFatal(t);
            ctx.output(
                    DeadLetter.OUTPUT,
                    new DeadLetter(
                            "kafka:" + LiveTopics.AUDIO + "/" + ctx.getCurrentKey(),
                            STAGE,
                            "call "
                                    + ctx.getCurrentKey()
                                    + ": closing it failed; it is closed with the audio sent on"
                                    + " so far: "
                                    + RecordFailure.describe(t),
                            ctx.getCurrentKey(),
                            ctx.timerService().currentProcessingTime()));
            if (m != null) {
                out.collect(LiveAudio.closed(ctx.getCurrentKey(), "failed", m.metadata));
            }
            clear(ctx);
        }
    }

    /** Emits the channel's chunks from the next expected one while they are consecutive. */
    private void drain(String channel, Context ctx, Collector<LiveAudio> out) throws Exception {
        long seq = nextSeqOf(channel);
        AudioChunk c;
        while ((c = pending.get(key(channel, seq))) != null) {
            pending.remove(key(channel, seq));
            out.collect(LiveAudio.audio(c));
            seq++;
        }
        nextSeq.put(channel, seq);
    }

    /** Declares the chunks before the lowest held one lost, and reports them. */
    private void skipGap(String channel, Context ctx) throws Exception {
        long from = nextSeqOf(channel);
        long lowest = Long.MAX_VALUE;
        AudioChunk sample = null;
        for (AudioChunk c : pending.values()) {
            if (c.channel.equals(channel) && c.seq < lowest) {
                lowest = c.seq;
                sample = c;
            }
        }
        if (sample == null) {
            return;
        }
        long missing = lowest - from;
        ctx.output(
                DeadLetter.OUTPUT,
                new DeadLetter(
                        sample.source,
                        STAGE,
                        String.format(
                                Locale.ROOT,
                                "call %s, %s channel: chunk%s %d%s never arrived (%d missing,"
                                        + " about %.1f s of audio); continuing at chunk %d",
                                sample.callId,
                                channel,
                                missing > 1 ? "s" : "",
                                from,
                                missing > 1 ? ".." + (lowest - 1) : "",
                                missing,
                                missing * sample.seconds(),
                                lowest),
                        sample.callId,
                        ctx.timerService().currentProcessingTime()));
        nextSeq.put(channel, lowest);
    }

    private void close(Context ctx, Collector<LiveAudio> out, String closedBy) throws Exception {
        for (String channel : channelsWithPending()) {
            drain(channel, ctx, out);
            while (pendingCount(channel) > 0) {
                skipGap(channel, ctx);
                drain(channel, ctx, out);
            }
        }
        CallMeta m = meta.value();
        out.collect(LiveAudio.closed(ctx.getCurrentKey(), closedBy, m.metadata));
        clear(ctx);
    }

    private void rejectUnknownCall(Context ctx, String callId) throws Exception {
        List<AudioChunk> held = new ArrayList<>();
        pending.values().forEach(held::add);
        List<LiveUtterance> words = new ArrayList<>();
        early.get().forEach(words::add);
        if (!held.isEmpty() || !words.isEmpty()) {
            double seconds = held.stream().mapToDouble(AudioChunk::seconds).sum();
            ctx.output(
                    DeadLetter.OUTPUT,
                    new DeadLetter(
                            held.isEmpty() ? words.get(0).source : held.get(0).source,
                            STAGE,
                            String.format(
                                    Locale.ROOT,
                                    "unknown call id %s: %d audio chunk(s), %.1f s, and %d"
                                            + " utterance(s) arrived without a call-started"
                                            + " event on callqa.call-events within %d s (or"
                                            + " after the call had ended)",
                                    callId,
                                    held.size(),
                                    seconds,
                                    words.size(),
                                    settings.unknownCallGrace().toSeconds()),
                            callId,
                            ctx.timerService().currentProcessingTime()));
        }
        clear(ctx);
    }

    private void clear(Context ctx) throws Exception {
        Long t = timer.value();
        if (t != null) {
            ctx.timerService().deleteProcessingTimeTimer(t);
        }
        meta.clear();
        nextSeq.clear();
        pending.clear();
        timer.clear();
        early.clear();
    }

    /** Pushes the idle timeout back, unless the call has ended and is only waiting to close. */
    private void keepAlive(Context ctx) throws Exception {
        if (!meta.value().ended) {
            resetTimer(ctx, settings.idleTimeout().toMillis());
        }
    }

    private void resetTimer(Context ctx, long afterMillis) throws Exception {
        Long old = timer.value();
        if (old != null) {
            ctx.timerService().deleteProcessingTimeTimer(old);
        }
        long at = ctx.timerService().currentProcessingTime() + afterMillis;
        ctx.timerService().registerProcessingTimeTimer(at);
        timer.update(at);
    }

    private long nextSeqOf(String channel) throws Exception {
        Long n = nextSeq.get(channel);
        return n == null ? 0 : n;
    }

    private int pendingCount(String channel) throws Exception {
        int n = 0;
        for (String k : pending.keys()) {
            if (k.startsWith(channel + "#")) {
                n++;
            }
        }
        return n;
    }

    private List<String> channelsWithPending() throws Exception {
        List<String> channels = new ArrayList<>();
        for (Map.Entry<String, AudioChunk> e : pending.entries()) {
            if (!channels.contains(e.getValue().channel)) {
                channels.add(e.getValue().channel);
            }
        }
        channels.sort(null);
        return channels;
    }

    private static String key(String channel, long seq) {
        return channel + "#" + seq;
    }
}
