package io.callqa.pipeline.live;

import java.util.HashMap;
import java.util.Map;

/**
 * What the sequencer emits for a call: its audio chunks in order per channel, then one closing
 * record. Transcription and analysis consume this in order.
 */
public class LiveAudio {
    /** Kind of an in-order audio chunk. */
    public static final String AUDIO = "audio";

    /** Kind of the last record of a call. */
    public static final String CLOSED = "closed";

    /** {@link #AUDIO} or {@link #CLOSED}. */
    public String kind;

    /** The call. */
    public String callId;

    /** For {@link #AUDIO}: the chunk, in sequence order for its channel. */
    public AudioChunk chunk;

    /** For {@link #CLOSED}: {@code ended} (end event) or {@code idle} (no audio for a while). */
    public String closedBy;

    /** For {@link #CLOSED}: the call's metadata from its start event. */
    public Map<String, String> metadata = new HashMap<>();

    /** For Flink's POJO serializer. */
    public LiveAudio() {}

    /** An in-order audio chunk. */
    public static LiveAudio audio(AudioChunk chunk) {
        LiveAudio a = new LiveAudio();
        a.kind = AUDIO;
        a.callId = chunk.callId;
        a.chunk = chunk;
        return a;
    }

    /** The end of a call. */
    public static LiveAudio closed(String callId, String closedBy, Map<String, String> metadata) {
        LiveAudio a = new LiveAudio();
        a.kind = CLOSED;
        a.callId = callId;
        a.closedBy = closedBy;
        a.metadata = new HashMap<>(metadata);
        return a;
    }

    @Override
    public String toString() {
        return CLOSED.equals(kind) ? "closed " + callId + " by " + closedBy : "audio " + chunk;
    }
}
