package io.callqa.cli;

import static io.callqa.cli.Invocation.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code callqa analyze} lists a customer's abuse of the agent as an {@code abuse} alert with its
 * evidence, in English and Korean, and leaves an angry but civil complaint without one.
 */
class AnalyzeAbuseTest {

    private static final String DIR = "src/test/resources/io/callqa/cli/abuse/";

    private static JsonNode analyze(String file) throws Exception {
        Invocation r = run("analyze", "--transcript", DIR + file);
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static List<JsonNode> abuseAlerts(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>();
        doc.get("alerts")
                .forEach(
                        a -> {
                            if (a.get("type").asText().equals("abuse")) {
                                out.add(a);
                            }
                        });
        return out;
    }

    @ParameterizedTest
    @CsvSource({
        "abusive-en.json,abuse-en-01,3,insult,If the abusive language continues",
        "abusive-ko.json,abuse-ko-01,3,profanity,폭언이나 욕설을 계속하시면"
    })
    void anAbusiveCallHasOneAbuseAlertAndItsEvidence(
            String file, String callId, int first, String kind, String notice) throws Exception {
        JsonNode doc = analyze(file);
        List<JsonNode> alerts = abuseAlerts(doc);
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("id").asText()).isEqualTo(callId + ":abuse");
        assertThat(alert.get("severity").asText()).isEqualTo("high");
        assertThat(alert.get("utterance").asInt()).isEqualTo(first);
        assertThat(alert.get("message").asText()).contains(notice);
        JsonNode abuse = doc.get("abuse");
        assertThat(abuse.get("flagged").asBoolean()).isTrue();
        assertThat(abuse.get("count").asInt()).isEqualTo(2);
        assertThat(abuse.at("/findings/0/utterance").asInt()).isEqualTo(first);
        assertThat(abuse.at("/findings/0/kind").asText()).isEqualTo(kind);
        assertThat(abuse.at("/findings/0/terms")).isNotEmpty();
        assertThat(abuse.at("/findings/0/text").asText())
                .isEqualTo(doc.at("/utterances/" + first + "/text").asText());
        assertThat(abuse.get("notice").asText()).contains(notice);
    }

    @ParameterizedTest
    @ValueSource(strings = {"civil-angry-en.json", "civil-angry-ko.json"})
    void anAngryButCivilCallHasNone(String file) throws Exception {
        JsonNode doc = analyze(file);
        assertThat(abuseAlerts(doc)).isEmpty();
        assertThat(doc.at("/abuse/flagged").asBoolean()).isFalse();
        assertThat(doc.at("/abuse/count").asInt()).isZero();
        assertThat(doc.at("/abuse/findings")).isEmpty();
    }
}
