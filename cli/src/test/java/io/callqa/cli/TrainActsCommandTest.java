package io.callqa.cli;

import static io.callqa.cli.Invocation.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.rules.acts.DialogueAct;
import io.callqa.rules.acts.DialogueActClassifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainActsCommandTest {

    /** A tiny corpus: three lines per act, the third in the test split. */
    private static Path corpus(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (DialogueAct act : DialogueAct.values()) {
            String id = act.id();
            for (int i = 0; i < 3; i++) {
                String text = id.replace('-', ' ') + " " + id.replace('-', ' ') + " number " + i;
                lines.add(
                        "{\"text\":\""
                                + text
                                + "\",\"acts\":[\""
                                + id
                                + "\"],\"lang\":\"en\",\"style\":\"asr\",\"template\":\""
                                + id
                                + i
                                + "\",\"split\":\""
                                + (i == 2 ? "test" : "train")
                                + "\"}");
            }
        }
        return Files.write(dir.resolve("acts.jsonl"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void trainsReportsTheTestSplitAndWritesAModel(@TempDir Path tmp) throws Exception {
        Path data = corpus(tmp);
        Path model = tmp.resolve("acts.bin");
        Invocation r = run("train-acts", "--data", data.toString(), "--out", model.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("training on 30 examples, testing on 15", "test split, en asr:")
                .contains("offer-help", "macro-F1=")
                .contains("wrote " + model);
        DialogueActClassifier loaded = DialogueActClassifier.load(model);
        assertThat(loaded.classify("escalation request", "en").top())
                .isEqualTo(DialogueAct.ESCALATION_REQUEST);
    }

    @Test
    void aBadLineIsBadInputNamingFileAndLine(@TempDir Path tmp) throws Exception {
        Path data =
                Files.writeString(
                        tmp.resolve("bad.jsonl"),
                        "{\"text\":\"bye\",\"acts\":[\"goodbye\"],\"lang\":\"en\",\"style\":"
                                + "\"asr\",\"template\":\"t\",\"split\":\"train\"}\n");
        Invocation r =
                run("train-acts", "--data", data.toString(), "--out", tmp.resolve("m").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("callqa: " + data + ":1: unknown dialogue act \"goodbye\"");
        assertThat(tmp.resolve("m")).doesNotExist();
    }

    @Test
    void aMissingFileIsBadInput(@TempDir Path tmp) {
        Path data = tmp.resolve("none.jsonl");
        Invocation r =
                run("train-acts", "--data", data.toString(), "--out", tmp.resolve("m").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("callqa: " + data + ": no such file\n");
    }
}
