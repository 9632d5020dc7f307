package io.callqa.analysis.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.analysis.Asr;
import io.callqa.analysis.CallReporter;
import io.callqa.analysis.Source;
import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallDocumentsTest {

    @Test
    void noRawCardDigitsOrMetadataPiiReachTheDocumentOrTheAlerts() {
        CallTranscript t =
                new CallTranscript(
                        "c-leak",
                        "en",
                        Optional.of(Instant.parse("2026-01-01T10:00:00Z")),
                        Map.of("agent_id", "a-7", "caller", "415 555 0199"),
                        Map.of(Speaker.AGENT, "agent", Speaker.CUSTOMER, "customer"),
                        List.of(
                                new Utterance(Speaker.AGENT, 0, 2, "can i have the card number"),
                                new Utterance(
                                        Speaker.CUSTOMER,
                                        2,
                                        5,
                                        "four five three nine one four eight eight"),
                                new Utterance(Speaker.AGENT, 5, 6, "okay"),
                                new Utterance(
                                        Speaker.CUSTOMER,
                                        6,
                                        9,
                                        "oh three four three six four six seven")),
                        JsonNodeFactory.instance.objectNode());
        CallDocuments.Written built =
                CallDocuments.write(
                        new CallReporter(DynamicsSettings.DEFAULTS)
                                .report(
                                        t,
                                        Source.transcript("file:c.json", "00"),
                                        Asr.PROVIDED,
                                        null));
        assertThat(built.alerts()).isNotEmpty();
        for (String json :
                concat(built.call().json(), built.alerts().stream().map(a -> a.json()).toList())) {
            assertThat(json)
                    .doesNotContain("three nine one four", "six four six seven", "555 0199");
        }
        assertThat(built.call().json()).contains("[CARD]", "\"agent_id\":\"a-7\"", "[PHONE]");
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream())
                .toList();
    }
}
