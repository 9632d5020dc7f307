package io.callqa.rules.engine;

import static io.callqa.rules.engine.CallFixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveAlertsTest {

    private static List<String> settledRules(RulePack pack, CallTranscript partial) {
        CallAnalysis a = new CallAnalyzer(pack).analyze(partial);
        Map<Speaker, Double> heard = new EnumMap<>(Speaker.class);
        for (Utterance u : partial.utterances()) {
            heard.merge(u.speaker(), u.start(), Math::max);
        }
        return LiveAlerts.settled(a, heard).stream()
                .map(x -> x.ruleId() == null ? x.type() : x.ruleId())
                .toList();
    }

    private static RulePack en() throws Exception {
        return new RulePackLoader().loadDefault("en");
    }

    private static RulePack ko() throws Exception {
        return new RulePackLoader().loadDefault("ko");
    }

    @Test
    void aMissedDisclosureIsOnlySettledOnceTheAgentIsHeardPastTheDeadline() throws Exception {
        // 12 s into the call the disclosure may still come: the missing-phrase failure is not
        // final.
        CallTranscript early =
                call(
                        "en",
                        "a 0-4 Thank you for calling Acme Retail, this is Dana.",
                        "c 4.5-8 Hi, I have a question about my order.",
                        "a 8.5-12 Sure, let me help with that.");
        assertThat(new CallAnalyzer(en()).analyze(early).violations())
                .contains("recording-disclosure");
        assertThat(settledRules(en(), early)).doesNotContain("recording-disclosure");

        // The agent speaks again after 30 s without it: now it was missed for good.
        CallTranscript late =
                call(
                        "en",
                        "a 0-4 Thank you for calling Acme Retail, this is Dana.",
                        "c 4.5-8 Hi, I have a question about my order.",
                        "a 8.5-12 Sure, let me help with that.",
                        "c 12.5-29 It was supposed to arrive last week and it has not.",
                        "a 31-35 I see, let me look at the tracking.");
        assertThat(settledRules(en(), late)).contains("recording-disclosure");
    }

    @Test
    void phrasesOnceSaidAreSettledAtOnce() throws Exception {
        CallTranscript t =
                call(
                        "en",
                        "a 0-4 Thank you for calling Acme Retail, this call may be recorded.",
                        "c 4.5-9 This is ridiculous, I want to speak to a manager right now.",
                        "a 9.5-12 I guarantee you will get your refund.");
        assertThat(settledRules(en(), t))
                .contains("escalation-request", "prohibited-promise", "anger")
                .doesNotContain("recording-disclosure", "greeting", "closing");
    }

    @Test
    void aCardNumberReadAloudInKoreanIsSettled() throws Exception {
        CallTranscript t =
                call(
                        "ko",
                        "a 0-5 애크미 리테일입니다. 이 통화는 녹음될 수 있습니다.",
                        "c 5.5-14 카드 번호는 사일일일 일일일일 일일일일 일일일일 입니다.",
                        "c 14.5-18 책임자 바꿔 주세요.");
        assertThat(settledRules(ko(), t)).contains("pii-spoken", "escalation-request");
    }

    /**
     * A silence still going on is dead air that has already lasted: past the pack's 30 s it is
     * settled before anyone speaks again; at 20 s it is not a failure yet.
     */
    @Test
    void deadAirStillGoingOnIsSettledOnceItHasLastedTooLong() throws Exception {
        CallTranscript t =
                call(
                        "en",
                        "a 0-4 Thank you for calling Acme Retail, this call may be recorded.",
                        "c 4.5-7 Where is my order?",
                        "a 7.5-9 Let me check, one moment please.");
        CallAnalyzer analyzer = new CallAnalyzer(en());
        Map<Speaker, Double> heard = new EnumMap<>(Speaker.class);
        t.utterances().forEach(u -> heard.merge(u.speaker(), u.start(), Math::max));

        CallAnalysis longer =
                analyzer.analyze(t, CallSignals.NONE.withOngoingSilence(t, new TimeSpan(9, 40)));
        assertThat(LiveAlerts.settled(longer, heard))
                .extracting(Alert::ruleId)
                .contains("dead-air");
        CallAnalysis shorter =
                analyzer.analyze(t, CallSignals.NONE.withOngoingSilence(t, new TimeSpan(9, 29)));
        assertThat(LiveAlerts.settled(shorter, heard))
                .extracting(Alert::ruleId)
                .doesNotContain("dead-air");
    }

    @Test
    void endOfCallRulesWaitForTheEnd() throws Exception {
        // No closing yet and no greeting deadline passed: nothing is settled that the end decides.
        CallTranscript t = call("ko", "a 0-5 안녕하세요.", "c 5.5-8 네.");
        assertThat(settledRules(ko(), t)).isEmpty();
    }

    @Test
    void anEscalationRecognizedAsAnActIsSettledAtOnce() throws Exception {
        // No phrase of the pack: "manager" was dropped by the recognizer; the act still shows.
        CallTranscript en =
                call(
                        "en",
                        "a 0-4 hello this call may be recorded",
                        "c 4.5-9 no i want to speak to a right now");
        assertThat(settledRules(en(), en)).contains("escalation-request");
        CallTranscript ko = call("ko", "a 0-4 안녕하세요 이 통화는 녹음될 수 있습니다", "c 4.5-9 됐고요 책임자 바꿔 주세요");
        assertThat(settledRules(ko(), ko)).contains("escalation-request");
        // A closing by act is about the end of the call: never settled while it is live.
        CallTranscript open = call("en", "a 0-4 hello this call may be recorded", "c 4.5-9 hi");
        assertThat(new CallAnalyzer(en()).analyze(open).violations()).contains("closing");
        assertThat(settledRules(en(), open)).doesNotContain("closing");
    }
}
