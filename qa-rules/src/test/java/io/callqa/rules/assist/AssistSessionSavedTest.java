package io.callqa.rules.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptReader;
import io.callqa.rules.transcript.Utterance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A session saved after every utterance, written as JSON, read back and resumed gives the same
 * suggestions, withdrawals and report as one that ran without a break: what a stream processor that
 * keeps each call between records needs. Over the sample calls in English and Korean, as written
 * and as a recognizer gives them (lowercase, no punctuation).
 */
class AssistSessionSavedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RulePackLoader LOADER = new RulePackLoader();

    private static List<CallTranscript> samples() throws Exception {
        TranscriptReader reader = new TranscriptReader();
        List<CallTranscript> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("..", "samples"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(reader.read(p));
            }
        }
        return out;
    }

    private static Utterance recognizerStyle(Utterance u) {
        String text = u.text().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\p{Punct}]", "");
        return u.withText(text, List.of());
    }

    @Test
    void aSessionResumedFromJsonAfterEveryUtteranceActsAsOneWithoutABreak() throws Exception {
        Map<String, AgentAssist> byLanguage = new HashMap<>();
        for (String l : List.of("en", "ko")) {
            byLanguage.put(l, AgentAssist.withDefaultModels(LOADER.loadDefault(l)));
        }
        int calls = 0;
        int events = 0;
        for (CallTranscript call : samples()) {
            AgentAssist assist = byLanguage.get(call.language());
            for (boolean recognizer : List.of(false, true)) {
                AssistSession whole = assist.start(call.metadata());
                String saved = JSON.writeValueAsString(assist.start(call.metadata()).saved());
                for (Utterance original : call.utterances()) {
                    Utterance u = recognizer ? recognizerStyle(original) : original;
                    List<AssistEvent> expected = whole.accept(u);
                    AssistSession resumed =
                            assist.resume(
                                    call.metadata(),
                                    JSON.readValue(saved, AssistSession.Saved.class));
                    List<AssistEvent> got = resumed.accept(u);
                    assertThat(got)
                            .as("%s%s, utterance %s", call.callId(), recognizer ? " (asr)" : "", u)
                            .isEqualTo(expected);
                    events += got.size();
                    saved = JSON.writeValueAsString(resumed.saved());
                }
                AssistSession last =
                        assist.resume(
                                call.metadata(), JSON.readValue(saved, AssistSession.Saved.class));
                assertThat(last.report()).as(call.callId()).isEqualTo(whole.report());
                assertThat(last.open()).as(call.callId()).isEqualTo(whole.open());
                calls++;
            }
        }
        assertThat(calls).isEqualTo(2 * samples().size());
        // The check means something only if the samples raise and withdraw steps.
        assertThat(events).isGreaterThan(20);
    }

    @Test
    void theSavedStateDoesNotGrowWithTheCall() throws Exception {
        AgentAssist assist = AgentAssist.withDefaultModels(LOADER.loadDefault("en"));
        AssistSession s = assist.start(Map.of());
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            s.accept(
                    new Utterance(
                            i % 2 == 0
                                    ? io.callqa.rules.transcript.Speaker.AGENT
                                    : io.callqa.rules.transcript.Speaker.CUSTOMER,
                            i * 5.0,
                            i * 5.0 + 3,
                            "i was charged twice for my order and i want the money back"));
            if (i == 50 || i == 399) {
                sizes.add(JSON.writeValueAsString(s.saved()).length());
            }
        }
        assertThat(sizes.get(1)).isLessThanOrEqualTo(sizes.get(0) + 16);
    }

    @Test
    void stateSavedWithAnotherPackIsRefusedWithAMessage() throws Exception {
        AgentAssist en = AgentAssist.withDefaultModels(LOADER.loadDefault("en"));
        // Two playbooks where the default pack has thirteen.
        AgentAssist other =
                AgentAssist.withDefaultModels(
                        LOADER.load("assist-test.yaml", AgentAssistTest.PACK));
        AssistSession.Saved saved = en.start(Map.of()).saved();
        assertThatThrownBy(() -> other.resume(Map.of(), saved))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resume with the pack the call started with");
        assertThatThrownBy(() -> en.resume(Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use start() instead");
    }
}
