package io.callqa.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class IndexTemplatesTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @ParameterizedTest
    @FieldSource("io.callqa.dashboards.IndexTemplates#NAMES")
    void eachTemplateCoversItsIndicesAndMapsTimeAsDates(String name) throws Exception {
        JsonNode t = mapper.readTree(IndexTemplates.json(name));
        assertThat(t.path("index_patterns"))
                .extracting(JsonNode::asText)
                .containsExactly(name + "*");
        JsonNode props = t.path("template").path("mappings").path("properties");
        assertThat(props.isObject()).isTrue();
        props.fields()
                .forEachRemaining(
                        f -> {
                            if (f.getKey().endsWith("_at") || f.getKey().equals("@timestamp")) {
                                assertThat(f.getValue().path("type").asText())
                                        .as(name + "." + f.getKey())
                                        .isEqualTo("date");
                            }
                        });
    }

    @Test
    void callsKeepUtterancesAndRuleResultsNestedAndTextSearchableInKorean() throws Exception {
        JsonNode props =
                mapper.readTree(IndexTemplates.json("callqa-calls"))
                        .path("template")
                        .path("mappings")
                        .path("properties");
        assertThat(props.path("call_id").path("type").asText()).isEqualTo("keyword");
        assertThat(props.path("utterances").path("type").asText()).isEqualTo("nested");
        assertThat(props.path("qa").path("properties").path("results").path("type").asText())
                .isEqualTo("nested");
        JsonNode text = props.path("utterances").path("properties").path("text");
        assertThat(text.path("fields").path("cjk").path("analyzer").asText()).isEqualTo("cjk");
    }

    @Test
    void anUnknownTemplateNameSaysWhichExist() {
        assertThatThrownBy(() -> IndexTemplates.json("callqa-call"))
                .hasMessage(
                        "no index template named 'callqa-call'; known: [callqa-calls,"
                                + " callqa-alerts, callqa-errors, callqa-reviews, callqa-assist]");
    }

    @Test
    void aTemplateReadBackWithStringSettingsAndEmptyDefaultsIsTheSame() throws Exception {
        JsonNode ours = mapper.readTree(IndexTemplates.json("callqa-errors"));
        com.fasterxml.jackson.databind.node.ObjectNode stored = ours.deepCopy();
        stored.putArray("composed_of");
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        stored.path("template").path("settings").path("index"))
                .put("number_of_shards", "1");
        assertThat(IndexTemplates.sameContent(stored, ours)).isTrue();

        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        stored.path("template").path("mappings").path("properties").path("status"))
                .put("type", "keyword");
        assertThat(IndexTemplates.sameContent(stored, ours)).isFalse();
    }
}
