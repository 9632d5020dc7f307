package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one invocation printed and returned. */
    private record Run(int exit, String out, String err) {
        List<JsonNode> lines() throws Exception {
            List<JsonNode> nodes = new ArrayList<>();
            for (String l : out.split("\n")) {
                if (!l.isBlank()) {
                    nodes.add(JSON.readTree(l));
                }
            }
            return nodes;
        }
    }

    private static Run run(String stdin, String... args) {
        CommandLine cl = CallqaCommand.newCommandLine();
        ClassifyCommand classify = cl.getSubcommands().get("classify").getCommand();
        classify.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void classifiesEachLineInOrderWithScores() throws Exception {
        Run r =
                run(
                        "{\"id\":1,\"text\":\"I was charged twice for one order\"}\n"
                                + "{\"id\":\"b\",\"text\":\"where is my parcel, tracking hasn't"
                                + " moved\"}\n"
                                + "{\"id\":3,\"text\":\"I want my money back for the broken"
                                + " lamp\"}\n",
                        "classify");
        assertThat(r.exit()).isZero();
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("category").asText()).isEqualTo("billing");
        assertThat(lines.get(1).get("id").asText()).isEqualTo("b");
        assertThat(lines.get(1).get("category").asText()).isEqualTo("shipping");
        assertThat(lines.get(2).get("category").asText()).isEqualTo("refund");
        JsonNode scores = lines.get(0).get("scores");
        assertThat(scores.fieldNames())
                .toIterable()
                .containsExactly("refund", "shipping", "billing", "other");
        assertThat(lines.get(0).get("confidence").asDouble())
                .isEqualTo(scores.get("billing").asDouble());
    }

    @Test
    void classifiesKoreanWithDetectionOrAGivenLanguage() throws Exception {
        String in =
                "{\"id\":\"k1\",\"text\":\"환불해 주세요\"}\n"
                        + "{\"id\":\"k2\",\"text\":\"택배가 아직 안 왔어요\"}\n"
                        + "{\"id\":\"k3\",\"text\":\"결제가 두 번 됐어요\"}\n";
        for (String[] args :
                List.of(new String[] {"classify"}, new String[] {"classify", "--lang", "ko"})) {
            List<JsonNode> lines = run(in, args).lines();
            assertThat(lines)
                    .extracting(n -> n.get("category").asText())
                    .containsExactly("refund", "shipping", "billing");
        }
    }

    @Test
    void aBadLineGivesAnErrorLineAndProcessingContinues() throws Exception {
        Run r =
                run(
                        "{\"id\":1,\"text\":\"refund please\"}\n"
                                + "{not json\n"
                                + "{\"id\":7}\n"
                                + "{\"id\":8,\"text\":42}\n"
                                + "[1]\n"
                                + "\n"
                                + "{\"id\":9,\"text\":\"배송 언제 와요?\"}\n",
                        "classify");
        assertThat(r.exit()).isZero();
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1).get("id").isNull()).isTrue();
        assertThat(lines.get(1).get("error").asText()).startsWith("not valid JSON");
        assertThat(lines.get(2).get("id").asInt()).isEqualTo(7);
        assertThat(lines.get(2).get("error").asText()).isEqualTo("missing \"text\"");
        assertThat(lines.get(3).get("error").asText()).isEqualTo("\"text\" must be a string");
        assertThat(lines.get(4).get("id").isNull()).isTrue();
        assertThat(lines.get(5).get("id").asInt()).isEqualTo(9);
        assertThat(lines.get(5).get("category").asText()).isEqualTo("shipping");
    }

    @Test
    void answersEachLineBeforeTheInputEnds() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        CommandLine cl = CallqaCommand.newCommandLine();
        ClassifyCommand classify = cl.getSubcommands().get("classify").getCommand();
        classify.in = new PipedInputStream(feed);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        Thread worker = new Thread(() -> cl.execute("classify"));
        worker.start();
        try {
            feed.write("{\"id\":1,\"text\":\"택배 언제 와요\"}\n".getBytes(StandardCharsets.UTF_8));
            feed.flush();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!out.toString().contains("\n") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(out.toString()).contains("\"id\":1", "\"category\":\"shipping\"");
        } finally {
            feed.close();
            worker.join(30_000);
        }
        assertThat(worker.isAlive()).isFalse();
    }

    @Test
    void anUnknownLanguageIsBadUsage() {
        Run r = run("", "classify", "--lang", "fr");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--lang must be en, ko or auto, got 'fr'");
    }

    @Test
    void aMissingOrBrokenModelIsBadInput(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("none.bin");
        Run r = run("", "classify", "--model", missing.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains(missing + ": no such file");
        Path junk = Files.writeString(tmp.resolve("junk.bin"), "hello");
        r = run("", "classify", "--model", junk.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains(junk + ": not a callqa classifier model");
    }
}
