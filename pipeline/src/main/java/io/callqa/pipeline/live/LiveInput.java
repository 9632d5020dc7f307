package io.callqa.pipeline.live;

/**
 * Either a call event or an audio chunk: the two live topics merged into one stream keyed by call
 * id, so that one keyed operator sees everything about a call in arrival order.
 */
public class LiveInput {
    /** Set for call events, else null. */
    public CallEvent event;

    /** Set for audio chunks, else null. */
    public AudioChunk chunk;

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

    /** The call id, the key of the live stream. */
    public String callId() {
        return event != null ? event.callId : chunk.callId;
    }
}
