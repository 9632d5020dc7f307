package io.callqa.pipeline.live;

import java.util.HashMap;
import java.util.Map;

/**
 * What the sequencer emits for a call: a start record, then its audio chunks in order per channel
 * and the utterances finalized by the caller's recognizer as they come, then one closing record.
 * Transcription and analysis consume this in order.
 */
public class LiveAudio {
    /** Kind of the first record of a call. */
    public static final String STARTED = "started";

    /** Kind of an utterance finalized by the caller's recognizer. */
    public static final String UTTERANCE = "utterance";

    /** Kind of an in-order audio chunk. */
    public static final String AUDIO = "audio";

    /** Kind of the last record of a call. */
    public static final String CLOSED = "closed";

    /** {@link #STARTED}, {@link #AUDIO}, {@link #UTTERANCE} or {@link #CLOSED}. */
    public String kind;

    /** The call. */
    public String callId;

    /** For {@link #AUDIO}: the chunk, in sequence order for its channel. */
    public AudioChunk chunk;

    /** For {@link #UTTERANCE}: the utterance. */
    public LiveUtterance utterance;

    /** For {@link #STARTED}: when the call started, epoch milliseconds. */
    public long startedAtMillis;

    /** For {@link #CLOSED}: {@code ended} (end event) or {@code idle} (no audio for a while). */
    public String closedBy;

    /** For {@link #STARTED} and {@link #CLOSED}: the call's metadata from its start event. */
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

    /** The start of a call. */
    public static LiveAudio started(
            String callId, long startedAtMillis, Map<String, String> metadata) {
        LiveAudio a = new LiveAudio();
        a.kind = STARTED;
        a.callId = callId;
        a.startedAtMillis = startedAtMillis;
        a.metadata = new HashMap<>(metadata);
        return a;
    }

    /** An utterance finalized by the caller's recognizer. */
    public static LiveAudio utterance(LiveUtterance u) {
        LiveAudio a = new LiveAudio();
        a.kind = UTTERANCE;
        a.callId = u.callId;
        a.utterance = u;
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
        return switch (kind) {
            case CLOSED -> "closed " + callId + " by " + closedBy;
            case STARTED -> "started " + callId;
            case UTTERANCE -> "utterance " + utterance;
            default -> "audio " + chunk;
        };
    }
}
