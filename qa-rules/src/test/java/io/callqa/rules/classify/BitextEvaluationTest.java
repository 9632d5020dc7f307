package io.callqa.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Scores the default model on Bitext's 8k customer-service sample, mapped to four categories
 * ({@code label4}). Bitext is public data the project did not write and never trains on; it is not
 * in the repository, so this runs only where {@code ../shared/datasets/bitext} sits beside the
 * clone.
 */
class BitextEvaluationTest {

    private static final Path DATA =
            Path.of("../../shared/datasets/bitext/mapped_bitext_customer_service_8k.csv");

    @Test
    void bitext8kAccuracy() throws Exception {
        Assumptions.assumeTrue(
                Files.isRegularFile(DATA),
                "Bitext evaluation data not found at "
                        + DATA.toAbsolutePath().normalize()
                        + " (shared datasets are not part of the repository)");
        CallClassifier model = CallClassifier.defaultModel();
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(DATA, StandardCharsets.UTF_8)) {
            List<String> header = csv(in.readLine());
            int text = header.indexOf("text");
            int label = header.indexOf("label4");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cols = csv(line);
                gold.add(cols.get(label));
                predicted.add(model.classify(cols.get(text), "en").label());
            }
        }
        ClassifierEvaluation ev = ClassifierEvaluation.of(model.categories(), gold, predicted);
        System.out.println("Bitext 8k: " + ev.summary());
        System.out.print(ev.confusionTable());
        assertThat(ev.count()).isGreaterThan(8000);
        assertThat(ev.accuracy()).isGreaterThanOrEqualTo(0.85);
    }

    /** One CSV record per line, RFC 4180 quoting; the Bitext files have no embedded newlines. */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
