package io.callqa.rules.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spoken-PII acceptance battery: generated conversations ({@code generate_battery.py}) in
 * English and Korean, clean and recognizer-style, split across utterances and speakers, with
 * fillers and one-digit errors, plus numbers that are not PII. The dev file is for tuning; the test
 * file was written before any tuning and is held out.
 *
 * <p>Leaks are read back from the redacted text with this test's own reader of spoken digits (not
 * the redactor's), so a digit word the redactor does not know still counts as a leak: an item leaks
 * when any 4 consecutive digits of its value (all of it when shorter) are readable in the redacted
 * conversation, in digits or in words.
 */
class PiiBatteryTest {

    private static final Map<String, String> WORDS = new TreeMap<>();

    static {
        String[] en = "zero one two three four five six seven eight nine".split(" ");
        for (int i = 0; i < 10; i++) {
            WORDS.put(en[i], String.valueOf(i));
        }
        WORDS.putAll(
                Map.of(
                        "thousand",
                        "00",
                        "oh",
                        "0",
                        "o",
                        "0",
                        "for",
                        "4",
                        "to",
                        "2",
                        "too",
                        "2",
                        "won",
                        "1",
                        "ate",
                        "8"));
        String[] teens =
                "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
                        .split(" ");
        for (int i = 0; i < 10; i++) {
            WORDS.put(teens[i], String.valueOf(10 + i));
        }
        String[] tens = "twenty thirty forty fifty sixty seventy eighty ninety".split(" ");
        for (int i = 0; i < tens.length; i++) {
            WORDS.put(tens[i], (i + 2) + "0");
        }
        WORDS.putAll(
                Map.of(
                        "first", "1", "second", "2", "third", "3", "fifth", "5", "eighth", "8",
                        "ninth", "9", "twelfth", "12"));
    }

    /** Words a listener hears through while a number is read: fillers, acknowledgements. */
    private static final List<String> BRIDGES =
            List.of(
                    "uh", "um", "어", "음", "and", "다시", "에", "하고", "okay", "yes", "go", "on", "got",
                    "it", "huh", "slash", "dash", "네", "예", "계속하세요");

    private static final String KO = "공영일이삼사오육칠팔구";
    private static final String KO_V = "00123456789";

    record Item(String id, String type, String value, List<String[]> lines) {}

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test"})
    void battery(String split) throws IOException {
        List<Item> items = new ArrayList<>(read("pii-battery-" + split + ".txt"));
        if (split.equals("dev")) {
            items.addAll(read("pii-battery-dev-hand.txt"));
        }
        PiiRedactor redactor = new PiiRedactor();
        Map<String, int[]> byType = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int none = 0;
        int falseRedactions = 0;
        for (Item item : items) {
            RedactedTranscript r = redactor.redact(call(item));
            List<String> out = r.transcript().utterances().stream().map(Utterance::text).toList();
            if (item.type().equals("none")) {
                none++;
                boolean changed = !out.equals(item.lines().stream().map(l -> l[2]).toList());
                if (changed) {
                    falseRedactions++;
                    misses.add(item.id() + " redacted: " + out);
                }
                continue;
            }
            // The reader must see the value in the raw conversation, or a miss would go unseen.
            assertThat(leaks(item, item.lines().stream().map(l -> l[2]).toList()))
                    .as(item.id() + ": the leak reader finds the value in the unredacted text")
                    .isTrue();
            int[] c = byType.computeIfAbsent(item.type(), k -> new int[3]);
            c[0]++;
            boolean leaked = leaks(item, out);
            if (!leaked) {
                c[1]++;
            } else {
                misses.add(item.id() + " leaks: " + out);
            }
            if (r.findings().stream().anyMatch(f -> f.type().id().equals(item.type()))) {
                c[2]++;
            }
        }
        StringBuilder report =
                new StringBuilder("PII battery (" + split + "): " + items.size() + " items\n");
        byType.forEach(
                (t, c) ->
                        report.append(
                                String.format(
                                        Locale.ROOT,
                                        "  %-8s recall %6.1f%% (%d/%d redacted), typed as %s"
                                                + " %5.1f%%%n",
                                        t,
                                        100.0 * c[1] / c[0],
                                        c[1],
                                        c[0],
                                        t,
                                        100.0 * c[2] / c[0])));
        report.append(
                String.format(
                        Locale.ROOT,
                        "  non-PII false-redaction rate %.1f%% (%d/%d)%n",
                        100.0 * falseRedactions / none,
                        falseRedactions,
                        none));
        misses.forEach(m -> report.append("  miss ").append(m).append('\n'));
        System.out.print(report);
        assertThat(none).as("non-PII items").isGreaterThanOrEqualTo(25);
        assertThat(byType.values().stream().mapToInt(c -> c[0]).sum())
                .as("PII items")
                .isGreaterThanOrEqualTo(100);
        for (Map.Entry<String, int[]> e : byType.entrySet()) {
            int[] c = e.getValue();
            double recall = (double) c[1] / c[0];
            boolean strict = List.of("card", "cvv", "rrn").contains(e.getKey());
            assertThat(recall)
                    .as(e.getKey() + " recall on " + split + "\n" + report)
                    .isGreaterThanOrEqualTo(strict ? 1.0 : 0.98);
        }
        assertThat((double) falseRedactions / none)
                .as("false redactions on " + split + "\n" + report)
                .isLessThanOrEqualTo(0.02);
    }

