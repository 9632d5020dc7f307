package io.callqa.rules.engine;

import static io.callqa.rules.engine.CallFixtures.call;
import static io.callqa.rules.engine.CallFixtures.pack;
import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.rules.transcript.CallTranscript;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private static RuleResult only(String rulesYaml, CallTranscript call, CallSignals signals)
            throws Exception {
        List<RuleResult> r = new CallAnalyzer(pack(rulesYaml)).analyze(call, signals).results();
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    private static RuleResult only(String rulesYaml, CallTranscript call) throws Exception {
        return only(rulesYaml, call, CallSignals.NONE);
    }

    private static final String HELLO =
            """
              - id: hello
                type: phrase-present
                kind: compliance
                severity: high
                description: greets in time
                within: 10s
                phrases: [welcome to acme]
            """;

    @Test
    void phrasePresentHonoursTheWindowAndGivesEvidence() throws Exception {
        RuleResult ok = only(HELLO, call("en", "a 0-3 Hi, welcome to Acme!", "c 3-5 Hi"));
        assertThat(ok.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(ok.evidence())
                .containsExactly(
                        new Evidence(
                                0,
                                0.0,
                                "Hi, welcome to Acme!",
                                "welcome to Acme",
                                1.0,
                                null,
                                null));
        RuleResult late = only(HELLO, call("en", "a 0-3 Hi", "a 12-14 welcome to acme"));
        assertThat(late.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(late.note())
                .isEqualTo("agent never said anything like 'welcome to acme' in the first 10 s");
        RuleResult wrongSpeaker = only(HELLO, call("en", "c 0-3 welcome to acme"));
        assertThat(wrongSpeaker.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void orderingIsNotApplicableUntilTheSecondPhraseIsSaid() throws Exception {
        String rule =
                """
                  - id: verify
                    type: ordering
                    kind: compliance
                    severity: high
                    description: verify first
                    first: [you're verified]
                    then: [card ending]
                """;
        assertThat(only(rule, call("en", "a 0-2 hello")).outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(
                        only(rule, call("en", "a 0-2 you're verified", "a 3-4 the card ending 12"))
                                .outcome())
                .isEqualTo(Outcome.PASSED);
        RuleResult bad =
                only(rule, call("en", "a 0-2 the card ending 12", "a 3-4 you're verified"));
        assertThat(bad.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(bad.evidence()).extracting(Evidence::utterance).containsExactly(1, 0);
        assertThat(only(rule, call("en", "a 0-2 the card ending 12")).note())
                .isEqualTo("'card ending' at 0 s with no 'you're verified' at all");
    }

    private static final String EMPATHY =
            """
              - id: empathy
                type: reaction
                kind: quality
                severity: medium
                description: empathy
                trigger: customer-agitated
                within: 20s
                phrases: [I'm sorry]
            """;

    @Test
    void reactionNeedsEmpathyNearEveryAgitatedUtterance() throws Exception {
        assertThat(only(EMPATHY, call("en", "c 0-2 hello", "a 2-3 hi")).outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(
                        only(EMPATHY, call("en", "c 0-2 this is ridiculous", "a 15-16 I'm sorry"))
                                .outcome())
                .isEqualTo(Outcome.PASSED);
        RuleResult late =
                only(EMPATHY, call("en", "c 0-2 this is ridiculous", "a 25-26 I'm sorry"));
        assertThat(late.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(late.evidence()).extracting(Evidence::utterance).containsExactly(0);
        // Empathy shown just before a second outburst covers it too.
        assertThat(
                        only(
                                        EMPATHY,
                                        call(
                                                "en",
                                                "c 0-2 ridiculous",
                                                "a 3-4 I'm sorry",
                                                "c 10-11 ridiculous"))
                                .outcome())
                .isEqualTo(Outcome.PASSED);
    }

    @Test
    void reactionUsesProsodicAgitationFromSignals() throws Exception {
        CallTranscript c = call("en", "c 0-2 where is my parcel", "a 3-4 it is on its way");
        assertThat(only(EMPATHY, c).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        CallSignals angry = CallSignals.NONE.withEmotions(Map.of(0, new UtteranceEmotion(0.85)));
        assertThat(only(EMPATHY, c, angry).outcome()).isEqualTo(Outcome.FAILED);
        CallSignals calm = CallSignals.NONE.withEmotions(Map.of(0, new UtteranceEmotion(0.3)));
        assertThat(only(EMPATHY, c, calm).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    private static String threshold(String metric, String max) {
        return """
          - id: t
            type: threshold
            kind: quality
            severity: low
            description: bound
            metric: %s
            max: %s
        """
                .formatted(metric, max);
    }

    @Test
    void deadAirIsDerivedFromUtteranceTimes() throws Exception {
        CallTranscript c =
                call("en", "a 0-5 please hold", "c 5-6 sure", "a 40-42 thanks for holding");
        RuleResult r = only(threshold("dead-air", "30s"), c);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.evidence().get(0).text()).isEqualTo("34.0 s of dead-air (6.00-40.00 s)");
        assertThat(r.evidence().get(0).utterance()).isEqualTo(1);
        assertThat(only(threshold("dead-air", "1m"), c).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void holdsNeedSignalsAndRatiosAreDerived() throws Exception {
        CallTranscript c = call("en", "a 0-9 long explanation", "c 8-10 ok");
        assertThat(only(threshold("hold", "30s"), c).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        CallSignals holds =
                new CallSignals(
                        Optional.empty(),
                        Optional.of(List.of(new TimeSpan(10, 100))),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        Map.of());
        assertThat(only(threshold("hold", "30s"), c, holds).outcome()).isEqualTo(Outcome.FAILED);
        // Agent 9 s of 11 s of talk; 1 s of 10 s of speech is overtalk.
        assertThat(only(threshold("agent-talk-ratio", "80%"), c).outcome())
                .isEqualTo(Outcome.FAILED);
        assertThat(only(threshold("agent-talk-ratio", "0.9"), c).outcome())
                .isEqualTo(Outcome.PASSED);
        assertThat(only(threshold("overtalk-ratio", "0.05"), c).outcome())
                .isEqualTo(Outcome.FAILED);
        assertThat(only(threshold("overtalk-ratio", "0.2"), c).evidence().get(0).text())
                .isEqualTo("overtalk-ratio 10% (limit 20%)");
    }

    @Test
    void piiSpokenUsesRedactedEvidence() throws Exception {
        String rule =
                """
                  - id: pii
                    type: pii-spoken
                    kind: compliance
                    severity: high
                    description: no cards
                    alert: pii
                """;
        CallAnalysis a =
                new CallAnalyzer(pack(rule))
                        .analyze(
                                call("en", "c 0-5 it's 4111 1111 1111 1111", "a 5-6 please don't"));
        RuleResult r = a.results().get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.evidence()).containsExactly(new Evidence(0, 0.0, "it's [CARD]", "[CARD]"));
        assertThat(a.alerts())
                .extracting(Alert::type, Alert::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pii", "c-test:pii"));
        assertThat(AnalysisJson.toJson(a).toString()).doesNotContain("4111");
    }

    @Test
    void aCallWithoutSpeechIsAnalysedWithoutErrors() throws Exception {
        CallAnalysis a =
                new CallAnalyzer(
                                new io.callqa.rules.pack.RulePackLoader().loadBundled("default-en"))
                        .analyze(call("en"));
        assertThat(a.results()).hasSize(9);
        assertThat(a.results().get(7).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(a.summary().text()).isEmpty();
        assertThat(AnalysisJson.toJson(a).get("duration_s").asDouble()).isZero();
    }

    @Test
    void escalationRequestsAreHeardFromTheCustomerOnly() throws Exception {
        String rule =
                """
                  - id: escalation-request
                    type: escalation-request
                    kind: quality
                    severity: high
                    description: asks for a manager
                    phrases: [speak to a manager, 책임자 연결]
                    alert: escalation
                """;
        assertThat(only(rule, call("en", "a 0-2 a manager will call", "c 2-4 fine")).outcome())
                .isEqualTo(Outcome.PASSED);
        assertThat(only(rule, call("en", "c 0-2 I want to speak to the manager")).outcome())
                .isEqualTo(Outcome.FAILED);
        assertThat(only(rule, call("ko", "c 0-2 책임자 좀 연결해 주세요")).outcome())
                .isEqualTo(Outcome.FAILED);
    }
}
