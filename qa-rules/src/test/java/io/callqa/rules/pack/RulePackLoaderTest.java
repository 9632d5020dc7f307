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
}
