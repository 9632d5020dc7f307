package io.callqa.pipeline.live;

import java.util.HashMap;
import java.util.Map;

/** What the sequencer keeps about a started call: its metadata. Flink POJO for keyed state. */
public class CallMeta {
    /** agent_id, team, queue, language and the like. */
    public Map<String, String> metadata = new HashMap<>();

    /** When the call started, epoch milliseconds. */
    public long startedAtMillis;

    /** Whether the call's end event has come; it closes after the end grace. */
    public boolean ended;

    /** For Flink's POJO serializer. */
    public CallMeta() {}

    CallMeta(Map<String, String> metadata, long startedAtMillis) {
        this.metadata = new HashMap<>(metadata);
        this.startedAtMillis = startedAtMillis;
    }
}
