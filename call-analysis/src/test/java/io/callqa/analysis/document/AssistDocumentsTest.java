package io.callqa.analysis.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.rules.assist.AgentAssist;
import io.callqa.rules.assist.AssistEvent;
import io.callqa.rules.assist.AssistSession;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssistDocumentsTest {

    @Test
    void eventsAndTheReportCarryWhatTheAgentViewAndTheDocumentNeed() throws Exception {
        RulePack pack = new RulePackLoader().loadDefault("en");
        AssistSession call = AgentAssist.withDefaultModels(pack).start(Map.of());
        List<AssistEvent> events = new ArrayList<>();
        events.addAll(
                call.accept(
                        new Utterance(
                                Speaker.CUSTOMER,
                                1.25,
                                4,
                                "Hi, I was charged twice for my order.")));
        events.addAll(
                call.accept(
                        new Utterance(
                                Speaker.AGENT, 5, 7, "Thanks, that matches, you're verified.")));

        CallTranscript t =
                new CallTranscript(
                        "c-assist",
                        "en",
                        Optional.of(Instant.parse("2026-12-02T10:00:00Z")),
                        Map.of("agent_id", "a-1"),
                        Map.of(),
                        List.of(),
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        AssistDocument doc =
                AssistDocuments.event(
                        t,
                        Map.of("agent_id", "a-1"),
                        events.get(0),
                        new LiveStamp(2000, LiveStamp.SettledBy.UTTERANCE, 1500));
        assertThat(doc.eventId()).isEqualTo("c-assist:double-charge:verify:suggested");
        assertThat(doc.at()).isEqualTo(Instant.parse("2026-12-02T10:00:01.250Z"));
        ObjectNode suggested =
                (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(doc.json());
        assertThat(suggested.get("agent_id").asText()).isEqualTo("a-1");
        assertThat(suggested.at("/live/raised_at").asLong()).isEqualTo(2000);
        assertThat(suggested.at("/live/finalized_at").asLong()).isEqualTo(1500);
        assertThat(suggested.get("type").asText()).isEqualTo("suggested");
        assertThat(suggested.get("playbook").asText()).isEqualTo("double-charge");
        assertThat(suggested.get("step").asText()).isEqualTo("verify");
        assertThat(suggested.get("text").asText()).isNotBlank();
        assertThat(suggested.get("snippets").isArray()).isTrue();
        assertThat(suggested.get("t").asDouble()).isEqualTo(1.25);
        assertThat(suggested.get("triggered_by").asText())
                .isEqualTo("Hi, I was charged twice for my order.");
        assertThat(suggested.get("evidence").asText()).isEqualTo("charged twice");

        ObjectNode withdrawn =
                (ObjectNode)
                        new com.fasterxml.jackson.databind.ObjectMapper()
                                .readTree(
                                        AssistDocuments.event(
                                                        t,
                                                        Map.of(),
                                                        events.get(events.size() - 1),
                                                        null)
                                                .json());
        assertThat(withdrawn.get("type").asText()).isEqualTo("withdrawn");
        assertThat(withdrawn.get("step").asText()).isEqualTo("verify");
        assertThat(withdrawn.get("utterance").asInt()).isEqualTo(1);

        JsonNode report = AssistDocuments.report(call.report(), pack);
        assertThat(report.get("suggested").asInt()).isEqualTo(3);
        assertThat(report.get("followed").asInt()).isEqualTo(1);
        JsonNode steps = report.get("playbooks").get(0).get("steps");
        assertThat(steps.get(0).get("followed").asBoolean()).isTrue();
        assertThat(steps.get(0).get("done_at").asInt()).isEqualTo(1);
        assertThat(steps.get(1).get("done_at").isNull()).isTrue();
        assertThat(steps.get(1).get("text").asText()).startsWith("Find both payments");
    }
}
