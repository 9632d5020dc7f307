package io.callqa.rules.engine;

import static io.callqa.rules.engine.CallFixtures.call;
import static io.callqa.rules.engine.CallFixtures.pack;
import static io.callqa.rules.engine.CallFixtures.withMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import io.callqa.rules.transcript.Word;
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
        assertThat(a.toString()).doesNotContain("4111");
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
        assertThat(a.durationS()).isZero();
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

    private static RuleResult rule(String language, String id, CallTranscript call)
            throws Exception {
        RulePack pack = new RulePackLoader().loadDefault(language);
        return new CallAnalyzer(pack)
                .analyze(call).results().stream()
                        .filter(r -> r.rule().id().equals(id))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void theGreetingNamesTheConfiguredBrandEvenWhenMisheard() throws Exception {
        CallTranscript misheard =
                call(
                        "en",
                        "a 0-4 hello thank you for calling harper value national bank this is"
                                + " jo",
                        "c 4.5-6 hi");
        CallTranscript noName = call("en", "a 0-4 hello this is jo how can i help", "c 4.5-6 hi");
        Map<String, String> brand = Map.of("brand", "Harper Valley National Bank");
        RuleResult named = rule("en", "greeting", withMetadata(misheard, brand));
        assertThat(named.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(named.evidence())
                .extracting(Evidence::matched)
                .contains("harper value national bank");
        assertThat(rule("en", "greeting", withMetadata(noName, brand)).outcome())
                .isEqualTo(Outcome.FAILED);
        // Without a configured brand any greeting will do.
        assertThat(rule("en", "greeting", noName).outcome()).isEqualTo(Outcome.PASSED);
        CallTranscript ko = call("ko", "a 0-4 네 하나로 은행 고객센터 입니다", "c 4.5-6 네");
        assertThat(rule("ko", "greeting", withMetadata(ko, Map.of("brand", "하나로은행"))).outcome())
                .isEqualTo(Outcome.PASSED);
        assertThat(rule("ko", "greeting", withMetadata(ko, Map.of("brand", "새빛카드"))).outcome())
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void aPackVariableNamesTheBrandAndCallMetadataOverridesIt() throws Exception {
        RulePack pack =
                new RulePackLoader()
                        .load(
                                "brand.yaml",
                                """
                                id: b
                                version: 1
                                variables:
                                  brand: Northwind Mobile
                                rules:
                                  - id: greeting
                                    type: phrase-present
                                    kind: compliance
                                    severity: low
                                    description: names the brand
                                    phrases: ["welcome to {brand}"]
                                """);
        CallTranscript c = call("en", "a 0-3 welcome to northwind mobile", "c 3-4 hi");
        assertThat(new CallAnalyzer(pack).analyze(c).violations()).isEmpty();
        assertThat(
                        new CallAnalyzer(pack)
                                .analyze(withMetadata(c, Map.of("brand", "Brightwater Gas")))
                                .violations())
                .containsExactly("greeting");
    }

    @Test
    void aClosingNeedsOnlyAnOfferOfHelpOrAFarewell() throws Exception {
        String[] farewells = {"a 20-22 okay have a great day", "a 20-22 Have a great day!"};
        for (String bye : farewells) {
            CallTranscript c = call("en", "a 0-3 hello", "c 3-19 thanks that's all", bye);
            assertThat(rule("en", "closing", c).outcome()).as(bye).isEqualTo(Outcome.PASSED);
        }
        CallTranscript none = call("en", "a 0-3 hello", "c 3-19 thanks that's all", "a 20-22 okay");
        assertThat(rule("en", "closing", none).outcome()).isEqualTo(Outcome.FAILED);
        CallTranscript ko = call("ko", "a 0-3 안녕하세요", "c 3-19 네 알겠습니다", "a 20-22 네 좋은 하루 보내세요");
        assertThat(rule("ko", "closing", ko).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aChangeOfAddressNeedsVerificationFirst() throws Exception {
        CallTranscript before =
                call(
                        "en",
                        "a 0-3 hello",
                        "c 3-6 i moved house",
                        "a 6-9 sure what's the new address",
                        "c 9-12 twelve oak road",
                        "a 12-15 thanks that matches your date of birth");
        RuleResult r = rule("en", "identity-verification", before);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        CallTranscript after =
                call(
                        "en",
                        "a 0-3 hello",
                        "c 3-6 i moved house my name is jo smith born may first",
                        "a 6-9 thanks you're verified what's the new address",
                        "c 9-12 twelve oak road");
        assertThat(rule("en", "identity-verification", after).outcome()).isEqualTo(Outcome.PASSED);
        CallTranscript ko =
                call("ko", "a 0-3 안녕하세요", "c 3-6 이사했어요", "a 6-9 네 주소 변경 도와드리겠습니다 새 주소 말씀해 주세요");
        assertThat(rule("ko", "identity-verification", ko).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aDisclosureWithTheKeyWordDroppedStillPasses() throws Exception {
        CallTranscript c =
                call(
                        "en",
                        "a 0-5 hi this call may be for quality and training purposes how can i"
                                + " help",
                        "c 5-7 hi");
        RuleResult r = rule("en", "recording-disclosure", c);
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.evidence().get(0).strength()).isLessThan(1.0);
        CallTranscript ko = call("ko", "a 0-5 안녕하세요 이 통화는 품질 향상을 위해 녹음 수 있습니다", "c 5-7 네");
        assertThat(rule("ko", "recording-disclosure", ko).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aPhraseCutByEndpointingMatchesAcrossUtterances() throws Exception {
        String rule =
                """
                  - id: closing
                    type: phrase-present
                    kind: quality
                    severity: low
                    description: offers help
                    phrases: [anything else I can help you with]
                """;
        RuleResult joined =
                only(
                        rule,
                        call("en", "a 0-2 is there anything else i can", "a 2.5-4 help you with"));
        assertThat(joined.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(joined.evidence().get(0).utterance()).isZero();
        assertThat(joined.evidence().get(0).text()).isEqualTo("is there anything else i can");
        RuleResult apart =
                only(
                        rule,
                        call("en", "a 0-2 is there anything else i can", "a 9-10 help you with"));
        assertThat(apart.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void evidenceCarriesTheRecognizersConfidenceInTheMatchedWords() throws Exception {
        List<Word> words =
                List.of(
                        new Word("hi", 0, 0.3, 0.5),
                        new Word("welcome", 0.3, 0.8, 0.9),
                        new Word("to", 0.8, 1.0, 0.7),
                        new Word("acme", 1.0, 1.5, 0.8));
        CallTranscript c =
                new CallTranscript(
                        "c-w",
                        "en",
                        Optional.empty(),
                        Map.of(),
                        Map.of(),
                        List.of(
                                new Utterance(
                                        Speaker.AGENT, 0, 1.5, "hi welcome to acme", null, words)),
                        JsonNodeFactory.instance.objectNode());
        Evidence e = only(HELLO, c).evidence().get(0);
        assertThat(e.confidence()).isEqualTo(0.8);
        assertThat(e.strength()).isEqualTo(1.0);
        assertThat(only(HELLO, call("en", "a 0-3 welcome to acme")).evidence().get(0).confidence())
                .isNull();
    }

    @Test
    void aRuleCanAskForADialogueActAndTheEvidenceNamesIt() throws Exception {
        RulePack pack =
                pack(
                        """
                          - id: closing
                            type: phrase-present
                            kind: quality
                            severity: low
                            description: offers help
                            act: offer-help
                            min_confidence: 0.6
                        """);
        ActScorer stub =
                (text, language) ->
                        act -> act.equals("offer-help") && text.contains("else") ? 0.75 : 0.1;
        CallAnalyzer analyzer =
                new CallAnalyzer(
                        pack,
                        new io.callqa.rules.pii.PiiRedactor(),
                        new io.callqa.rules.summary.CallSummarizer(),
                        stub);
        RuleResult r =
                analyzer.analyze(call("en", "a 0-2 hello", "a 3-5 something else for you"))
                        .results()
                        .get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.evidence().get(0).act()).isEqualTo("offer-help");
        assertThat(r.evidence().get(0).strength()).isEqualTo(0.75);
        assertThat(r.evidence().get(0).utterance()).isEqualTo(1);
        assertThat(analyzer.analyze(call("en", "a 0-2 hello")).violations())
                .containsExactly("closing");
        // The bundled classifier recognizes an offer of help it has no phrase for.
        RuleResult real =
                new CallAnalyzer(pack)
                        .analyze(call("en", "a 0-2 is there anything more i can do for you today"))
                        .results()
                        .get(0);
        assertThat(real.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(real.evidence().get(0).act()).isEqualTo("offer-help");
    }
}
