package io.callqa.pipeline.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.flink.util.OutputTag;

/**
 * An input the job could not use, with the reason. Dead letters are indexed into {@code
 * callqa-errors} so that nothing is dropped silently; the job carries on with the next input.
 */
public class DeadLetter {
    /** The side output every operator sends its dead letters to. */
    public static final OutputTag<DeadLetter> OUTPUT =
            new OutputTag<>("dead-letters") {
                private static final long serialVersionUID = 1L;
            };

    /** Where the input came from: a file URI or a Kafka topic/partition/offset. */
    public String source;

    /** The stage that rejected it, e.g. {@code transcript}. */
    public String stage;

    /** What is wrong and, where possible, how to fix it. */
    public String reason;

    /** The call id, when it could be read. */
    public String callId;

    /** When the input was rejected, epoch milliseconds. */
    public long rejectedAtMillis;

    /** For Flink's POJO serializer. */
    public DeadLetter() {}

    /** A dead letter for {@code source}, rejected by {@code stage} because of {@code reason}. */
    public DeadLetter(String source, String stage, String reason, String callId, long atMillis) {
        this.source = source;
        this.stage = stage;
        this.reason = reason;
        this.callId = callId;
        this.rejectedAtMillis = atMillis;
    }

    /**
     * A deterministic id: the same input rejected again (a replay) overwrites its earlier entry
     * instead of adding a duplicate.
     */
    public String id() {
        try {
            byte[] h =
                    MessageDigest.getInstance("SHA-256")
                            .digest((stage + '\n' + source).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return stage + " rejected " + source + ": " + reason;
    }
}
