package io.callqa.pipeline.source;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Pre-transcribed calls from Kafka: each record of the topic (default {@value #DEFAULT_TOPIC})
 * holds one whole call in the transcript format. For platforms that already transcribe.
 */
public final class TranscriptTopic {

    /** The topic callqa reads whole-call transcripts from unless told otherwise. */
    public static final String DEFAULT_TOPIC = "callqa.transcripts";

    /** Consumer group; offsets are committed on checkpoints. */
    public static final String GROUP_ID = "callqa";

    private TranscriptTopic() {}

    /**
     * A source over {@code topic} at {@code bootstrapServers}, resuming from the group's committed
     * offsets (from the beginning the first time). Unbounded unless {@code boundedAtLatest}, which
     * stops at the offsets current at start-up (for tests and one-off backfills).
     */
    public static KafkaSource<CallInput> source(
            String bootstrapServers, String topic, boolean boundedAtLatest) {
        KafkaSourceBuilder<CallInput> b =
                KafkaSource.<CallInput>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setTopics(topic)
                        .setGroupId(GROUP_ID)
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setDeserializer(new Records());
        if (boundedAtLatest) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    /**
     * Wraps each record as-is; parsing happens in the analysis operator, where a malformed record
     * becomes a dead letter instead of failing the source.
     */
    static final class Records implements KafkaRecordDeserializationSchema<CallInput> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<CallInput> out) {
            String source =
                    "kafka:" + record.topic() + "/" + record.partition() + "@" + record.offset();
            out.collect(
                    CallInput.inline(
                            source, record.value() == null ? new byte[0] : record.value()));
        }

        @Override
        public TypeInformation<CallInput> getProducedType() {
            return TypeInformation.of(CallInput.class);
        }
    }
}
