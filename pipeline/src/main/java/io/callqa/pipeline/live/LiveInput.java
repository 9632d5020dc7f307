package io.callqa.pipeline.live;

import io.callqa.pipeline.analysis.DeadLetter;

/**
 * One record of the live topics: a call event, an audio chunk, a finalized utterance, or a record
 * that could not be read (with the reason, bound for the dead letters). The topics are merged into
 * one stream keyed by call id, so that one keyed operator sees everything about a call in arrival
 * order.
 */
public class LiveInput {
    /** Set for call events, else null. */
    public CallEvent event;

    /** Set for audio chunks, else null. */
    public AudioChunk chunk;

    /** Set for utterances finalized by the caller's recognizer, else null. */
    public LiveUtterance utterance;

    /** Set for records that could not be read, else null. */
    public DeadLetter rejected;

    /** For Flink's POJO serializer. */
    public LiveInput() {}

    /** Wraps a call event. */
    public static LiveInput of(CallEvent event) {
        LiveInput in = new LiveInput();
        in.event = event;
        return in;
    }

    /** Wraps an audio chunk. */
    public static LiveInput of(AudioChunk chunk) {
        LiveInput in = new LiveInput();
        in.chunk = chunk;
        return in;
    }

    /** Wraps a finalized utterance. */
    public static LiveInput of(LiveUtterance utterance) {
        LiveInput in = new LiveInput();
        in.utterance = utterance;
        return in;
    }

    /** A record that could not be read. */
    public static LiveInput rejected(DeadLetter reason) {
        LiveInput in = new LiveInput();
        in.rejected = reason;
        return in;
    }

    /** The call id, the key of the live stream. */
    public String callId() {
        if (event != null) {
            return event.callId;
        }
        if (chunk != null) {
            return chunk.callId;
        }
        if (utterance != null) {
            return utterance.callId;
        }
        return rejected.callId == null ? "" : rejected.callId;
    }
}
