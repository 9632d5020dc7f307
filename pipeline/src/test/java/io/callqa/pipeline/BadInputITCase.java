package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.IndexNames;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory where good calls lie next to recordings that are not what they claim (text, an empty
 * file, an absurd header, a truncated file, an MP3) and a transcript that is not JSON: the good
 * calls are indexed, each call with a bad recording is indexed from its transcript, and every bad
 * file is in callqa-errors with a reason that names it and says what is wrong. {@link
 * CallqaJobITCase} covers empty, malformed and invalid transcripts and a recording without one.
 *
 * <p>The job runs under {@link BatchProgress}, whose last line must count the files and errors.
 */
@ExtendWith(OpenSearchExtension.class)
@Timeout(300)
class BadInputITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GOOD = List.of("s-en-refund-01", "s-ko-billing-01");

    @TempDir Path input;

    @Test
    void goodCallsIndexedAndEveryBadFileReportedWithItsReason(OpenSearchNode openSearch)
            throws Exception {
        URI node = openSearch.httpUri();
        for (String id : GOOD) {
            for (String ext : List.of(".json", ".wav")) {
                Files.copy(IndexContents.SAMPLES.resolve(id + ext), input.resolve(id + ext));
            }
        }
        byte[] wav = Files.readAllBytes(IndexContents.SAMPLES.resolve("s-en-shipping-01.wav"));
        withTranscript("text-as-wav", "This is a note, not a recording.\n".getBytes());
        withTranscript("empty-wav", new byte[0]);
        byte[] absurd = wav.clone();
        // The sample rate field of the canonical header (fmt chunk at byte 12).
        Arrays.fill(absurd, 24, 28, (byte) 0);
        withTranscript("absurd-header", absurd);
        withTranscript("truncated", Arrays.copyOf(wav, wav.length / 2));
        Files.write(input.resolve("voicemail.mp3"), "ID3\u0004\u0000 not decoded".getBytes());
        Files.write(input.resolve("misnamed.json"), Arrays.copyOf(wav, 4096));
        Files.writeString(input.resolve("notes.txt"), "a note beside the calls, not a call");

        IndexContents.delete(node, IndexNames.CALLS, IndexNames.ALERTS_ALL, IndexNames.ERRORS_ALL);
        CallqaIndices.installTemplates(node);
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(node.toString()));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        StringWriter progress = new StringWriter();
        CallqaJob job =
                CallqaJob.recordedCalls(
                        new org.apache.flink.core.fs.Path(input.toUri()), null, conf);
        job.build(env);
        new BatchProgress(7, new PrintWriter(progress), Duration.ofMillis(500))
                .follow(env.executeAsync("callqa-bad-input"));

        Map<String, JsonNode> calls = IndexContents.documents(node, IndexNames.CALLS);
        assertThat(calls.keySet())
                .containsExactlyInAnyOrder(
                        "s-en-refund-01",
                        "s-ko-billing-01",
                        "bad-text-as-wav",
                        "bad-empty-wav",
                        "bad-absurd-header",
                        "bad-truncated");
        for (String id : GOOD) {
            assertThat(calls.get(id).at("/source/kind").asText()).as(id).isEqualTo("recording");
        }
        assertThat(calls.values())
                .filteredOn(c -> c.path("call_id").asText().startsWith("bad-"))
                .allSatisfy(
                        c -> {
                            assertThat(c.at("/source/kind").asText()).isNotEqualTo("recording");
                            assertThat(c.at("/qa/score").isNumber()).isTrue();
                        });

        Map<String, JsonNode> errors = IndexContents.documents(node, IndexNames.ERRORS_ALL);
        assertThat(errors).hasSize(6);
        assertReason(
                errors,
                "text-as-wav.wav",
                "text-as-wav.wav: not a WAV file (no RIFF header); the call was analysed from its"
                        + " transcript alone",
                "bad-text-as-wav");
        assertReason(
                errors,
                "empty-wav.wav",
                "empty-wav.wav: empty file (0 bytes), not a WAV recording; the call was analysed"
                        + " from its transcript alone",
                "bad-empty-wav");
        assertReason(
                errors,
                "absurd-header.wav",
                "absurd-header.wav: absurd sample rate 0 Hz; the call was analysed from its"
                        + " transcript alone",
                "bad-absurd-header");
        assertReason(
                errors,
                "truncated.wav",
                "truncated.wav: truncated data chunk: the header declares "
                        + (wav.length - 58)
                        + " bytes of audio but only "
                        + (wav.length / 2 - 58)
                        + " follow; the call was analysed from its transcript alone",
                "bad-truncated");
        assertReason(
                errors,
                "voicemail.mp3",
                "voicemail.mp3: an audio format callqa does not decode (.mp3); it reads WAV files"
                        + " (16-bit PCM, mu-law or A-law). Convert it, for example with `ffmpeg -i"
                        + " voicemail.mp3 -c:a pcm_s16le voicemail.wav`, and put its transcript"
                        + " (voicemail.json) beside it",
                null);
        JsonNode misnamed = error(errors, "misnamed.json");
        assertThat(misnamed.path("stage").asText()).isEqualTo("transcript");
        assertThat(misnamed.path("reason").asText()).contains("misnamed.json: not valid JSON");
        // Files that are neither transcripts nor recordings are not calls; they are left alone.
        assertThat(errors.values()).noneMatch(e -> e.toString().contains("notes.txt"));

        String[] lines = progress.toString().split("\n");
        assertThat(lines[lines.length - 1])
                .matches(
                        "callqa: 7/7 files, \\d+ (s|min) audio, \\d+(\\.\\d)?x real time, 6"
                                + " errors");
    }

    /** A recording with the given bytes beside a valid transcript of a call named bad-NAME. */
    private void withTranscript(String name, byte[] recording) throws Exception {
        ObjectNode transcript =
                (ObjectNode)
                        JSON.readTree(
                                IndexContents.SAMPLES.resolve("s-en-shipping-01.json").toFile());
        transcript.put("call_id", "bad-" + name);
        Files.writeString(
                input.resolve(name + ".json"), transcript.toString(), StandardCharsets.UTF_8);
        Files.write(input.resolve(name + ".wav"), recording);
    }

    private static JsonNode error(Map<String, JsonNode> errors, String file) {
        List<JsonNode> found =
                errors.values().stream()
                        .filter(e -> e.path("source").asText().endsWith("/" + file))
                        .toList();
        assertThat(found).as("errors about " + file).hasSize(1);
        return found.get(0);
    }

    private static void assertReason(
            Map<String, JsonNode> errors, String file, String reasonEnd, String callId) {
        JsonNode e = error(errors, file);
        assertThat(e.path("stage").asText()).as(file).isEqualTo("audio");
        assertThat(e.path("reason").asText()).as(file).endsWith("/" + reasonEnd);
        if (callId == null) {
            assertThat(e.has("call_id")).as(file).isFalse();
        } else {
            assertThat(e.path("call_id").asText()).as(file).isEqualTo(callId);
        }
    }
}
