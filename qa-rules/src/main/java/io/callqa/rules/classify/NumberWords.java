package io.callqa.rules.classify;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces numbers spoken as words with digits' stand-in {@code 0}, so that a recognizer's "eleven
 * ninety nine" and a typed "11.99" give the classifier the same features ({@link TextFeatures}
 * folds every run of digits to {@code 0}). Amounts, dates and counts say little about the topic,
 * but their words are frequent enough to drown the few words that do.
 *
 * <p>English: runs of number words (zero to nineteen, the tens, hundred, thousand, million, with
 * "and" inside a run). Korean: tokens made only of Sino-Korean numeral syllables that contain a
 * place word (십, 백, 천, 만), optionally followed by a counter such as 원 or 일, so that 이십구 or 삼만원 fold
 * but 이 ("this") and 일 ("work") do not.
 */
final class NumberWords {

    private static final Set<String> EN =
            Set.of(
                    "zero",
                    "oh",
                    "one",
                    "two",
                    "three",
                    "four",
                    "five",
                    "six",
                    "seven",
                    "eight",
                    "nine",
                    "ten",
                    "eleven",
                    "twelve",
                    "thirteen",
                    "fourteen",
                    "fifteen",
                    "sixteen",
                    "seventeen",
                    "eighteen",
                    "nineteen",
                    "twenty",
                    "thirty",
                    "forty",
                    "fifty",
                    "sixty",
                    "seventy",
                    "eighty",
                    "ninety",
                    "hundred",
                    "thousand",
                    "million");

    /** Number words that are also ordinary words and fold only inside a run of numbers. */
    private static final Set<String> ONLY_IN_RUN = Set.of("oh", "one", "and");

    private static final Pattern KO_NUMBER =
            Pattern.compile(
                    "(?<![가-힣])[일이삼사오육칠팔구]?(?:[십백천만][일이삼사오육칠팔구]?)+(?=[원일월년개번분초시살]|[^가-힣]|$)");

    private static final Pattern TOKEN = Pattern.compile("\\S+");

    private NumberWords() {}

    /** The text with spoken numbers replaced by {@code 0}; other text is kept as it is. */
    static String fold(String text) {
        if (hasHangul(text)) {
            text = KO_NUMBER.matcher(text).replaceAll("0");
        }
        return foldEnglish(text);
    }

    private static String foldEnglish(String text) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        int runStart = -1;
        int runEnd = -1;
        int runWords = 0;
        int runStrong = 0;
        while (m.find()) {
            String w = letters(text, m.start(), m.end());
            boolean number = EN.contains(w) || (runWords > 0 && w.equals("and"));
            if (number) {
                if (runStart < 0) {
                    runStart = m.start();
                    runWords = 0;
                    runStrong = 0;
                }
                runEnd = m.end();
                runWords++;
                runStrong += ONLY_IN_RUN.contains(w) ? 0 : 1;
                continue;
            }
            last = flush(text, out, last, runStart, runEnd, runStrong);
            runStart = -1;
            runWords = 0;
        }
        last = flush(text, out, last, runStart, runEnd, runStrong);
        out.append(text, last, text.length());
        return out.toString();
    }

    /** Appends text up to the run, and the run itself as {@code 0} when it holds a real number. */
    private static int flush(
            String text, StringBuilder out, int last, int runStart, int runEnd, int runStrong) {
        if (runStart < 0) {
            return last;
        }
        out.append(text, last, runStart);
        out.append(runStrong > 0 ? "0" : text.substring(runStart, runEnd));
        return runEnd;
    }

    /**
     * The token's ASCII letters, lower-cased, or "" when it is too long to be a number word (the
     * longest, "seventeen", has nine letters; a trailing comma or full stop is allowed).
     */
    private static String letters(String text, int start, int end) {
        if (end - start > 11) {
            return "";
        }
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                b.append((char) (c + ('a' - 'A')));
            } else if (c >= 'a' && c <= 'z') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean hasHangul(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '가' && c <= '힣') {
                return true;
            }
        }
        return false;
    }
}
