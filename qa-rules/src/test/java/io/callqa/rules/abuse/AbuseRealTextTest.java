package io.callqa.rules.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The detector on real customer text it was never trained or tuned on, read at test time from the
 * shared datasets (not in the repository; the tests skip, saying why, where {@code
 * ../shared/datasets} does not sit beside the clone, or at {@code -Dcallqa.datasets=DIR}).
 *
 * <ul>
 *   <li><b>Bitext</b> customer-service and customer-support requests (CDLA-Sharing 1.0): lines
 *       without Bitext's offensive-language flag {@code W} are ordinary requests, so any finding is
 *       a false alarm; {@code W} lines that swear with "fuck" are profanity and should be found;
 *       {@code W} lines with only mild expletives ("damn", "bloody", "goddamn") are counted apart,
 *       since by callqa's policy a mild expletive in a request is not abuse.
 *   <li><b>Harper Valley</b> bank calls (Gridspace, CC BY 4.0): no customer there is abusive, so
 *       every finding on a customer utterance, human or recognizer transcript, is a false alarm.
 * </ul>
 */
class AbuseRealTextTest {

    private static final Path DATASETS =
            Path.of(System.getProperty("callqa.datasets", "../../shared/datasets"));
    private static final Pattern MARKUP = Pattern.compile("\\[[^\\]]*]|<[^>]*>");
    private static final AbuseDetector DETECTOR = AbuseDetector.defaults();

    @Test
    void bitextRequestsAreNotAbuseAndItsSwearingIs() throws IOException {
        Path dir = DATASETS.resolve("bitext");
        List<Path> files =
                List.of(
                        dir.resolve("bitext_customer_service_8k.csv"),
                        dir.resolve("bitext_customer_support_20k.csv"));
        Assumptions.assumeTrue(
                files.stream().allMatch(Files::isRegularFile),
                "Bitext data not found at "
                        + dir.toAbsolutePath().normalize()
                        + " (shared datasets are not part of the repository; set -Dcallqa.datasets"
                        + " to their directory)");
        long ordinary = 0;
        long ordinaryFlagged = 0;
        long swearing = 0;
        long swearingFound = 0;
        long mild = 0;
        long mildFlagged = 0;
        List<String> examples = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<String> header = csv(in.readLine().replace("\uFEFF", ""));
                int flags = header.indexOf("flags");
                int text = header.indexOf("utterance");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    List<String> cols = csv(line);
                    String t = cols.get(text);
                    boolean flagged = DETECTOR.inspect(t, "en", 0).isPresent();
                    if (!cols.get(flags).contains("W")) {
                        ordinary++;
                        if (flagged) {
                            ordinaryFlagged++;
                            if (examples.size() < 5) {
                                examples.add(t);
                            }
                        }
                    } else if (t.toLowerCase(Locale.ROOT).contains("fuck")) {
                        swearing++;
                        swearingFound += flagged ? 1 : 0;
                    } else {
                        mild++;
                        mildFlagged += flagged ? 1 : 0;
                    }
                }
            }
        }
        double falseAlarms = ordinaryFlagged / (double) ordinary;
        double recall = swearingFound / (double) swearing;
        System.out.printf(
                Locale.ROOT,
                "Bitext: ordinary requests flagged %d of %d (%.4f), e.g. %s%n"
                        + "        swearing with f*** found %d of %d (%.3f); mild expletives only"
                        + " flagged %d of %d%n",
                ordinaryFlagged,
                ordinary,
                falseAlarms,
                examples,
                swearingFound,
                swearing,
                recall,
                mildFlagged,
                mild);
        assertThat(ordinary).isGreaterThan(25_000);
        assertThat(falseAlarms).as("false alarms on ordinary requests").isLessThanOrEqualTo(0.005);
        assertThat(recall).as("swearing found").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void harperValleyCustomersAreNotAbusive() throws IOException {
        Path dir = DATASETS.resolve("harper-valley-subset");
        Assumptions.assumeTrue(
                Files.isDirectory(dir.resolve("transcript")),
                "Harper Valley data not found at "
                        + dir.toAbsolutePath().normalize()
                        + " (shared datasets are not part of the repository; set -Dcallqa.datasets"
                        + " to their directory)");
        ObjectMapper json = new ObjectMapper();
        long utterances = 0;
        long flagged = 0;
        List<String> examples = new ArrayList<>();
        for (Path d :
                List.of(dir.resolve("transcript"), dir.resolve("extra_over_1MB/transcript"))) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(d)) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            for (Path f : files) {
                for (JsonNode u : json.readTree(f.toFile())) {
                    if (!u.path("speaker_role").asText().equals("caller")
                            && !u.path("speaker_role").asText().equals("customer")) {
                        continue;
                    }
                    for (String field : List.of("human_transcript", "transcript")) {
                        String text = MARKUP.matcher(u.path(field).asText("")).replaceAll(" ");
                        if (text.isBlank()) {
                            continue;
                        }
                        utterances++;
                        if (DETECTOR.inspect(text, "en", 0).isPresent()) {
                            flagged++;
                            examples.add(text.strip());
                        }
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Harper Valley: customer utterances flagged %d of %d %s%n",
                flagged,
                utterances,
                examples);
        assertThat(utterances).isGreaterThan(50);
        assertThat(flagged / (double) utterances).isLessThanOrEqualTo(0.01);
    }

    /** One CSV record per line, RFC 4180 quoting; the Bitext files have no embedded newlines. */
    private static List<String> csv(String line) {
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
