package io.callqa.pipeline.live;

import java.util.HashMap;
import java.util.Map;

/** A live call starting or ending, from the {@code callqa.call-events} topic. */
public class CallEvent {
    /** Event type of a call that began. */
    public static final String STARTED = "started";

    /** Event type of a call that ended. */
    public static final String ENDED = "ended";

    /** The call. */
    public String callId;

    /** {@link #STARTED} or {@link #ENDED}. */
    public String type;

    /** When it happened, epoch milliseconds. */
    public long atMillis;

    /** agent_id, team, queue, language and other metadata of a started call. */
    public Map<String, String> metadata = new HashMap<>();

    /** Where the event came from (topic, partition, offset), for error reports. */
    public String source;

    /** For Flink's POJO serializer. */
    public CallEvent() {}

    /** An event with every field set. */
    public CallEvent(
            String callId,
            String type,
            long atMillis,
            Map<String, String> metadata,
            String source) {
        this.callId = callId;
        this.type = type;
        this.atMillis = atMillis;
        this.metadata = new HashMap<>(metadata);
        this.source = source;
    }

    @Override
    public String toString() {
        return type + " " + callId;
    }
}
