package io.callqa.rules.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The bundled abuse model: reproducible from the corpus, and how it does on the held-out seeds. */
class AbuseClassifierTest {

    /** Where the retrained model is written, to replace the bundled one after a corpus change. */
    private static final Path RETRAINED = Path.of("target/abuse/default-model.bin");

    @Test
    void bundledModelIsTheTrainingSplitRetrained() throws IOException {
        AbuseClassifier retrained =
                AbuseClassifier.train(
                        AbuseCorpus.shipped().training(), AbuseClassifier.DEFAULT_SEED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        retrained.write(bytes);
        Files.createDirectories(RETRAINED.getParent());
        Files.write(RETRAINED, bytes.toByteArray());
        byte[] bundled;
        try (InputStream in = getClass().getResourceAsStream(AbuseClassifier.DEFAULT_MODEL)) {
            assertThat(in).as("bundled model " + AbuseClassifier.DEFAULT_MODEL).isNotNull();
            bundled = in.readAllBytes();
        }
        assertThat(Arrays.equals(bundled, bytes.toByteArray()))
                .as(
                        "the bundled model is the corpus's training split retrained with seed %d;"
                                + " after changing the corpus copy qa-rules/%s over"
                                + " qa-rules/src/main/resources%s",
                        AbuseClassifier.DEFAULT_SEED, RETRAINED, AbuseClassifier.DEFAULT_MODEL)
                .isTrue();
    }

    @Test
    void heldOutSeedsPerLanguageAndStyle() {
        AbuseClassifier model = AbuseClassifier.defaults();
        StringBuilder report =
                new StringBuilder("abuse classifier, held-out seeds (abuse >= 0.5):\n");
        List<double[]> figures = new ArrayList<>();
        for (String lang : List.of("en", "ko")) {
            for (String style : List.of("clean", "asr")) {
                int tp = 0;
                int fp = 0;
                int fn = 0;
                int civil = 0;
                int civilFlagged = 0;
                int kindRight = 0;
                for (AbuseExample e : AbuseCorpus.shipped().heldOut()) {
                    if (!e.lang().equals(lang) || !e.style().equals(style)) {
                        continue;
                    }
                    AbuseClassifier.Scores s = model.score(e.text(), lang);
                    boolean flagged = s.abuse() >= 0.5;
                    if (e.kind().isPresent()) {
                        if (flagged) {
                            tp++;
                            kindRight += s.top() == e.kind().get() ? 1 : 0;
                        } else {
                            fn++;
                        }
                    } else if (flagged) {
                        fp++;
                    }
                    if (e.group().equals("civil")) {
                        civil++;
                        civilFlagged += flagged ? 1 : 0;
                    }
                }
                double p = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
                double r = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
                report.append(
                        String.format(
                                Locale.ROOT,
                                "  %s %-5s abusive %3d  P %.3f  R %.3f  kind right %.3f  civil"
                                        + " flagged %d of %d%n",
                                lang,
                                style,
                                tp + fn,
                                p,
                                r,
                                tp == 0 ? 0 : kindRight / (double) tp,
                                civilFlagged,
                                civil));
                figures.add(new double[] {p, r});
            }
        }
        System.out.print(report);
        for (double[] pr : figures) {
            assertThat(pr[0]).as("precision, see the report above").isGreaterThanOrEqualTo(0.8);
            assertThat(pr[1]).as("recall, see the report above").isGreaterThanOrEqualTo(0.6);
        }
    }

    @Test
    void readRejectsWhatIsNotAModel() {
        assertThatThrownBy(
                        () ->
                                AbuseClassifier.read(
                                        new ByteArrayInputStream(
                                                "hello".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a callqa abuse model");
        byte[] truncated = Arrays.copyOf("callqa-abuse/1\n".getBytes(StandardCharsets.UTF_8), 20);
        assertThatThrownBy(() -> AbuseClassifier.read(new ByteArrayInputStream(truncated)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt");
    }

    @Test
    void writeThenReadGivesTheSameScores() throws IOException {
        AbuseClassifier model = AbuseClassifier.defaults();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        AbuseClassifier copy = AbuseClassifier.read(new ByteArrayInputStream(bytes.toByteArray()));
        String text = "you are a useless idiot and i want my money back";
        assertThat(copy.score(text, "en").abuse()).isEqualTo(model.score(text, "en").abuse());
        assertThat(copy.featureCount()).isEqualTo(model.featureCount());
    }
}
