package io.callqa.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callqa.rules.pii.PiiType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackLoaderTest {

    private final RulePackLoader loader = new RulePackLoader();

    private static final String HEADER =
            """
            id: test-pack
            version: 2
            language: en
            rules:
            """;

    /** Loads a pack expected to be broken and returns its problems. */
    private List<RulePackProblem> problems(String yaml) {
        try {
            loader.load("broken.yaml", yaml);
        } catch (RulePackException e) {
            assertThat(e.source()).isEqualTo("broken.yaml");
            return e.problems();
        }
        throw new AssertionError("pack was accepted");
    }

    @Test
    void bundledPacksLoadWithAllRuleIdsOfTheVocabulary() throws Exception {
        for (String id : RulePackLoader.BUNDLED_PACKS) {
            RulePack pack = loader.loadBundled(id);
            assertThat(pack.id()).isEqualTo(id);
            assertThat(pack.version()).isEqualTo("2.0.0");
            assertThat(pack.rules())
                    .extracting(Rule::id)
                    .containsExactly(
                            "greeting",
                            "recording-disclosure",
                            "identity-verification",
                            "prohibited-promise",
                            "pii-spoken",
                            "empathy",
                            "closing",
                            "dead-air",
                            "escalation-request");
        }
        assertThat(loader.loadDefault("ko").language()).isEqualTo("ko");
        assertThat(loader.loadDefault("fr").id()).isEqualTo("default-en");
    }

    @Test
    void readsEveryRuleTypeWithDefaults() throws Exception {
        RulePack pack =
                loader.load(
                        "ok.yaml",
                        HEADER
                                + """
                                  - id: hello
                                    type: phrase-present
                                    kind: compliance
                                    severity: high
                                    description: says hello
                                    within: 1.5m
                                    phrases: [hello]
                                  - id: talk
                                    type: threshold
                                    kind: quality
                                    severity: low
                                    weight: 5
                                    description: agent lets the customer talk
                                    metric: agent-talk-ratio
                                    max: 80%
                                  - id: hold
                                    type: threshold
                                    kind: quality
                                    severity: low
                                    description: short holds
                                    metric: hold
                                    max: 500ms
                                  - id: data
                                    type: pii-spoken
                                    kind: compliance
                                    severity: critical
                                    description: no numbers
                                    pii_types: [card, rrn]
                                  - id: boss
                                    type: escalation-request
                                    kind: quality
                                    severity: high
                                    description: asks for a manager
                                    phrases: [manager]
                                """);
        assertThat(pack.version()).isEqualTo("2");
        RuleCheck.PhrasePresent hello = (RuleCheck.PhrasePresent) pack.rules().get(0).check();
        assertThat(hello.within()).hasValue(90.0);
        assertThat(pack.rules().get(0).weight()).isEqualTo(1.0);
        assertThat(((RuleCheck.Threshold) pack.rules().get(1).check()).max()).isEqualTo(0.8);
        assertThat(((RuleCheck.Threshold) pack.rules().get(2).check()).max()).isEqualTo(0.5);
        assertThat(((RuleCheck.PiiSpoken) pack.rules().get(3).check()).types())
                .containsExactlyInAnyOrder(PiiType.CARD, PiiType.RRN);
        RuleCheck.PhraseAbsent boss = (RuleCheck.PhraseAbsent) pack.rules().get(4).check();
        assertThat(boss.speaker())
                .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("customer"));
    }

    @Test
    void aBadDurationNamesFileLineAndField() {
        List<RulePackProblem> p =
                problems(
                        HEADER
                                + """
                                  - id: greeting
                                    type: phrase-present
                                    kind: compliance
                                    severity: high
                                    description: greets
                                    within: 30 secs
                                    phrases: [hello]
                                """);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).format("broken.yaml"))
                .isEqualTo(
                        "broken.yaml:10: rules[0].within: expected a duration like 30s, 1.5s,"
                                + " 500ms or 2m, got '30 secs' (rule 'greeting')");
    }

    @Test
    void reportsEveryProblemAtOnceInLineOrder() {
        List<RulePackProblem> p =
                problems(
                        """
                        id: Test Pack
                        version: 1
                        lang: en
                        rules:
                          - id: greeting
                            type: phrase-presnt
                            kind: compliance
                            severity: urgent
                            weight: heavy
                            description: greets
                            phrases: [hello]
                          - id: greeting
                            type: phrase-absent
                            kind: quallity
                            severity: low
                            weight: -5
                            phrases: [guarantee]
                            withn: 10s
                          - id: empathy
                            type: reaction
                            kind: quality
                            severity: low
                            description: empathy
                            trigger: customer-angry
                            phrases: []
                          - id: silence
                            type: threshold
                            kind: quality
                            severity: low
                            description: silence
                            metric: dead_air
                            max: 30s
                        """);
        assertThat(p)
                .extracting(x -> x.line() + " " + x.field())
                .containsExactly(
                        "1 id",
                        "3 lang",
                        "6 rules[0].type",
                        "8 rules[0].severity",
                        "9 rules[0].weight",
                        "12 rules[1].id",
                        "12 rules[1].description",
                        "14 rules[1].kind",
                        "16 rules[1].weight",
                        "18 rules[1].withn",
                        "24 rules[2].trigger",
                        "25 rules[2].phrases",
                        "31 rules[3].metric");
        assertThat(p.get(1).message()).startsWith("unknown key (did you mean 'language'?)");
        assertThat(p.get(2).message())
                .startsWith("unknown rule type 'phrase-presnt' (did you mean 'phrase-present'?)");
        assertThat(p.get(3).message())
                .isEqualTo(
                        "expected one of low, medium, high, critical, got 'urgent' (rule"
                                + " 'greeting')");
        assertThat(p.get(4).message())
                .isEqualTo("expected a number from 0 to 100, got 'heavy' (rule 'greeting')");
        assertThat(p.get(5).message())
                .startsWith("duplicate rule id 'greeting' (first defined on line 5)");
        assertThat(p.get(6).message()).startsWith("required field is missing");
        assertThat(p.get(7).message()).contains("(did you mean 'quality'?)");
        assertThat(p.get(9).message()).startsWith("unknown key (did you mean 'within'?)");
        assertThat(p.get(10).message())
                .isEqualTo(
                        "unknown trigger 'customer-angry'; supported: customer-agitated (rule"
                                + " 'empathy')");
        assertThat(p.get(12).message()).contains("(did you mean 'dead-air'?)");
    }

    @Test
    void theExceptionMessageListsEveryProblemWithTheFile() {
        assertThatThrownBy(
                        () ->
                                loader.load(
                                        "p.yaml",
                                        """
                                        id: p
                                        rules:
                                          - id: x
                                            type: threshold
                                            kind: quality
                                            severity: low
                                            description: d
                                            metric: overtalk-ratio
                                            max: 1.5
                                        """))
                .isInstanceOf(RulePackException.class)
                .hasMessage(
                        "p.yaml: 2 problems:\n"
                                + "  - p.yaml:1: version: required field is missing\n"
                                + "  - p.yaml:9: rules[0].max: expected a ratio from 0 to 1 or a"
                                + " percentage like 80%, got '1.5' (rule 'x')");
    }

    @Test
    void duplicateKeysAndMissingRulesAreReported() {
        List<RulePackProblem> p =
                problems(
                        """
                        id: p
                        version: 1
                        id: q
                        """);
        assertThat(p)
                .extracting(x -> x.line() + " " + x.field() + ": " + x.message())
                .containsExactly(
                        "1 rules: required field is missing",
                        "3 id: duplicate key (first on line 1)");
    }

    @Test
    void phrasesWithoutWordsAreRejected() {
        List<RulePackProblem> p =
                problems(
                        HEADER
                                + """
                                  - id: x
                                    type: phrase-absent
                                    kind: quality
                                    severity: low
                                    description: d
                                    phrases: [ok, "?!", 5]
                                """);
        assertThat(p)
                .extracting(x -> x.line() + " " + x.field() + ": " + x.message())
                .containsExactly(
                        "10 rules[0].phrases[1]: phrase has no words to match: '?!' (rule 'x')");
    }

    @Test
    void yamlSyntaxErrorsGiveTheLine() {
        List<RulePackProblem> p = problems("id: p\nversion: 1\nrules:\n  - id: [unclosed\n");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).line()).isGreaterThanOrEqualTo(4);
        assertThat(p.get(0).message()).startsWith("not valid YAML");
    }

    @Test
    void emptyAndMissingFilesAreRejected(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertThatThrownBy(() -> loader.load(empty))
                .isInstanceOf(RulePackException.class)
                .hasMessage(
                        empty + ": empty file; expected a rule pack with id, version and rules");
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
                .hasMessage(dir.resolve("nope.yaml") + ": file does not exist");
    }

    @Test
    void readsActsVariablesAndMatchingShares() throws Exception {
        RulePack pack =
                loader.load(
                        "acts.yaml",
                        """
                        id: acts
                        version: 1
                        variables:
                          brand: Example Bank
                        matching:
                          min_share: 0.75
                          min_words: 3
                          join_within: 2s
                        rules:
                          - id: greeting
                            type: phrase-present
                            kind: compliance
                            severity: low
                            description: d
                            all_of:
                              - act: [greeting, self-introduction]
                                min_confidence: 0.7
                                phrases: [hello]
                              - ["{brand}"]
                          - id: closing
                            type: phrase-present
                            kind: quality
                            severity: low
                            description: d
                            act: offer-help
                          - id: verify
                            type: ordering
                            kind: compliance
                            severity: high
                            description: d
                            first: {act: verification-confirmed, phrases: [you're verified]}
                            then: [your balance is]
                          - id: boss
                            type: escalation-request
                            kind: quality
                            severity: high
                            description: d
                            act: escalation-request
                            min_confidence: 0.9
                            phrases: [speak to a manager]
                        """);
        assertThat(pack.variables()).containsEntry("brand", "Example Bank");
        assertThat(pack.matching().minShare()).isEqualTo(0.75);
        assertThat(pack.matching().minWords()).isEqualTo(3);
        assertThat(pack.matching().joinWithin()).isEqualTo(2.0);
        RuleCheck.PhrasePresent greeting = (RuleCheck.PhrasePresent) pack.rules().get(0).check();
        assertThat(greeting.groups().get(0).acts())
                .containsExactly("greeting", "self-introduction");
        assertThat(greeting.groups().get(0).minConfidence()).isEqualTo(0.7);
        assertThat(greeting.groups().get(1).phrases()).containsExactly("{brand}");
        RuleCheck.PhrasePresent closing = (RuleCheck.PhrasePresent) pack.rules().get(1).check();
        assertThat(closing.groups().get(0).phrases()).isEmpty();
        assertThat(closing.groups().get(0).minConfidence()).isEqualTo(Cue.DEFAULT_MIN_CONFIDENCE);
        RuleCheck.Ordering verify = (RuleCheck.Ordering) pack.rules().get(2).check();
        assertThat(verify.first().acts()).containsExactly("verification-confirmed");
        assertThat(verify.then().acts()).isEmpty();
        RuleCheck.PhraseAbsent boss = (RuleCheck.PhraseAbsent) pack.rules().get(3).check();
        assertThat(boss.cue().minConfidence()).isEqualTo(0.9);
    }

    @Test
    void typosInActsAndVariablesNameTheFileTheRuleAndTheFix() {
        String yaml =
                """
                id: p
                version: 1
                variables:
                  brand: Example Bank
                matching:
                  min_share: 0.3
                rules:
                  - id: closing
                    type: phrase-present
                    kind: quality
                    severity: low
                    description: d
                    act: ofer-help
                  - id: greeting
                    type: phrase-present
                    kind: quality
                    severity: low
                    description: d
                    phrases: ["welcome to {brnd}"]
                    min_confidence: 0.5
                """;
        assertThatThrownBy(() -> loader.load("typo.yaml", yaml))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining(
                        "typo.yaml:6: matching.min_share: expected a number from 0.5 to 1, got"
                                + " '0.3'")
                .hasMessageContaining(
                        "typo.yaml:13: rules[0].act: unknown dialogue act 'ofer-help' (did you"
                                + " mean 'offer-help'?)")
                .hasMessageContaining("(rule 'closing')")
                .hasMessageContaining(
                        "typo.yaml:19: rules[1].phrases[0]: unknown variable '{brnd}' (did you"
                                + " mean 'brand'?); declare it under variables: or use one of"
                                + " {brand}")
                .hasMessageContaining(
                        "typo.yaml:20: rules[1].min_confidence: min_confidence applies to an"
                                + " act; add act:")
                .hasMessageContaining("(rule 'greeting')");
    }
}
