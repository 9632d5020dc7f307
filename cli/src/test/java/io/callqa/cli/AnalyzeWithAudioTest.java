package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code callqa analyze --audio}: the recording's voice and timing join the transcript. */
class AnalyzeWithAudioTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private final ObjectMapper mapper = new ObjectMapper();

    static Stream<String> calls() throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private String[] run(String... args) {
        CommandLine cl = CallqaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @ParameterizedTest
    @MethodSource("calls")
    void findsTheWrittenViolationsWithVoiceEmotionAndProsodyAdded(String id) throws Exception {
        String[] r =
                run(
                        "analyze",
                        "--transcript",
                        SAMPLES.resolve(id + ".json").toString(),
                        "--audio",
                        SAMPLES.resolve(id + ".wav").toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode result = mapper.readTree(r[1]);
        JsonNode truth =
                mapper.readTree(SAMPLES.resolve(id + ".json").toFile()).path("ground_truth");

        List<String> failed = new ArrayList<>();
        result.path("qa")
                .path("results")
                .forEach(
                        x -> {
                            if (x.path("passed").isBoolean() && !x.path("passed").asBoolean()) {
                                failed.add(x.path("rule_id").asText());
                            }
                        });
        List<String> expected = new ArrayList<>();
        truth.path("expected_violations").forEach(v -> expected.add(v.asText()));
        assertThat(failed).containsExactlyInAnyOrderElementsOf(expected);

        assertThat(result.path("prosody").path("customer").path("pitch_mean_hz").asDouble())
                .isBetween(60.0, 500.0);
        assertThat(result.path("emotion").path("customer").path("dominant").asText())
                .isIn("neutral", "agitated", "low");
        assertThat(result.path("utterances"))
                .allSatisfy(
                        u ->
                                assertThat(u.path("emotion").asText())
                                        .isIn("neutral", "agitated", "low"));
    }

    @Test
    void aCorruptRecordingIsBadInputNamingTheFile(@TempDir Path tmp) throws Exception {
        Path wav = tmp.resolve("call.wav");
        Files.writeString(wav, "RIFF nonsense");
        String[] r =
                run(
                        "analyze",
                        "--transcript",
                        SAMPLES.resolve("s-en-refund-01.json").toString(),
                        "--audio",
                        wav.toString());
        assertThat(r[0]).isEqualTo("3");
        assertThat(r[2]).startsWith("callqa: " + wav).doesNotContain("\tat ");
    }
}
