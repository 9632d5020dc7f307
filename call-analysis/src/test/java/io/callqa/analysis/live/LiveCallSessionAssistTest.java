package io.callqa.analysis.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.analysis.Asr;
import io.callqa.analysis.CallReporter;
import io.callqa.analysis.Source;
import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.rules.assist.AssistEvent;
import io.callqa.rules.assist.AssistReport;
import io.callqa.rules.eval.RecognizerVariants;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Utterance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A live session suggests and withdraws the steps that the post-call assist of the call document
 * ({@link CallReporter}) finds, at the same utterances, with the session restored from its snapshot
 * before every utterance, as the live operator keeps it. Over the sample calls in English and
 * Korean, as written and recognizer-style (no word errors, and 25%).
 */
class LiveCallSessionAssistTest {

    private static final Path SAMPLES = Path.of("../samples");

    @Test
    void theLiveSessionSuggestsAndWithdrawsWhatThePostCallAssistFinds() throws Exception {
        CallReporter reporter = new CallReporter(DynamicsSettings.DEFAULTS);
        Map<String, LivePack> packs = new HashMap<>();
        Map<String, Integer> suggested = new TreeMap<>();
        Map<String, Integer> withdrawn = new TreeMap<>();
        int calls = 0;
        for (CallTranscript written : LiveCallSessionEquivalenceTest.read(SAMPLES)) {
            for (CallTranscript call :
                    List.of(
                            written,
                            RecognizerVariants.recognizer(written, 0),
                            RecognizerVariants.recognizer(written, 0.25))) {
                String lang = call.language();
                LivePack pack = packs.computeIfAbsent(lang, l -> new LivePack(reporter.pack(l)));
                Map<String, String> live = live(pack, call);
                AssistReport after =
                        reporter.report(
                                        call,
                                        Source.live("test:" + call.callId()),
                                        Asr.PROVIDED,
                                        null)
                                .assist();
                Map<String, String> expected = new TreeMap<>();
                for (AssistReport.StepOutcome s : after.steps()) {
                    if (s.suggested()) {
                        expected.put(
                                s.playbook() + "/" + s.step(),
                                s.suggestedAt().getAsInt()
                                        + (s.doneAt().isPresent()
                                                ? " done " + s.doneAt().getAsInt()
                                                : ""));
                    }
                }
                assertThat(live).as(call.callId()).isEqualTo(expected);
                for (String v : live.values()) {
                    suggested.merge(lang, 1, Integer::sum);
                    if (v.contains(" done ")) {
                        withdrawn.merge(lang, 1, Integer::sum);
                    }
                }
                calls++;
            }
        }
        assertThat(calls).isEqualTo(3 * 20);
        // Both languages suggest steps and see some of them done, so both kinds of event are
        // compared.
        assertThat(suggested.keySet()).containsExactly("en", "ko");
        assertThat(withdrawn.keySet()).containsExactly("en", "ko");
    }

    /**
     * The call through a session restored before every utterance: per step suggested, the utterance
     * that suggested it and the one that withdrew it; a step is suggested and withdrawn at most
     * once.
     */
    private static Map<String, String> live(LivePack pack, CallTranscript call) {
        LiveCallSession s =
                new LiveCallSession(pack, call.callId(), call.language(), call.metadata());
        Map<String, String> out = new TreeMap<>();
        List<String> seen = new ArrayList<>();
        for (Utterance u : call.utterances()) {
            s = LiveCallSession.restore(pack, s.snapshot());
            for (AssistEvent e : s.heard(u, null).assist()) {
                String key = e.playbook() + "/" + e.step();
                String kind = e instanceof AssistEvent.Suggested ? "suggested" : "withdrawn";
                assertThat(seen).as(call.callId()).doesNotContain(key + " " + kind);
                seen.add(key + " " + kind);
                if (e instanceof AssistEvent.Suggested) {
                    out.put(key, Integer.toString(e.utterance()));
                } else {
                    assertThat(out)
                            .as(call.callId() + " withdraws only what it showed")
                            .containsKey(key);
                    out.put(key, out.get(key) + " done " + e.utterance());
                }
            }
        }
        return out;
    }
}
