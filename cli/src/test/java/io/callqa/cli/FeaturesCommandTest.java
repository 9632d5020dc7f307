package io.callqa.cli;

import static io.callqa.cli.Invocation.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
    private static final Path SAMPLES = Path.of("../samples");

    @Test
    void jsonHasChannelsDynamicsAndUtterances() throws Exception {
        Invocation r = run("features", SAMPLES.resolve("s-en-refund-02.wav").toString(), "--json");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("channels").path("agent").path("pitch_mean_hz").asDouble())
                .isBetween(70.0, 130.0);
        assertThat(j.path("channels").path("customer").path("pitch_mean_hz").asDouble())
                .isBetween(200.0, 400.0);
        assertThat(j.path("dynamics").path("overtalk_s").asDouble()).isBetween(1.4, 2.0);
        JsonNode u = j.path("utterances").get(0);
        for (String k :
                new String[] {
                    "speaker", "start", "end", "pitch_mean_hz", "arousal", "emotion", "confidence"
                }) {
            assertThat(u.has(k)).as(k).isTrue();
        }
        assertThat(j.path("emotion").path("customer").path("dominant").asText())
                .isEqualTo("agitated");
    }

    @Test
    void transcriptTimingsGiveTheUtterances() throws Exception {
        Invocation r =
                run(
                        "features",
                        SAMPLES.resolve("s-en-refund-01.wav").toString(),
                        "--transcript",
                        SAMPLES.resolve("s-en-refund-01.json").toString(),
                        "--json");
        assertThat(r.exit()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode sidecar =
                new ObjectMapper().readTree(SAMPLES.resolve("s-en-refund-01.json").toFile());
        assertThat(j.path("utterances").size()).isEqualTo(sidecar.path("utterances").size());
        assertThat(j.path("utterances").get(1).path("start").asDouble()).isEqualTo(6.22);
        assertThat(j.path("utterances").get(1).path("rate_wpm").asDouble()).isBetween(100.0, 250.0);
    }

    @Test
    void textSummaryAndMonoChannelNames(@TempDir Path tmp) throws Exception {
        Invocation r = run("features", SAMPLES.resolve("s-en-billing-03.wav").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("agent", "customer", "dynamics", "longest dead air 2.");

        Path mono = tmp.resolve("mono.wav");
        byte[] data = new byte[16000];
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
        b.putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(data.length).put(data);
        Files.write(mono, b.array());
        JsonNode j = new ObjectMapper().readTree(run("features", mono.toString(), "--json").out());
        assertThat(j.path("channels").fieldNames()).toIterable().containsExactly("mixed");
        assertThat(j.path("dynamics").isNull()).isTrue();
        j =
                new ObjectMapper()
                        .readTree(
                                run("features", mono.toString(), "--json", "--channels", "customer")
                                        .out());
        assertThat(j.path("channels").fieldNames()).toIterable().containsExactly("customer");
    }

    @Test
    void badInputIsExitThreeNamingTheFile(@TempDir Path tmp) throws Exception {
        Path txt = tmp.resolve("notes.wav");
        Files.writeString(txt, "definitely not audio");
        Invocation r = run("features", txt.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("callqa: " + txt + ": not a WAV file (no RIFF header)\n");

        Invocation missing = run("features", tmp.resolve("none.wav").toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err())
                .isEqualTo("callqa: " + tmp.resolve("none.wav") + ": no such file\n");

        Invocation channels =
                run(
                        "features",
                        SAMPLES.resolve("s-en-refund-01.wav").toString(),
                        "--channels",
                        "a,b,c");
        assertThat(channels.exit()).isEqualTo(3);
        assertThat(channels.err())
                .contains("the file has 2 channels but 3 channel names were given");
    }
}
