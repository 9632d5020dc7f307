package io.callqa.cli;

import static io.callqa.cli.Invocation.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.rules.classify.CallClassifier;
import java.io.ByteArrayInputStream;
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

class TrainClassifierCommandTest {

    /** A small two-language corpus: enough for the model to learn the obvious. */
    private static Path corpus(Path dir) throws Exception {
        String[][] rows = {
            {"refund", "en", "I want a refund"},
            {"refund", "en", "refund my order please"},
            {"refund", "en", "where is my refund"},
            {"refund", "en", "give me my money back"},
            {"refund", "en", "money back for the broken toaster"},
            {"refund", "en", "refund for the jacket I returned"},
            {"refund", "ko", "환불해 주세요"},
            {"refund", "ko", "환불 언제 돼요"},
            {"refund", "ko", "환불 요청합니다"},
            {"refund", "ko", "반품했는데 환불이 안 됐어요"},
            {"shipping", "en", "where is my package"},
            {"shipping", "en", "my parcel is late"},
            {"shipping", "en", "tracking says in transit"},
            {"shipping", "en", "when will my package arrive"},
            {"shipping", "en", "the courier lost my parcel"},
            {"shipping", "en", "change my delivery address"},
            {"shipping", "ko", "택배가 안 왔어요"},
            {"shipping", "ko", "배송 언제 와요"},
            {"shipping", "ko", "배송지 변경해 주세요"},
            {"shipping", "ko", "택배 조회가 안 돼요"},
        };
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            lines.add(
                    "{\"text\":\""
                            + r[2]
                            + "\",\"label\":\""
                            + r[0]
                            + "\",\"lang\":\""
                            + r[1]
                            + "\"}");
        }
        return Files.write(dir.resolve("data.jsonl"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void trainsReportsHeldOutFiguresAndWritesAModelThatClassifyUses(@TempDir Path tmp)
            throws Exception {
        Path data = corpus(tmp);
        Path model = tmp.resolve("model.bin");
        Invocation r =
                run("train-classifier", "--data", data.toString(), "--out", model.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("training on", "labels [refund, shipping]", "held-out", "accuracy=")
                .contains("wrote " + model);
        CallClassifier loaded = CallClassifier.load(model);
        assertThat(loaded.categories()).containsExactly("refund", "shipping");
        assertThat(loaded.classify("환불 부탁해요", "ko").label()).isEqualTo("refund");

        CommandLine cl = CallqaCommand.newCommandLine();
        ClassifyCommand classify = cl.getSubcommands().get("classify").getCommand();
        classify.in =
                new ByteArrayInputStream(
                        "{\"id\":1,\"text\":\"배송 조회 부탁해요\"}\n".getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("classify", "--model", model.toString())).isZero();
        assertThat(out.toString()).contains("\"category\":\"shipping\"");
    }

    @Test
    void theSameSeedGivesTheSameModel(@TempDir Path tmp) throws Exception {
        Path data = corpus(tmp);
        Path a = tmp.resolve("a.bin");
        Path b = tmp.resolve("b.bin");
        assertThat(
                        run(
                                        "train-classifier",
                                        "--data",
                                        data.toString(),
                                        "--out",
                                        a.toString(),
                                        "--seed",
                                        "7")
                                .exit())
                .isZero();
        assertThat(
                        run(
                                        "train-classifier",
                                        "--data",
                                        data.toString(),
                                        "--out",
                                        b.toString(),
                                        "--seed",
                                        "7")
                                .exit())
                .isZero();
        CallClassifier ma = CallClassifier.load(a);
        CallClassifier mb = CallClassifier.load(b);
        for (String t : List.of("refund", "택배", "where is it", "money")) {
            assertThat(ma.classify(t, "auto")).isEqualTo(mb.classify(t, "auto"));
        }
    }

    @Test
    void aBadDataLineIsBadInputNamingFileAndLine(@TempDir Path tmp) throws Exception {
        Path data =
                Files.writeString(
                        tmp.resolve("bad.jsonl"),
                        "{\"text\":\"refund\",\"label\":\"refund\",\"lang\":\"en\"}\n"
                                + "{\"text\":\"배송\",\"label\":\"shipping\",\"lang\":\"jp\"}\n");
        Invocation r =
                run(
                        "train-classifier",
                        "--data",
                        data.toString(),
                        "--out",
                        tmp.resolve("m").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(
                        "callqa: " + data + ":2: \"lang\" must be \"en\" or \"ko\", got \"jp\"\n");
        assertThat(tmp.resolve("m")).doesNotExist();
    }

    @Test
    void aMissingDataFileIsBadInput(@TempDir Path tmp) {
        Path data = tmp.resolve("nope.jsonl");
        Invocation r =
                run(
                        "train-classifier",
                        "--data",
                        data.toString(),
                        "--out",
                        tmp.resolve("m").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains(data + ": no such file");
    }
}
