package io.callqa.pipeline.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;

class RawJsonDocumentTest {

    @Test
    void acceptsOneJsonObject() {
        assertThat(RawJsonDocument.validate(utf8("{\"a\":1,\"b\":{\"c\":[1,2]}}"))).isNull();
        assertThat(RawJsonDocument.validate(utf8("  {\n  \"text\": \"상담원\"\n}\n"))).isNull();
    }

    @Test
    void refusesAnythingElseWithAReason() {
        assertThat(RawJsonDocument.validate(utf8(""))).isEqualTo("document source is empty");
        assertThat(RawJsonDocument.validate(utf8("[1,2]")))
                .startsWith("document source is not a JSON object");
        assertThat(RawJsonDocument.validate(utf8("{\"a\":1}{\"b\":2}")))
                .startsWith("document source has content after its JSON object");
        assertThat(RawJsonDocument.validate(utf8("{\"a\":")))
                .startsWith("document source is not valid JSON: ");
        assertThat(RawJsonDocument.validate(utf8("{a:1}")))
                .startsWith("document source is not valid JSON: ");
    }

    @Test
    void serializesOntoOneLineThroughOpenSearchMapper() {
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonGenerator generator = mapper.jsonProvider().createGenerator(out);

        mapper.serialize(
                new RawJsonDocument(utf8("{\n  \"text\" : \"안녕하세요\",\n  \"n\" : [ 1, 2.5 ]\n}")),
                generator);
        generator.close();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"text\":\"안녕하세요\",\"n\":[1,2.5]}");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
