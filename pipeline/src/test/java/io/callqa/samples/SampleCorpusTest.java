package io.callqa.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.TranscriptReader;
import io.callqa.rules.transcript.Utterance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the bundled sample corpus against what the rest of the project relies on: enough calls,
 * both languages, both telephone rates, stereo with the agent on the left, and sidecars that agree
 * with their recordings.
 */
class SampleCorpusTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Set<String> RULE_IDS =
            Set.of(
                    "greeting",
                    "recording-disclosure",
                    "identity-verification",
                    "prohibited-promise",
                    "pii-spoken",
                    "empathy",
                    "closing",
                    "dead-air",
                    "escalation-request");

    private static final Map<String, CallTranscript> calls = new TreeMap<>();

    @BeforeAll
    static void readAll() throws Exception {
        TranscriptReader reader = new TranscriptReader();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                CallTranscript t = reader.read(f);
                calls.put(t.callId(), t);
            }
        }
    }

    @Test
    void holdsAtLeastSixteenCallsFourOfThemKorean() {
        assertThat(calls).hasSizeGreaterThanOrEqualTo(16);
        assertThat(calls.values().stream().filter(t -> t.language().equals("ko")))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void everyCallIsAStereoWavMatchingItsSidecar() throws Exception {
        List<Float> rates = new ArrayList<>();
        List<AudioFormat.Encoding> encodings = new ArrayList<>();
        for (CallTranscript t : calls.values()) {
            JsonNode audio = t.extra().path("audio");
            Path wav = SAMPLES.resolve(audio.path("file").asText());
            assertThat(wav).as(t.callId()).exists();
            assertThat(wav.getFileName().toString()).isEqualTo(t.callId() + ".wav");

            AudioFileFormat ff = AudioSystem.getAudioFileFormat(wav.toFile());
            AudioFormat f = ff.getFormat();
            assertThat(ff.getType()).as(t.callId()).isEqualTo(AudioFileFormat.Type.WAVE);
            assertThat(f.getChannels()).as(t.callId()).isEqualTo(2);
            assertThat(f.getSampleRate())
                    .as(t.callId())
                    .isEqualTo((float) audio.path("sample_rate").asInt());
            String encoding = audio.path("encoding").asText();
            assertThat(f.getEncoding())
                    .as(t.callId())
                    .isEqualTo(
                            encoding.equals("mulaw")
                                    ? AudioFormat.Encoding.ULAW
                                    : AudioFormat.Encoding.PCM_SIGNED);
            double seconds = ff.getFrameLength() / (double) f.getFrameRate();
            assertThat(seconds)
                    .as(t.callId())
                    .isCloseTo(audio.path("duration_s").asDouble(), within(0.05));
            assertThat(t.speechEnd()).as(t.callId()).isLessThanOrEqualTo(seconds);
            assertThat(t.channels()).containsEntry(Speaker.AGENT, "left");
            rates.add(f.getSampleRate());
            encodings.add(f.getEncoding());
        }
        assertThat(rates).contains(8000f, 16000f);
        assertThat(encodings).contains(AudioFormat.Encoding.ULAW, AudioFormat.Encoding.PCM_SIGNED);
    }

    @Test
    void groundTruthUsesTheRuleVocabularyAndCoversTheScenarios() {
        Set<String> categories = new java.util.HashSet<>();
        Set<String> violations = new java.util.HashSet<>();
        int angry = 0;
        int koAngry = 0;
        for (CallTranscript t : calls.values()) {
            JsonNode gt = t.extra().path("ground_truth");
            assertThat(gt.isObject()).as(t.callId() + " has ground_truth").isTrue();
            categories.add(gt.path("category").asText());
            gt.path("expected_violations").forEach(v -> violations.add(v.asText()));
            assertThat(gt.path("expected_violations"))
                    .as(t.callId())
                    .allSatisfy(v -> assertThat(RULE_IDS).contains(v.asText()));
            if (!gt.path("customer_emotion").asText().equals("calm")) {
                angry++;
                koAngry += t.language().equals("ko") ? 1 : 0;
            }
            for (JsonNode i : gt.path("angry_utterances")) {
                Utterance u = t.utterances().get(i.asInt());
                assertThat(u.speaker())
                        .as(t.callId() + " angry utterance")
                        .isEqualTo(Speaker.CUSTOMER);
            }
        }
        assertThat(categories).containsExactlyInAnyOrder("refund", "shipping", "billing", "other");
        assertThat(violations)
                .contains(
                        "greeting",
                        "recording-disclosure",
                        "identity-verification",
                        "pii-spoken",
                        "dead-air",
                        "escalation-request");
        assertThat(angry).isGreaterThanOrEqualTo(5);
        assertThat(koAngry).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theCorpusStaysSmallEnoughToCommit() throws IOException {
        long bytes;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(bytes).isLessThan(30L * 1024 * 1024);
    }
}