    private static CallTranscript call(Item item) {
        List<Utterance> us = new ArrayList<>();
        for (String[] l : item.lines()) {
            double t = Double.parseDouble(l[1]);
            double end = t + 0.3 * l[2].split(" ").length;
            us.add(
                    new Utterance(
                            l[0].equals("A") ? Speaker.AGENT : Speaker.CUSTOMER, t, end, l[2]));
        }
        return new CallTranscript(
                item.id(),
                item.id().contains("ko") ? "ko" : "en",
                Optional.empty(),
                Map.of(),
                Map.of(),
                us,
                JsonNodeFactory.instance.objectNode());
    }

    /** True when a stretch of the item's value can still be read in the redacted text. */
    static boolean leaks(Item item, List<String> redacted) {
        String text = String.join(" ", redacted).toLowerCase(Locale.ROOT);
        if (item.type().equals("email") || item.type().equals("name")) {
            String letters = spelled(text);
            for (String part : item.value().toLowerCase(Locale.ROOT).split("\\|")) {
                if ((" " + text.replaceAll("[^\\p{L}\\p{N}]+", " ") + " ")
                                .contains(" " + part + " ")
                        || text.contains(part) && part.chars().allMatch(ch -> ch >= 0xAC00)
                        || letters.contains(part)) {
                    return true;
                }
            }
            return false;
        }
        String value = item.value().toLowerCase(Locale.ROOT);
        int w = Math.min(4, value.length());
        List<String> runs = readable(text, item.type().equals("iban"));
        for (String run : runs) {
            for (int i = 0; i + w <= value.length(); i++) {
                if (run.contains(value.substring(i, i + w))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs of single letters joined ("m i a" reads "mia"). */
    private static String spelled(String text) {
        StringBuilder sb = new StringBuilder();
        for (String t : text.split("[^\\p{L}\\p{N}]+")) {
            sb.append(t.length() == 1 ? t : "|");
        }
        return sb.toString();
    }

    /** The digit strings readable in the text: consecutive number words and digits, joined. */
    static List<String> readable(String text, boolean letters) {
        List<String> runs = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int repeat = 1;
        for (String t : text.split("[^\\p{L}\\p{N}\\[\\]]+")) {
            if (t.equals("double") || t.equals("triple")) {
                repeat = t.equals("double") ? 2 : 3;
                continue;
            }
            String d = digits(t);
            if (d != null) {
                d = d.repeat(repeat);
                repeat = 1;
            }
            if (d == null && letters && t.length() <= 4 && t.matches("[a-z0-9]+")) {
                d = t;
            }
            if (d != null) {
                cur.append(d);
            } else if (!BRIDGES.contains(t)) {
                if (cur.length() > 0) {
                    runs.add(cur.toString());
                }
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) {
            runs.add(cur.toString());
        }
        // A tens word followed by a unit ("forty five") is also read as one number.
        List<String> more = new ArrayList<>(runs);
        for (String r : runs) {
            more.add(r.replaceAll("([2-9])0([1-9])", "$1$2"));
        }
        return more;
    }

    private static String digits(String t) {
        String w = WORDS.get(t);
        if (w != null) {
            return w;
        }
        String plain = plainDigits(t);
        if (plain != null) {
            return plain;
        }
        // An ending may also read as a digit (삼칠이요: 37 or 372); the longer reading counts.
        String best = null;
        for (String tail :
                List.of("이에요", "입니다", "이요", "예요", "요", "에", "의", "하고", "이고요", "번", "년", "월", "일")) {
            if (t.length() > tail.length() && t.endsWith(tail)) {
                String head = t.substring(0, t.length() - tail.length());
                String d = digits(head);
                if (d != null && (best == null || d.length() > best.length())) {
                    best = d;
                }
            }
        }
        return best;
    }

    private static String plainDigits(String t) {
        int ten = t.indexOf('십');
        if (ten >= 0 && t.length() <= 3) {
            String tens = ten == 0 ? "1" : plainDigits(t.substring(0, ten));
            String units = ten == t.length() - 1 ? "0" : plainDigits(t.substring(ten + 1));
            return tens == null || units == null ? null : tens + units;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int v = Character.digit(c, 10);
            int k = KO.indexOf(c);
            if (v >= 0) {
                sb.append(v);
            } else if (k >= 0) {
                sb.append(KO_V.charAt(k));
            } else {
                return null;
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    static List<Item> read(String name) throws IOException {
        String text;
        try (InputStream in = PiiBatteryTest.class.getResourceAsStream(name)) {
            assertThat(in).as("battery file " + name).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Item> items = new ArrayList<>();
        Item cur = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("@ ")) {
                String[] p = line.split(" ", 4);
                cur = new Item(p[1], p[2], p[3], new ArrayList<>());
                items.add(cur);
            } else {
                String[] p = line.split(" ", 3);
                cur.lines().add(new String[] {p[0], p[1], p.length > 2 ? p[2] : ""});
            }
        }
        return items;
    }
}
