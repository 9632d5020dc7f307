package io.callqa.rules.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callqa.rules.acts.ActScores;
import io.callqa.rules.acts.DialogueAct;
import io.callqa.rules.acts.DialogueActClassifier;
import io.callqa.rules.classify.CallClassifier;
import io.callqa.rules.classify.TrainingExample;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentAssistTest {

    private static final CallClassifier CATEGORIES = CallClassifier.defaultModel();
    private static final DialogueActClassifier ACTS = DialogueActClassifier.defaults();
    private static final RulePackLoader LOADER = new RulePackLoader();

    /** A pack's header and one rule, for test packs whose playbooks follow. */
    private static final String RULES =
            """
            id: assist-test
            version: 1
            language: en
            rules:
              - id: hello
                type: phrase-present
                kind: quality
                severity: low
                description: says hello
                phrases: [hello]
            playbooks:
            """;

    /** A small pack with two playbooks; {@link AssistSessionSavedTest} uses it too. */
    static final String PACK =
            RULES
                    + """
                      - id: refund-status
                        description: where a refund is
                        trigger:
                          category: refund
                          phrases: [where is my refund]
                        steps:
                          - id: verify
                            text: Verify the caller.
                            done: {act: verification-confirmed, min_confidence: 0.7, phrases: [you're verified]}
                          - id: timeline
                            text: Say how long the refund takes at {brand}.
                            snippets: [Card refunds take 3 to 5 working days.]
                            phrases: ["At {brand} it takes 3 to 5 working days"]
                            done: {phrases: [working days]}
                      - id: billing-only
                        description: a billing issue said with the same words
                        trigger:
                          category: billing
                          phrases: [where is my refund]
                        steps:
                          - id: look
                            text: Look at the bill.
                            done: {phrases: [your bill]}
                    """;

    private static AgentAssist assist(String yaml) throws Exception {
        return new AgentAssist(LOADER.load("assist-test.yaml", yaml), CATEGORIES, ACTS);
    }

    private static Utterance agent(double t, String text) {
        return new Utterance(Speaker.AGENT, t, t + 2, text);
    }

    private static Utterance customer(double t, String text) {
        return new Utterance(Speaker.CUSTOMER, t, t + 2, text);
    }

    @Test
    void suggestsStepsWhenTheTriggerIsSaidAndWithdrawsThemWhenDone() throws Exception {
        AssistSession call = assist(PACK).start(Map.of("brand", "Example Shop"));
        assertThat(call.accept(agent(0, "Hello, thanks for calling, how can I help?"))).isEmpty();
        List<AssistEvent> raised =
                call.accept(
                        customer(3, "Hi, I sent a kettle back two weeks ago. Where is my refund?"));
        assertThat(raised)
                .extracting(AssistEvent::playbook, AssistEvent::step)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("refund-status", "verify"),
                        org.assertj.core.groups.Tuple.tuple("refund-status", "timeline"));
        AssistEvent.Suggested timeline = (AssistEvent.Suggested) raised.get(1);
        assertThat(timeline.text()).isEqualTo("Say how long the refund takes at Example Shop.");
        assertThat(timeline.snippets()).containsExactly("Card refunds take 3 to 5 working days.");
        assertThat(timeline.phrases())
                .containsExactly("At Example Shop it takes 3 to 5 working days");
        assertThat(timeline.utterance()).isEqualTo(1);
        assertThat(timeline.t()).isEqualTo(3);
        assertThat(timeline.evidence()).isEqualTo("Where is my refund");
        assertThat(call.open()).hasSize(2);

        List<AssistEvent> verified = call.accept(agent(6, "Thanks, that's you verified."));
        assertThat(verified).singleElement().isInstanceOf(AssistEvent.Withdrawn.class);
        AssistEvent.Withdrawn w = (AssistEvent.Withdrawn) verified.get(0);
        assertThat(w.step()).isEqualTo("verify");
        assertThat(w.utterance()).isEqualTo(2);
        assertThat(w.doneBy()).isEqualTo("Thanks, that's you verified.");
        assertThat(call.open()).extracting(AssistEvent::step).containsExactly("timeline");

        assertThat(call.accept(customer(9, "Where is my refund, though?"))).isEmpty();
        assertThat(call.accept(agent(12, "It shows in 3 to 5 working days.")))
                .extracting(AssistEvent::step)
                .containsExactly("timeline");
        assertThat(call.open()).isEmpty();

        AssistReport report = call.report();
        assertThat(report.playbooks())
                .extracting(AssistReport.RaisedPlaybook::playbook)
                .containsExactly("refund-status");
        assertThat(report.suggested())
                .containsExactly("refund-status/verify", "refund-status/timeline");
        assertThat(report.steps()).allMatch(AssistReport.StepOutcome::followed);
        assertThat(report.followedShare()).hasValue(1.0);
    }

    @Test
    void aStepDoneBeforeItsPlaybookIsRaisedIsNeverShownAndANeverDoneStepIsNotFollowed()
            throws Exception {
        AssistSession call = assist(PACK).start(Map.of());
        call.accept(agent(0, "Can I take your order number? Thanks, you're verified."));
        List<AssistEvent> raised =
                call.accept(customer(4, "I returned a lamp last month, where is my refund"));
        assertThat(raised).extracting(AssistEvent::step).containsExactly("timeline");
        AssistEvent.Suggested s = (AssistEvent.Suggested) raised.get(0);
        assertThat(s.text()).isEqualTo("Say how long the refund takes at {brand}.");
        assertThat(s.phrases()).isEmpty();
        call.accept(agent(8, "Okay, goodbye."));
        AssistReport report = call.report();
        assertThat(report.steps()).hasSize(2);
        AssistReport.StepOutcome verify = report.steps().get(0);
        assertThat(verify.suggested()).isFalse();
        assertThat(verify.doneAt()).hasValue(0);
        assertThat(verify.followed()).isFalse();
        AssistReport.StepOutcome timeline = report.steps().get(1);
        assertThat(timeline.suggestedAt()).hasValue(1);
        assertThat(timeline.doneAt()).isEmpty();
        assertThat(timeline.followed()).isFalse();
        assertThat(report.followedShare()).hasValue(0.0);
    }

    @Test
    void theCategoryKeepsAPlaybookOutOfACallAboutAnotherTopic() throws Exception {
        AssistSession call = assist(PACK).start(Map.of());
        List<AssistEvent> events =
                call.accept(
                        customer(
                                0,
                                "I returned my order and want my money back, where is my refund"));
        assertThat(events).extracting(AssistEvent::playbook).containsOnly("refund-status");
        assertThat(call.report().playbooks())
                .extracting(AssistReport.RaisedPlaybook::playbook)
                .containsExactly("refund-status");
    }

    @Test
    void ofPlaybooksSharingAnIssueOnlyTheFirstRaisedIsShown() throws Exception {
        String pack =
                RULES
                        + """
                          - id: damaged-on-arrival
                            description: it arrived broken
                            issue: item-problem
                            trigger: {phrases: [arrived broken]}
                            steps:
                              - {id: replace, text: Offer a replacement., done: {phrases: [replacement]}}
                          - id: failed-in-use
                            description: it broke in use
                            issue: item-problem
                            trigger: {phrases: [stopped working]}
                            steps:
                              - {id: check, text: Ask when it was bought., done: {phrases: [when did you buy]}}
                          - id: high-bill
                            description: a bill higher than usual
                            trigger: {phrases: [bill is higher]}
                            steps:
                              - {id: explain, text: Explain the charges., done: {phrases: [the charges]}}
                        """;
        AssistSession call = assist(pack).start(Map.of());
        assertThat(call.accept(customer(0, "the blender arrived broken in the box")))
                .extracting(AssistEvent::playbook)
                .containsExactly("damaged-on-arrival");
        assertThat(call.accept(customer(5, "and now the lid has stopped working too"))).isEmpty();
        assertThat(call.accept(customer(10, "also my bill is higher this month")))
                .extracting(AssistEvent::playbook)
                .containsExactly("high-bill");
        assertThat(call.report().playbooks())
                .extracting(AssistReport.RaisedPlaybook::playbook)
                .containsExactly("damaged-on-arrival", "high-bill");

        AssistSession other = assist(pack).start(Map.of());
        assertThat(other.accept(customer(0, "it stopped working after a week")))
                .extracting(AssistEvent::playbook)
                .containsExactly("failed-in-use");
        assertThat(other.accept(customer(5, "so it arrived broken in a way"))).isEmpty();
    }

    @Test
    void recognizerStyleTextCutAtAPauseAndMisheardStillTriggers() throws Exception {
        AssistSession call = assist(PACK).start(Map.of());
        assertThat(call.accept(customer(0, "hi uh i sent the kettle back and where is my")))
                .isEmpty();
        List<AssistEvent> events = call.accept(customer(2.5, "refunt i still have not got it"));
        assertThat(events).extracting(AssistEvent::step).containsExactly("verify", "timeline");
        assertThat(events.get(0).utterance()).isEqualTo(1);
        assertThat(call.accept(agent(6, "thanks that's you verafied")))
                .extracting(AssistEvent::step)
                .containsExactly("verify");
        assertThat(call.accept(agent(9, "it takes three to five working days")))
                .extracting(AssistEvent::step)
                .containsExactly("timeline");
    }

    @Test
    void actsGivenByTheCallerAreUsedInsteadOfClassifyingAgain() throws Exception {
        AssistSession call = assist(PACK).start(Map.of());
        call.accept(customer(0, "where is my refund for the kettle I returned"));
        double[] none = new double[DialogueAct.values().length];
        assertThat(call.accept(agent(3, "Okay."), ActScores.of(none))).isEmpty();
        double[] confirmed = none.clone();
        confirmed[DialogueAct.VERIFICATION_CONFIRMED.ordinal()] = 0.95;
        List<AssistEvent> events = call.accept(agent(5, "Mm-hm, right."), ActScores.of(confirmed));
        assertThat(events)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.step()).isEqualTo("verify");
                            assertThat(((AssistEvent.Withdrawn) e).evidence())
                                    .isEqualTo("act verification-confirmed");
                        });
    }

    @Test
    void koreanPlaybooksOfTheDefaultPackWorkOnWrittenAndRecognizerText() throws Exception {
        AgentAssist assist = AgentAssist.withDefaultModels(LOADER.loadDefault("ko"));
        for (String[] lines :
                List.of(
                        new String[] {
                            "안녕하세요, 고객센터입니다.",
                            "주문한 의자가 일주일째 안 와요. 배송이 너무 늦어요.",
                            "네, 본인 확인되었습니다. 물류센터에서 어제 출고되었습니다.",
                            "내일 오전에 배송 출발합니다."
                        },
                        new String[] {
                            "안녕하세요 고객센터입니다",
                            "주문한 의자가 일주일째안와요 배송이너무 늦어요",
                            "네 본인 확인 되었습니다 물류 센터에서 어제 출고되었습니다",
                            "내일 오전에 배송출발합니다"
                        })) {
            AssistSession call = assist.start(Map.of());
            List<AssistEvent> all = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                Speaker s = i == 1 ? Speaker.CUSTOMER : Speaker.AGENT;
                all.addAll(call.accept(new Utterance(s, i * 5.0, i * 5.0 + 4, lines[i])));
            }
            assertThat(all)
                    .as(Arrays.toString(lines))
                    .filteredOn(e -> e instanceof AssistEvent.Suggested)
                    .extracting(AssistEvent::playbook)
                    .containsOnly("delivery-delay");
            assertThat(call.report().steps())
                    .as(Arrays.toString(lines))
                    .allMatch(AssistReport.StepOutcome::followed);
        }
    }

    @Test
    void englishPlaybooksOfTheDefaultPackOnRecognizerText() throws Exception {
        AgentAssist assist = AgentAssist.withDefaultModels(LOADER.loadDefault("en"));
        AssistSession call = assist.start(Map.of());
        call.accept(agent(0, "thanks for calling how can i help"));
        List<AssistEvent> events =
                call.accept(customer(3, "hi i was charged twice for my order last week"));
        assertThat(events).extracting(AssistEvent::playbook).containsOnly("double-charge");
        call.accept(
                agent(
                        6,
                        "sorry about that that matches you're verified i can see two payments of"
                                + " forty dollars"));
        call.accept(
                agent(
                        10,
                        "i'm refunding the second one now you'll get the money in three to five"
                                + " working days"));
        assertThat(call.open()).isEmpty();
        assertThat(call.report().suggested()).hasSize(3);
        assertThat(call.report().followedShare()).hasValue(1.0);
    }

    @Test
    void workPerUtteranceDoesNotGrowWithTheCall() throws Exception {
        AgentAssist assist = AgentAssist.withDefaultModels(LOADER.loadDefault("en"));
        AssistSession call = assist.start(Map.of());
        String[] lines = {
            "okay let me have a look at that for you",
            "i see so the parcel was meant to come on monday",
            "bear with me while i check the notes on the account",
            "right and what did the driver say when you called"
        };
        int n = 3000;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            Speaker s = i % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER;
            Utterance u = new Utterance(s, i * 3.0, i * 3.0 + 2.5, lines[i % lines.length]);
            long t0 = System.nanoTime();
            call.accept(u);
            nanos[i] = System.nanoTime() - t0;
        }
        long first = median(Arrays.copyOfRange(nanos, 200, 700));
        long last = median(Arrays.copyOfRange(nanos, n - 500, n));
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "assist per utterance (default en pack, %d utterances): median first %d us, last"
                        + " %d us, p95 %d us%n",
                n, first / 1000, last / 1000, sorted[(int) (n * 0.95)] / 1000);
        // A cost that grew with the call would make the last utterances several times slower
        // than the early ones; a shared, loaded machine varies by well under this factor.
        assertThat(last).isLessThan(first * 4 + 2_000_000);
    }

    private static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    @Test
    void badInputIsRefusedWithAMessage() throws Exception {
        AssistSession call = assist(PACK).start(null);
        assertThatThrownBy(() -> call.accept(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("utterance is null");
        assertThat(call.accept(customer(0, ""))).isEmpty();
        assertThat(call.accept(customer(1, "?!  ..."))).isEmpty();
        assertThat(call.report().playbooks()).isEmpty();
        RulePack pack = LOADER.load("assist-test.yaml", PACK);
        CallClassifier twoCategories =
                CallClassifier.train(
                        List.of(
                                new TrainingExample("where is my refund", "refund", "en"),
                                new TrainingExample("my parcel is late", "shipping", "en"),
                                new TrainingExample("refund my money", "refund", "en"),
                                new TrainingExample("the parcel has not come", "shipping", "en")),
                        1L);
        assertThatThrownBy(() -> new AgentAssist(pack, twoCategories, ACTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("billing-only: billing")
                .hasMessageContaining("its categories: ");
    }
}
