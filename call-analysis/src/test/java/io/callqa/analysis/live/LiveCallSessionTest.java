package io.callqa.analysis.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callqa.rules.engine.TimeSpan;
import io.callqa.rules.engine.UtteranceEmotion;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rule kind's incremental state, on the bundled packs (English and Korean). */
class LiveCallSessionTest {

    private static LivePack en;
    private static LivePack ko;
    private static LivePack enAllAlerting;

    @BeforeAll
    static void packs() throws Exception {
        RulePack p = new RulePackLoader().loadDefault("en");
        en = new LivePack(p);
        enAllAlerting = new LivePack(LiveCallSessionEquivalenceTest.everyRuleAlerts(p));
        ko = new LivePack(new RulePackLoader().loadDefault("ko"));
    }

    private static LiveCallSession session(LivePack pack, String language) {
        return new LiveCallSession(pack, "c1", language, Map.of());
    }

    private static Utterance a(double start, double end, String text) {
        return new Utterance(Speaker.AGENT, start, end, text);
    }

    private static Utterance c(double start, double end, String text) {
        return new Utterance(Speaker.CUSTOMER, start, end, text);
    }

    private static List<String> rules(List<SettledAlert> alerts) {
        return alerts.stream()
                .map(x -> x.alert().ruleId() == null ? x.alert().type() : x.alert().ruleId())
                .toList();
    }

    /** Feeds the utterances; the rule ids settled by each, one list per utterance. */
    private static List<List<String>> feed(LiveCallSession s, Utterance... us) {
        List<List<String>> out = new ArrayList<>();
        for (Utterance u : us) {
            out.add(rules(s.heard(u, null).alerts()));
        }
        return out;
    }

    @Test
    void aProhibitedPromiseCutAcrossTwoUtterancesIsRaisedOnceWhenItsSecondHalfComes() {
        LiveCallSession s = session(en, "en");
        List<List<String>> steps =
                feed(
                        s,
                        a(0, 3, "thank you for calling this call may be recorded"),
                        c(3.5, 6, "i need my refund"),
                        a(6.5, 8, "okay i"),
                        a(8.5, 10, "guarantee it will be there"),
                        a(10.5, 12, "i guarantee it again"));
        assertThat(steps.get(2)).doesNotContain("prohibited-promise");
        assertThat(steps.get(3)).contains("prohibited-promise");
        assertThat(steps.get(4)).doesNotContain("prohibited-promise");
    }

    @Test
    void aMissedDisclosureIsSettledOnlyOnceTheAgentSpeaksPastItsDeadline() {
        LiveCallSession s = session(en, "en");
        List<List<String>> steps =
                feed(
                        s,
                        a(0, 4, "hello thanks for calling"),
                        c(4.5, 8, "hi i have a question"),
                        a(8.5, 12, "sure let me help"),
                        c(12.5, 29, "it was supposed to arrive last week"),
                        a(31, 35, "i see let me look"));
        assertThat(steps.subList(0, 4)).allSatisfy(x -> assertThat(x).isEmpty());
        assertThat(steps.get(4)).containsExactly("recording-disclosure");
    }

    @Test
    void aDisclosureSaidInTimeIsNeverRaised() {
        LiveCallSession s = session(en, "en");
        List<List<String>> steps =
                feed(
                        s,
                        a(0, 4, "hello thanks for calling this call may be recorded"),
                        c(4.5, 8, "hi"),
                        a(40, 42, "anything else"));
        assertThat(steps).allSatisfy(x -> assertThat(x).doesNotContain("recording-disclosure"));
    }

    @Test
    void accountDetailsBeforeVerificationBreakTheOrderAtOnceAndAfterItNever() {
        LiveCallSession broken = session(en, "en");
        assertThat(
                        feed(
                                broken,
                                a(0, 3, "hello this call is recorded"),
                                a(3.5, 6, "your balance is two hundred dollars")))
                .last()
                .asList()
                .contains("identity-verification");

        LiveCallSession kept = session(en, "en");
        assertThat(
                        feed(
                                kept,
                                a(0, 3, "hello this call is recorded"),
                                c(3.5, 5, "my date of birth is in may"),
                                a(5.5, 7, "thanks for confirming"),
                                a(7.5, 10, "your balance is two hundred dollars")))
                .allSatisfy(x -> assertThat(x).doesNotContain("identity-verification"));
    }

    @Test
    void aCardReadInTwoPiecesWithoutACueIsRaisedWhenTheSecondPieceCompletesIt() {
        LiveCallSession s = session(en, "en");
        List<SettledAlert> first =
                s.heard(c(0, 4, "it is four one one one one one one one"), null).alerts();
        List<SettledAlert> second =
                s.heard(c(5, 9, "one one one one one one one one"), null).alerts();
        assertThat(rules(first)).doesNotContain("pii-spoken");
        assertThat(rules(second)).contains("pii-spoken");
        SettledAlert pii =
                second.stream()
                        .filter(x -> "pii-spoken".equals(x.alert().ruleId()))
                        .findFirst()
                        .get();
        assertThat(pii.alert().utterance()).isZero();
        assertThat(pii.text()).contains("[CARD]").doesNotContain("four one one one");
    }

