package io.callqa.rules.pii;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and redacts sensitive data in transcribed speech, in English and Korean.
 *
 * <p>Numbers are read as runs of digits whether written ("4111 1111 ...") or spoken ("four one one
 * one", "oh" for zero, Korean 공/영/일/이/삼/사/오/육/칠/팔/구), then classified: a 6+7 layout with a valid
 * gender digit is a Korean resident registration number, 13-19 Luhn-valid digits a card, 3-2-4
 * digits (or nine after "social security") an SSN, 10-11 digits a phone number. E-mail is found
 * written and spoken ("name dot surname at example dot com"). A date is a date of birth only when
 * introduced as one, in the same utterance or in the question just before it.
 */
public final class PiiRedactor {

    /** What to look for and whether to replace it. */
    public record Settings(boolean redact, Set<PiiType> types) {
        /** Redaction on, every type. */
        public static final Settings DEFAULTS = new Settings(true, Set.of(PiiType.values()));

        /** Copies the set. */
        public Settings {
            types = Set.copyOf(types);
        }
    }

    private static final Map<String, Character> EN_DIGITS =
            Map.ofEntries(
                    Map.entry("zero", '0'),
                    Map.entry("oh", '0'),
                    Map.entry("o", '0'),
                    Map.entry("one", '1'),
                    Map.entry("two", '2'),
                    Map.entry("three", '3'),
                    Map.entry("four", '4'),
                    Map.entry("five", '5'),
                    Map.entry("six", '6'),
                    Map.entry("seven", '7'),
                    Map.entry("eight", '8'),
                    Map.entry("nine", '9'));
    private static final String KO_DIGITS = "공영일이삼사오육칠팔구륙";
    private static final String KO_VALUES = "001234567896";
    private static final List<String> KO_TAILS = List.of("이에요", "입니다", "이요", "예요", "요", "번");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern RUN_SEPARATOR = Pattern.compile("[\\s,\\-–/()]*|\\.");
    private static final Pattern GROUP_BREAK = Pattern.compile(".*[,\\-–/().].*", Pattern.DOTALL);
    private static final Pattern EMAIL =
            Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPOKEN_EMAIL =
            Pattern.compile(
                    "\\b[a-z0-9]+(?:\\s+(?:dot|underscore|dash|hyphen)\\s+[a-z0-9]+)*\\s+at\\s+"
                            + "[a-z0-9]+(?:\\s+dot\\s+[a-z0-9]+)*\\s+dot\\s+"
                            + "(?:com|net|org|edu|gov|io|co|kr|uk|us)\\b",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern DOB_CUE =
            Pattern.compile(
                    "date of birth|birth ?date|birthday|born on|born in|\\bdob\\b|생년월일|생일|태어나",
                    Pattern.CASE_INSENSITIVE);
    private static final String MONTHS =
            "january|february|march|april|may|june|july|august|september|october|november|december";
    private static final String NUM_WORD =
            "(?:\\d{1,4}(?:st|nd|rd|th)?|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten"
                    + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
                    + "|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
                    + "|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
                    + "|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
                    + "|nineteenth|twentieth|thirtieth)";
    private static final String NUMS = NUM_WORD + "(?:(?:[\\s,-]+|\\s+and\\s+)" + NUM_WORD + ")*";
    private static final Pattern EN_DATE =
            Pattern.compile(
                    "\\b(?:(?:the\\s+)?"
                            + NUMS
                            + "\\s+of\\s+)?(?:"
                            + MONTHS
                            + ")(?:[\\s,]+"
                            + NUMS
                            + ")?\\b"
                            + "|\\b\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}\\b",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern KO_DATE =
            Pattern.compile(
                    "(?:[0-9공영일이삼사오육칠팔구십백천]+년\\s*)?[0-9일이삼사오육칠팔구십]+월\\s*"
                            + "[0-9일이삼사오육칠팔구십]+일|[0-9공영일이삼사오육칠팔구십백천]+년\\s*"
                            + "[0-9일이삼사오육칠팔구십]+월");

    private final Settings settings;

    /** A redactor with redaction on for every type. */
    public PiiRedactor() {
        this(Settings.DEFAULTS);
    }

    /** A redactor with the given settings. */
    public PiiRedactor(Settings settings) {
        this.settings = settings;
    }

    /** Redacts every utterance of a call; a date of birth asked for is redacted in the answer. */
    public RedactedTranscript redact(CallTranscript call) {
        List<Utterance> out = new ArrayList<>();
        List<PiiFinding> findings = new ArrayList<>();
        List<Utterance> us = call.utterances();
        for (int i = 0; i < us.size(); i++) {
            Utterance u = us.get(i);
            boolean dobAsked =
                    i > 0
                            && us.get(i - 1).speaker() != u.speaker()
                            && DOB_CUE.matcher(us.get(i - 1).text()).find();
            RedactedText r = redact(u.text(), dobAsked);
            for (PiiType t : r.types()) {
                findings.add(new PiiFinding(t, i, u.speaker()));
            }
            // Recognized words would carry the raw digits: an utterance that had something redacted
            // keeps none of them.
            out.add(u.withText(r.text(), r.text().equals(u.text()) ? u.words() : List.of()));
        }
        CallTranscript redacted =
                new CallTranscript(
                        call.callId(),
                        call.language(),
                        call.startedAt(),
                        call.metadata(),
                        call.channels(),
                        out,
                        JsonNodeFactory.instance.objectNode());
        return new RedactedTranscript(redacted, findings);
    }

    /** Redacts one text on its own (a date counts as a date of birth only if introduced here). */
    public RedactedText redact(String text) {
        return redact(text, false);
    }

    private RedactedText redact(String text, boolean dobAsked) {
        List<Span> spans = new ArrayList<>();
        find(EMAIL, text, PiiType.EMAIL, spans);
        find(SPOKEN_EMAIL, text, PiiType.EMAIL, spans);
        digitRuns(text, spans);
        if (dobAsked || DOB_CUE.matcher(text).find()) {
            find(EN_DATE, text, PiiType.DOB, spans);
            find(KO_DATE, text, PiiType.DOB, spans);
        }
        spans.removeIf(s -> !settings.types().contains(s.type));
        spans.sort(
                Comparator.comparingInt((Span s) -> s.start)
                        .thenComparing(Comparator.comparingInt((Span s) -> s.end).reversed()));
        List<Span> kept = new ArrayList<>();
        for (Span s : spans) {
            if (kept.isEmpty() || s.start >= kept.get(kept.size() - 1).end) {
                kept.add(s);
            }
        }
        List<PiiType> types = kept.stream().map(s -> s.type).toList();
        if (!settings.redact()) {
            return new RedactedText(text, types);
        }
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Span s : kept) {
            sb.append(text, at, s.start).append(s.type.placeholder());
            at = s.end;
        }
        sb.append(text.substring(at));
        return new RedactedText(sb.toString(), types);
    }

    private static void find(Pattern p, String text, PiiType type, List<Span> spans) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            spans.add(new Span(m.start(), m.end(), type));
        }
    }

    /** Groups consecutive number words and digit strings into runs and classifies each run. */
    private static void digitRuns(String text, List<Span> spans) {
        Matcher m = WORD.matcher(text);
        StringBuilder digits = new StringBuilder();
        List<Integer> groups = new ArrayList<>();
        int runStart = -1;
        int runEnd = -1;
        int repeat = 1;
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            String d = digitsOf(word);
            boolean joins =
                    runStart >= 0
                            && RUN_SEPARATOR.matcher(text.substring(runEnd, m.start())).matches();
            if (d == null && (word.equals("double") || word.equals("triple"))) {
                if (runStart >= 0 && !joins) {
                    classify(text, digits.toString(), groups, runStart, runEnd, spans);
                    digits.setLength(0);
                    groups.clear();
                    runStart = -1;
                } else if (runStart >= 0) {
                    runEnd = m.end();
                }
                repeat = word.equals("double") ? 2 : 3;
                continue;
            }
            if (d == null) {
                if (runStart >= 0) {
                    classify(text, digits.toString(), groups, runStart, runEnd, spans);
                }
                digits.setLength(0);
                groups.clear();
                runStart = -1;
                repeat = 1;
                continue;
            }
            if (runStart >= 0 && !joins) {
                classify(text, digits.toString(), groups, runStart, runEnd, spans);
                digits.setLength(0);
                groups.clear();
                runStart = -1;
            }
            d = d.repeat(repeat);
            repeat = 1;
            boolean ascii =
                    Character.isDigit(word.charAt(0)) && word.chars().allMatch(c -> c < 128);
            boolean newGroup =
                    runStart < 0
                            || ascii
                            || GROUP_BREAK.matcher(text.substring(runEnd, m.start())).matches();
            if (newGroup) {
                groups.add(d.length());
            } else {
                groups.set(groups.size() - 1, groups.get(groups.size() - 1) + d.length());
            }
            if (runStart < 0) {
                runStart = m.start();
            }
            digits.append(d);
            runEnd = m.end();
        }
        if (runStart >= 0) {
            classify(text, digits.toString(), groups, runStart, runEnd, spans);
        }
    }

    /** The digits a word stands for, or null when it is not a number read digit by digit. */
    static String digitsOf(String word) {
        if (word.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return word;
        }
        Character en = EN_DIGITS.get(word);
        if (en != null) {
            return String.valueOf(en);
        }
        String w = word;
        if (allKoreanDigits(w)) {
            return koreanDigits(w);
        }
        for (String tail : KO_TAILS) {
            if (w.endsWith(tail) && w.length() > tail.length()) {
                String head = w.substring(0, w.length() - tail.length());
                if (allKoreanDigits(head)) {
                    return koreanDigits(head);
                }
            }
        }
        return null;
    }

    private static boolean allKoreanDigits(String w) {
        return !w.isEmpty() && w.chars().allMatch(c -> KO_DIGITS.indexOf(c) >= 0);
    }

    private static String koreanDigits(String w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            sb.append(KO_VALUES.charAt(KO_DIGITS.indexOf(w.charAt(i))));
        }
        return sb.toString();
    }

    private static void classify(
            String text, String d, List<Integer> groups, int start, int end, List<Span> spans) {
        int n = d.length();
        String lower = text.toLowerCase(Locale.ROOT);
        PiiType type = null;
        if (n == 13
                && "1234".indexOf(d.charAt(6)) >= 0
                && (groups.equals(List.of(6, 7))
                        || lower.contains("주민")
                        || lower.contains("resident registration"))) {
            type = PiiType.RRN;
        } else if (n >= 13 && n <= 19 && luhn(d) || containsCard(d)) {
            type = PiiType.CARD;
        } else if (n == 9
                && (groups.equals(List.of(3, 2, 4))
                        || lower.contains("social security")
                        || lower.matches("(?s).*\\bssn\\b.*"))) {
            type = PiiType.SSN;
        } else if (n >= 10 && n <= 11) {
            type = PiiType.PHONE;
        } else if (n >= 7
                && n <= 8
                && lower.matches("(?s).*(phone|number|전화|연락처|번호).*")
                && !lower.matches("(?s).*(order|주문).*")) {
            type = PiiType.PHONE;
        }
        if (type != null) {
            spans.add(new Span(start, end, type));
        }
    }

    /**
     * True when a longer run holds a Luhn-valid 15- or 16-digit card number, as when an "oh" or an
     * order number is read out just before the card.
     */
    private static boolean containsCard(String d) {
        if (d.length() <= 16 || d.length() > 24) {
            return false;
        }
        for (int len = 16; len >= 15; len--) {
            for (int i = 0; i + len <= d.length(); i++) {
                String w = d.substring(i, i + len);
                if ("3456".indexOf(w.charAt(0)) >= 0 && luhn(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The Luhn checksum that every payment card number satisfies. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int v = digits.charAt(i) - '0';
            if (twice) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            twice = !twice;
        }
        return digits.length() > 1 && sum % 10 == 0;
    }

    private record Span(int start, int end, PiiType type) {}
}
