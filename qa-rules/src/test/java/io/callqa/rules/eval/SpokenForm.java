package io.callqa.rules.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Written text as a recognizer prints it: lowercase words without punctuation, numbers and digits
 * as words, letters of codes spelled out. Each word remembers whether the writer put a pause mark
 * (a full stop, comma, question mark) after it, so that utterances can be re-cut where a speaker
 * would pause.
 */
final class SpokenForm {

    /** One spoken word and whether the written text paused after it. */
    record Token(String w, boolean pauseAfter) {}

    private static final Pattern CURRENCY =
            Pattern.compile("([$£€])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{2}))?");
    private static final Pattern GROUPED = Pattern.compile("\\b\\d{1,3}(?:,\\d{3})+\\b");
    private static final Pattern DECIMAL = Pattern.compile("\\b(\\d+)\\.(\\d+)\\b");
    private static final Pattern PERCENT = Pattern.compile("(\\d+)\\s?%");
    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d+)(?:st|nd|rd|th)\\b");
    private static final Pattern EN_TOKEN =
            Pattern.compile("\\p{L}+(?:'\\p{L}+)*|\\d+|[.,?!;:…]+|\\S");
    private static final String PAUSE_MARKS = ".,?!;:…";
    private static final Pattern KO_RUN = Pattern.compile("\\d+|[A-Z]+|[a-z]+|[가-힣]+|%|\\S");
    private static final Set<String> KO_COUNTERS =
            Set.of("년", "호", "원", "명", "건", "번", "톤", "층", "동");
    private static final String[] KO_LETTERS = {
        "에이", "비", "씨", "디", "이", "에프", "지", "에이치", "아이", "제이", "케이", "엘", "엠", "엔", "오", "피", "큐",
        "알", "에스", "티", "유", "브이", "더블유", "엑스", "와이", "제트"
    };

    private SpokenForm() {}

    /** The spoken words of an English text. */
    static List<Token> english(String text) {
        String t = replace(text, CURRENCY, SpokenForm::currency);
        t = replace(t, GROUPED, m -> join(SpokenNumbers.english(parse(m.group()))));
        t = replace(t, DECIMAL, m -> decimal(m.group(1), m.group(2)));
        t = replace(t, PERCENT, m -> join(SpokenNumbers.english(parse(m.group(1)))) + " percent");
        t = replace(t, ORDINAL, m -> join(SpokenNumbers.englishOrdinal((int) parse(m.group(1)))));
        List<String> raw = new ArrayList<>();
        Matcher m = EN_TOKEN.matcher(t);
        while (m.find()) {
            raw.add(m.group());
        }
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String r = raw.get(i);
            if (isPause(r)) {
                markPause(out);
            } else if (Character.isDigit(r.charAt(0))) {
                for (String w : englishDigits(r, digitNeighbour(raw, i))) {
                    out.add(new Token(w, false));
                }
            } else if (Character.isLetter(r.charAt(0))) {
                boolean code =
                        r.length() <= 2 && r.equals(r.toUpperCase(Locale.ROOT)) && !r.equals("I");
                if (code) {
                    for (char c : r.toCharArray()) {
                        out.add(new Token(String.valueOf(Character.toLowerCase(c)), false));
                    }
                } else {
                    out.add(new Token(r.toLowerCase(Locale.ROOT), false));
                }
            }
        }
        return out;
    }

    private static List<String> englishDigits(String d, boolean inDigitString) {
        if (d.length() > 1 && d.charAt(0) == '0' || d.length() >= 5) {
            return SpokenNumbers.englishDigits(d);
        }
        if (d.length() == 4) {
            int n = Integer.parseInt(d);
            return n >= 1900 && n <= 2099 && !inDigitString
                    ? SpokenNumbers.englishYear(n)
                    : SpokenNumbers.englishDigits(d);
        }
        return SpokenNumbers.english(Integer.parseInt(d));
    }

    /** The spoken words (eojeol) of a Korean text; spacing is kept as written. */
    static List<Token> korean(String text) {
        String[] eojeols = text.strip().split("\\s+");
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < eojeols.length; i++) {
            String e = eojeols[i];
            boolean inDigitString =
                    startsWithDigit(e)
                            && (i > 0 && endsAsNumber(eojeols[i - 1])
                                    || i + 1 < eojeols.length && startsWithDigit(eojeols[i + 1]));
            StringBuilder w = new StringBuilder();
            boolean pause = false;
            List<String> runs = new ArrayList<>();
            Matcher m = KO_RUN.matcher(e);
            while (m.find()) {
                runs.add(m.group());
            }
            for (int r = 0; r < runs.size(); r++) {
                String run = runs.get(r);
                char c = run.charAt(0);
                if (Character.isDigit(c)) {
                    String next = r + 1 < runs.size() ? runs.get(r + 1) : "";
                    w.append(koreanNumber(run, next, inDigitString));
                } else if (c >= 'A' && c <= 'Z') {
                    for (char l : run.toCharArray()) {
                        w.append(KO_LETTERS[l - 'A']);
                    }
                } else if (run.equals("%")) {
                    w.append("퍼센트");
                } else if (isPause(run)) {
                    pause = true;
                } else if (Character.isLetter(c)) {
                    w.append(run);
                }
            }
            if (!w.isEmpty()) {
                out.add(new Token(w.toString(), pause));
            } else if (pause) {
                markPause(out);
            }
        }
        return out;
    }

    private static String koreanNumber(String d, String next, boolean inDigitString) {
        String firstSyllable = next.isEmpty() ? "" : next.substring(0, 1);
        // A number with a counter (1988년, 5월, 3일, 1503호) is read as a number even beside other
        // numbers; 일 only for days, since it also ends digit strings (이 공 일 일).
        boolean counter =
                KO_COUNTERS.contains(firstSyllable)
                        || next.startsWith("월")
                        || next.startsWith("일") && d.length() <= 2 && !inDigitString;
        if (d.length() > 1 && d.charAt(0) == '0') {
            return SpokenNumbers.koreanDigits(d);
        }
        if (counter && d.length() <= 4) {
            return SpokenNumbers.korean(Long.parseLong(d));
        }
        if (inDigitString || d.length() >= 4) {
            return SpokenNumbers.koreanDigits(d);
        }
        return SpokenNumbers.korean(Long.parseLong(d));
    }

    private static boolean startsWithDigit(String s) {
        return !s.isEmpty() && Character.isDigit(s.charAt(0));
    }

    private static boolean endsAsNumber(String s) {
        return s.chars().allMatch(c -> Character.isDigit(c) || PAUSE_MARKS.indexOf(c) >= 0)
                && startsWithDigit(s);
    }

    private static boolean digitNeighbour(List<String> raw, int i) {
        for (int step : new int[] {-1, 1}) {
            int j = i + step;
            while (j >= 0 && j < raw.size() && raw.get(j).equals(",")) {
                j += step;
            }
            if (j >= 0 && j < raw.size() && Character.isDigit(raw.get(j).charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPause(String r) {
        return r.chars().allMatch(c -> PAUSE_MARKS.indexOf(c) >= 0);
    }

    private static void markPause(List<Token> out) {
        if (!out.isEmpty()) {
            Token last = out.get(out.size() - 1);
            out.set(out.size() - 1, new Token(last.w(), true));
        }
    }

    private static String currency(Matcher m) {
        String unit =
                switch (m.group(1)) {
                    case "$" -> "dollars";
                    case "£" -> "pounds";
                    default -> "euros";
                };
        long whole = parse(m.group(2));
        StringBuilder out = new StringBuilder(join(SpokenNumbers.english(whole)));
        out.append(' ').append(whole == 1 ? unit.substring(0, unit.length() - 1) : unit);
        if (m.group(3) != null && Integer.parseInt(m.group(3)) != 0) {
            out.append(' ').append(join(SpokenNumbers.english(Integer.parseInt(m.group(3)))));
        }
        return out.toString();
    }

    private static String decimal(String whole, String fraction) {
        return join(SpokenNumbers.english(parse(whole)))
                + " point "
                + join(SpokenNumbers.englishDigits(fraction));
    }

    private static long parse(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }

    private static String join(List<String> words) {
        return String.join(" ", words);
    }

    private interface Replacement {
        String apply(Matcher m);
    }

    private static String replace(String text, Pattern p, Replacement r) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(r.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