    @Test
    void anAgitatedCustomerRaisesAngerOnceByVoiceOrByWords() {
        LiveCallSession s = session(en, "en");
        assertThat(rules(s.heard(c(0, 2, "hello"), new UtteranceEmotion(0.1)).alerts())).isEmpty();
        assertThat(rules(s.heard(c(2.5, 4, "where is it"), new UtteranceEmotion(1.5)).alerts()))
                .containsExactly("anger");
        assertThat(rules(s.heard(c(4.5, 6, "this is ridiculous"), null).alerts())).isEmpty();
    }

    @Test
    void anUnansweredAgitatedTurnIsSettledOnceTheAgentSpeaksPastTheWindow() {
        LiveCallSession answered = session(enAllAlerting, "en");
        List<List<String>> ok =
                feed(
                        answered,
                        c(0, 3, "this is ridiculous"),
                        a(3.5, 6, "i'm so sorry about that"),
                        a(30, 32, "let me check"));
        assertThat(ok).allSatisfy(x -> assertThat(x).doesNotContain("empathy"));

        LiveCallSession ignored = session(enAllAlerting, "en");
        List<List<String>> steps =
                feed(
                        ignored,
                        c(0, 3, "this is ridiculous"),
                        a(3.5, 6, "what is your order number"),
                        a(15, 17, "one moment"),
                        a(30, 32, "let me check"));
        assertThat(steps.subList(0, 3)).allSatisfy(x -> assertThat(x).doesNotContain("empathy"));
        assertThat(steps.get(3)).contains("empathy");
    }

    @Test
    void deadAirIsRaisedWhileItLastsAndNotAgainWhenSomeoneSpeaks() {
        LiveCallSession s = session(en, "en");
        s.heard(a(0, 3, "hello thanks for calling this call may be recorded"), null);
        assertThat(rules(s.silence(new TimeSpan(3, 20)))).isEmpty();
        assertThat(rules(s.silence(new TimeSpan(3, 40)))).containsExactly("dead-air");
        assertThat(rules(s.heard(c(45, 47, "hello are you there"), null).alerts()))
                .doesNotContain("dead-air");
    }

    @Test
    void aGapBetweenUtterancesOverTheLimitIsRaisedWhenTheNextOneComes() {
        LiveCallSession s = session(en, "en");
        s.heard(a(0, 3, "hello thanks for calling this call may be recorded"), null);
        List<SettledAlert> next = s.heard(c(40, 42, "hello"), null).alerts();
        assertThat(rules(next)).contains("dead-air");
        SettledAlert d =
                next.stream().filter(x -> "dead-air".equals(x.alert().ruleId())).findFirst().get();
        assertThat(d.alert().utterance()).isZero();
        assertThat(d.alert().t()).isEqualTo(3.0);
    }

    @Test
    void koreanPromisesAndEscalationsAreRaisedFromRecognizerStyleText() {
        LiveCallSession s = session(ko, "ko");
        List<List<String>> steps =
                feed(
                        s,
                        new Utterance(Speaker.AGENT, 0, 3, "안녕하세요 통화 내용이 녹음됩니다"),
                        new Utterance(Speaker.CUSTOMER, 3.5, 6, "환불 언제 돼요"),
                        new Utterance(Speaker.AGENT, 6.5, 9, "무조건 환불 해 드릴게요"),
                        new Utterance(Speaker.CUSTOMER, 9.5, 12, "책임자 바꿔 주세요"));
        assertThat(steps.get(2)).contains("prohibited-promise");
        assertThat(steps.get(3)).contains("escalation-request");
    }

    @Test
    void theStateStaysBoundedOverAnHourLongCall() {
        LiveCallSession s = session(en, "en");
        List<Integer> sizes = new ArrayList<>();
        String[] agent = {
            "let me check that for you", "okay one moment please", "i can see the order here"
        };
        String[] customer = {"okay thanks", "yes that is right", "it was last tuesday"};
        double t = 0;
        for (int i = 0; i < 720; i++) {
            boolean isAgent = i % 2 == 0;
            String text = (isAgent ? agent : customer)[(i / 2) % 3];
            s.heard(
                    new Utterance(isAgent ? Speaker.AGENT : Speaker.CUSTOMER, t, t + 3, text),
                    null);
            t += 5;
            if (i == 60 || i == 719) {
                sizes.add(s.snapshot().length());
            }
        }
        assertThat(s.utterances()).isEqualTo(720);
        // An hour holds twelve times the utterances of its first five minutes; the state does not.
        assertThat(sizes.get(1)).isLessThan(sizes.get(0) * 3 / 2);
    }

    @Test
    void aSnapshotRestoresTheSameSessionAndGarbageIsRejectedByName() {
        LiveCallSession s = session(en, "en");
        s.heard(a(0, 4, "hello thanks for calling"), null);
        s.heard(c(4.5, 8, "hi i have a question"), null);
        LiveCallSession back = LiveCallSession.restore(en, s.snapshot());
        assertThat(back.snapshot()).isEqualTo(s.snapshot());
        assertThat(back.utterances()).isEqualTo(2);
        assertThat(rules(back.heard(a(31, 35, "i see let me look"), null).alerts()))
                .containsExactly("recording-disclosure");
        assertThatThrownBy(() -> LiveCallSession.restore(en, "{not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a live call session snapshot");
    }
}
