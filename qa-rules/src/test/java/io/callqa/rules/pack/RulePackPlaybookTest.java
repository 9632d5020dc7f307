package io.callqa.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callqa.rules.transcript.Speaker;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code playbooks:} section of a rule pack: what it reads and how it reports mistakes. */
class RulePackPlaybookTest {

    private final RulePackLoader loader = new RulePackLoader();

    private static final String HEADER =
            """
            id: test-pack
            version: 2
            language: en
            rules:
              - id: hello
                type: phrase-present
                kind: compliance
                severity: high
                description: says hello
                phrases: [hello]
            playbooks:
            """;

    private List<RulePackProblem> problems(String yaml) {
        try {
            loader.load("broken.yaml", yaml);
        } catch (RulePackException e) {
            return e.problems();
        }
        throw new AssertionError("pack was accepted");
    }

    @Test
    void readsAPlaybookWithItsTriggerStepsAndDoneConditions() throws Exception {
        RulePack pack =
                loader.load(
                        "ok.yaml",
                        HEADER
                                + """
                                  - id: refund-status
                                    description: where a refund is
                                    trigger:
                                      category: [refund, billing]
                                      phrases: [where is my refund]
                                    steps:
                                      - id: verify
                                        text: Verify the caller.
                                        done:
                                          act: verification-confirmed
                                          min_confidence: 0.7
                                      - id: timeline
                                        text: Say how long it takes.
                                        snippets: [3 to 5 working days]
                                        phrases: ["It takes 3 to 5 working days at {brand}"]
                                        done:
                                          speaker: any
                                          phrases: [working days]
                                """);
        Playbook p = pack.playbook("refund-status").orElseThrow();
        assertThat(p.trigger().categories()).containsExactly("refund", "billing");
        assertThat(p.trigger().speaker()).contains(Speaker.CUSTOMER);
        assertThat(p.trigger().cue().phrases()).containsExactly("where is my refund");
        assertThat(p.steps()).extracting(PlaybookStep::id).containsExactly("verify", "timeline");
        PlaybookStep verify = p.steps().get(0);
        assertThat(verify.doneBy()).contains(Speaker.AGENT);
        assertThat(verify.done().acts()).containsExactly("verification-confirmed");
        assertThat(verify.done().minConfidence()).isEqualTo(0.7);
        PlaybookStep timeline = p.steps().get(1);
        assertThat(timeline.doneBy()).isEqualTo(Optional.empty());
        assertThat(timeline.snippets()).containsExactly("3 to 5 working days");
        assertThat(timeline.phrases()).containsExactly("It takes 3 to 5 working days at {brand}");
    }

    @Test
    void aPackWithoutPlaybooksHasNone() throws Exception {
        RulePack pack = loader.load("ok.yaml", HEADER.replace("playbooks:\n", ""));
        assertThat(pack.playbooks()).isEmpty();
    }

    @Test
    void theBundledPacksHavePlaybooksForEveryCategoryInBothLanguages() throws Exception {
        for (String id : RulePackLoader.BUNDLED_PACKS) {
            RulePack pack = loader.loadBundled(id);
            assertThat(pack.playbooks()).as(id).hasSizeGreaterThanOrEqualTo(10);
            for (String category : PlaybookParser.CATEGORIES) {
                assertThat(pack.playbooks())
                        .as("%s: a playbook for %s", id, category)
                        .anyMatch(p -> p.trigger().categories().contains(category));
            }
            for (Playbook p : pack.playbooks()) {
                assertThat(p.steps()).as("%s %s", id, p.id()).isNotEmpty();
                assertThat(p.trigger().cue().phrases()).as("%s %s", id, p.id()).isNotEmpty();
            }
        }
        assertThat(loader.loadBundled("default-en").playbooks())
                .extracting(Playbook::id)
                .containsExactlyElementsOf(
                        loader.loadBundled("default-ko").playbooks().stream()
                                .map(Playbook::id)
                                .toList());
    }

    @Test
    void aTypoedKeyNamesTheFileLineFieldPlaybookAndTheFix() {
        List<RulePackProblem> p =
                problems(
                        HEADER
                                + """
                                  - id: refund-status
                                    description: where a refund is
                                    trigger:
                                      phrases: [where is my refund]
                                    steps:
                                      - id: verify
                                        txt: Verify the caller.
                                        done: {act: verification-confirmed}
                                """);
        assertThat(p).hasSize(2);
        assertThat(p.get(0).field()).isEqualTo("playbooks[0].steps[0].text");
        assertThat(p.get(0).message())
                .isEqualTo("required field is missing (playbook 'refund-status')");
        assertThat(p.get(1).line()).isEqualTo(18);
        assertThat(p.get(1).field()).isEqualTo("playbooks[0].steps[0].txt");
        assertThat(p.get(1).message())
                .isEqualTo(
                        "unknown key (did you mean 'text'?); allowed here: id, text, snippets,"
                                + " phrases, done (playbook 'refund-status')");
        assertThat(p.get(1).format("broken.yaml"))
                .startsWith("broken.yaml:18: playbooks[0].steps[0].txt: unknown key");
        assertThatThrownBy(() -> loader.load("mine.yaml", HEADER + "  - id: x\n    trigger: []\n"))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("mine.yaml:12: playbooks[0].description: required field")
                .hasMessageContaining("mine.yaml:13: playbooks[0].trigger: expected a mapping");
    }

