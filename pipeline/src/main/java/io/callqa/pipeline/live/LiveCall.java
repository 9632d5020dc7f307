package io.callqa.pipeline.live;

import java.util.HashMap;
import java.util.Map;

/** What a live call's analysis keeps about the call itself. Flink POJO for keyed state. */
public class LiveCall {
    /** When the call started, epoch milliseconds. */
    public long startedAtMillis;

    /** agent_id, team, queue, language and the like, from the start event. */
    public Map<String, String> metadata = new HashMap<>();

    /** For Flink's POJO serializer. */
    public LiveCall() {}

    LiveCall(long startedAtMillis, Map<String, String> metadata) {
        this.startedAtMillis = startedAtMillis;
        this.metadata = new HashMap<>(metadata);
    }
}
