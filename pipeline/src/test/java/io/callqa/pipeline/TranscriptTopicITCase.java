package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callqa.analysis.document.IndexNames;
import io.callqa.pipeline.source.TranscriptTopic;
import io.callqa.testing.KafkaBroker;
import io.callqa.testing.KafkaExtension;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.hc.core5.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Pre-transcribed calls arriving as Kafka records go through the same analysis into a real
 * OpenSearch; malformed records become dead letters that name topic, partition and offset.
 */
@ExtendWith({KafkaExtension.class, OpenSearchExtension.class})
class TranscriptTopicITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void indexesTranscriptRecordsAndDeadLettersTheMalformedOnes(
            KafkaBroker kafka, OpenSearchNode node) throws Exception {
        String topic = "callqa.transcripts." + UUID.randomUUID();
        try (Admin admin =
                Admin.create(
                        java.util.Map.of("bootstrap.servers", (Object) kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("..", "samples"))) {
            samples =
                    files.filter(p -> p.toString().endsWith(".json"))
                            .filter(p -> p.getFileName().toString().contains("-refund-"))
                            .sorted()
                            .toList();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        List<String> callIds = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (Path f : samples) {
                String id = f.getFileName().toString().replace(".json", "");
                callIds.add(id);
                producer.send(new ProducerRecord<>(topic, id, Files.readAllBytes(f))).get();
            }
            producer.send(new ProducerRecord<>(topic, "bad", "{\"call_id\": ".getBytes())).get();
            producer.send(new ProducerRecord<>(topic, "tombstone", null)).get();
        }

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(node.httpUri().toString()));
        CallqaIndices.installTemplates(node.httpUri());
        CallqaJob.production(
                        List.of(
                                new CallqaJob.Input(
                                        "transcripts topic",
                                        TranscriptTopic.source(
                                                kafka.bootstrapServers(), topic, true))),
                        conf)
                .execute(StreamExecutionEnvironment.getExecutionEnvironment());

        try (OpenSearchTransport transport =
                ApacheHttpClient5TransportBuilder.builder(
                                new HttpHost("http", node.host(), node.httpPort()))
                        .setMapper(new JacksonJsonpMapper())
                        .build()) {
            OpenSearchClient client = new OpenSearchClient(transport);
            client.indices().refresh(r -> r.index(IndexNames.CALLS, IndexNames.ERRORS_ALL));
            List<JsonNode> docs = search(client, IndexNames.CALLS, "kafka:" + topic + "/");
            assertThat(docs)
                    .extracting(d -> d.path("call_id").asText())
                    .containsExactlyInAnyOrderElementsOf(callIds);
            List<JsonNode> errors = search(client, IndexNames.ERRORS_ALL, "kafka:" + topic + "/");
            int n = samples.size();
            assertThat(errors)
                    .extracting(e -> e.path("reason").asText())
                    .hasSize(2)
                    .anySatisfy(
                            r ->
                                    assertThat(r)
                                            .startsWith(
                                                    "kafka:"
                                                            + topic
                                                            + "/0@"
                                                            + n
                                                            + ": not valid JSON at line 1,"
                                                            + " column 13:"))
                    .contains(
                            "kafka:"
                                    + topic
                                    + "/0@"
                                    + (n + 1)
                                    + ": empty input; expected a JSON object");
        }
    }

    private static List<JsonNode> search(OpenSearchClient client, String index, String prefix)
            throws java.io.IOException {
        String field = index.equals(IndexNames.CALLS) ? "source.uri" : "source";
        List<JsonNode> out = new ArrayList<>();
        for (Hit<JsonNode> h :
                client.search(
                                s ->
                                        s.index(index)
                                                .size(100)
                                                .query(
                                                        q ->
                                                                q.prefix(
                                                                        x ->
                                                                                x.field(field)
                                                                                        .value(
                                                                                                prefix))),
                                JsonNode.class)
                        .hits()
                        .hits()) {
            out.add(h.source());
        }
        return out;
    }
}