    @Test
    void anIssueNamesPlaybooksThatAreAlternativesAndDefaultsToTheId() throws Exception {
        RulePack pack =
                loader.load(
                        "ok.yaml",
                        HEADER
                                + """
                                  - id: damaged-item
                                    description: arrived damaged
                                    issue: item-problem
                                    trigger: {phrases: [arrived damaged]}
                                    steps:
                                      - {id: apologise, text: Apologise., done: {act: empathy}}
                                  - id: billing
                                    description: a bill
                                    trigger: {phrases: [my bill]}
                                    steps:
                                      - {id: look, text: Look., done: {phrases: [your bill]}}
                                """);
        assertThat(pack.playbook("damaged-item").orElseThrow().issue()).isEqualTo("item-problem");
        assertThat(pack.playbook("billing").orElseThrow().issue()).isEqualTo("billing");
        List<RulePackProblem> p =
                problems(
                        HEADER
                                + """
                                  - id: damaged-item
                                    description: arrived damaged
                                    issue: Item Problem
                                    trigger: {phrases: [arrived damaged]}
                                    steps:
                                      - {id: apologise, text: Apologise., done: {act: empathy}}
                                """);
        assertThat(p).extracting(RulePackProblem::field).containsExactly("playbooks[0].issue");
        assertThat(p.get(0).message())
                .startsWith("expected an issue id in lowercase letters")
                .contains("got 'Item Problem'")
                .endsWith("(playbook 'damaged-item')");
    }

    @Test
    void unknownCategoriesActsAndSpeakersSayWhatIsKnown() {
        List<RulePackProblem> p =
                problems(
                        HEADER
                                + """
                                  - id: refund-status
                                    description: where a refund is
                                    trigger:
                                      category: refnd
                                      speaker: cutsomer
                                      act: escalaton-request
                                    steps:
                                      - id: verify
                                        text: Verify the caller.
                                        done:
                                          act: verification-confirmd
                                """);
        assertThat(p)
                .extracting(RulePackProblem::field)
                .containsExactly(
                        "playbooks[0].trigger.category",
                        "playbooks[0].trigger.speaker",
                        "playbooks[0].trigger.act",
                        "playbooks[0].steps[0].done.act");
        assertThat(p.get(0).message())
                .startsWith("unknown category 'refnd' (did you mean 'refund'?);")
                .contains("refund, shipping, billing, other");
        assertThat(p.get(1).message())
                .startsWith("expected agent, customer or any, got 'cutsomer'");
        assertThat(p.get(2).message())
                .startsWith(
                        "unknown dialogue act 'escalaton-request' (did you mean"
                                + " 'escalation-request'?)");
        assertThat(p.get(3).message())
                .contains("(did you mean 'verification-confirmed'?)")
                .endsWith("(playbook 'refund-status')");
    }

    @Test
    void missingTriggerCueDoneAndDuplicateIdsAreReported() {
        List<RulePackProblem> p =
                problems(
                        HEADER
                                + """
                                  - id: a
                                    description: first
                                    trigger: {category: refund}
                                    steps:
                                      - id: s
                                        text: do it
                                      - id: s
                                        text: again
                                        done: {speaker: agent}
                                  - id: a
                                    description: again
                                    trigger: {phrases: [x y]}
                                    steps: []
                                """);
        assertThat(p)
                .extracting(q -> q.field() + ": " + q.message())
                .containsExactly(
                        "playbooks[0].trigger.phrases: required field is missing; give phrases,"
                                + " act (one of "
                                + String.join(", ", RulePackLoader.ACTS)
                                + ") or both (playbook 'a')",
                        "playbooks[0].steps[0].done: required field is missing; give the phrases"
                                + " and/or act that show the step done, so the suggestion can be"
                                + " withdrawn (playbook 'a')",
                        "playbooks[0].steps[1].id: duplicate step id 's' (first defined on line"
                                + " 16) (playbook 'a')",
                        "playbooks[0].steps[1].done.phrases: required field is missing; give"
                                + " phrases, act (one of "
                                + String.join(", ", RulePackLoader.ACTS)
                                + ") or both (playbook 'a')",
                        "playbooks[1].id: duplicate playbook id 'a' (first defined on line 12)"
                                + " (playbook 'a')",
                        "playbooks[1].steps: expected a list of steps (each with id, text and"
                                + " done), got an empty list (playbook 'a')");
    }

    @Test
    void playbooksMustBeAList() {
        List<RulePackProblem> p = problems(HEADER + "  refund: yes\n");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).field()).isEqualTo("playbooks");
        assertThat(p.get(0).message()).startsWith("expected a list of playbooks");
    }
}
