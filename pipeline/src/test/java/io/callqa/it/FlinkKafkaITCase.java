package io.callqa.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.testing.KafkaBroker;
import io.callqa.testing.KafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bounded Flink 2.x job on a MiniCluster reads the shared real Kafka broker with {@link
 * KafkaSource}, maps every record, and writes the results back to Kafka with {@link KafkaSink}.
 */
@ExtendWith(KafkaExtension.class)
class FlinkKafkaITCase {
    private static final int RECORDS = 200;
    private static final int PARTITIONS = 2;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void kafkaToFlinkToKafka(KafkaBroker kafka) throws Exception {
        String suffix = UUID.randomUUID().toString();
        String input = "it-utterances-" + suffix;
        String output = "it-utterances-upper-" + suffix;
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(input, PARTITIONS, (short) 1),
                                    new NewTopic(output, PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        List<String> sent =
                IntStream.range(0, RECORDS)
                        .mapToObj(i -> "call-" + (i % 7) + ":utterance " + i)
                        .collect(Collectors.toList());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new StringSerializer(),
                        new StringSerializer())) {
            for (String value : sent) {
                producer.send(new ProducerRecord<>(input, value.substring(0, 6), value));
            }
            producer.flush();
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARTITIONS);
        KafkaSource<String> source =
                KafkaSource.<String>builder()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setTopics(input)
                        .setGroupId("it-flink-" + suffix)
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setValueOnlyDeserializer(new SimpleStringSchema())
                        .build();
        KafkaSink<String> sink =
                KafkaSink.<String>builder()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setRecordSerializer(
                                KafkaRecordSerializationSchema.builder()
                                        .setTopic(output)
                                        .setValueSerializationSchema(new SimpleStringSchema())
                                        .build())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka-in")
                .name("kafka-in")
                .uid("kafka-in")
                .map(value -> value.toUpperCase(Locale.ROOT))
                .name("upper-case")
                .uid("upper-case")
                .sinkTo(sink)
                .name("kafka-out")
                .uid("kafka-out");
        env.execute("FlinkKafkaITCase");

        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "it-check-" + suffix,
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(Set.of(output));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.size() < RECORDS && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> received.add(r.value()));
            }
        }

        assertThat(received)
                .containsExactlyInAnyOrderElementsOf(
                        sent.stream()
                                .map(v -> v.toUpperCase(Locale.ROOT))
                                .collect(Collectors.toList()));
    }
}
