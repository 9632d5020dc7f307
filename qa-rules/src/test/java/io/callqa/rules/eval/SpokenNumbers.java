package io.callqa.rules.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers as a recognizer writes them: English words ("twenty nine", "nineteen eighty six") and
 * Sino-Korean words (이십구, 천구백팔십팔), or digit by digit for codes and long digit strings.
 */
final class SpokenNumbers {

    private static final String[] EN_ONES = {
        "zero",
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
        "nineteen"
    };
    private static final String[] EN_TENS = {
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
    };
    private static final String[] EN_ORDINAL_ONES = {
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth"
    };
    private static final String[] EN_ORDINAL_TENS = {
        "",
        "",
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth"
    };
    private static final String[] KO_DIGITS = {"공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};

    private SpokenNumbers() {}

    /** English cardinal words: 29 -> "twenty nine", 1240 -> "one thousand two hundred forty". */
    static List<String> english(long n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            out.add("zero");
            return out;
        }
        long[] scales = {1_000_000_000L, 1_000_000L, 1_000L, 1L};
        String[] names = {"billion", "million", "thousand", ""};
        for (int i = 0; i < scales.length; i++) {
            int chunk = (int) (n / scales[i] % 1000);
            if (chunk == 0) {
                continue;
            }
            englishBelowThousand(chunk, out);
            if (!names[i].isEmpty()) {
                out.add(names[i]);
            }
        }
        return out;
    }

    private static void englishBelowThousand(int n, List<String> out) {
        if (n >= 100) {
            out.add(EN_ONES[n / 100]);
            out.add("hundred");
            n %= 100;
        }
        if (n >= 20) {
            out.add(EN_TENS[n / 10]);
            if (n % 10 != 0) {
                out.add(EN_ONES[n % 10]);
            }
        } else if (n > 0) {
            out.add(EN_ONES[n]);
        }
    }

    /** A year as people say it: 1986 -> "nineteen eighty six", 2005 -> "two thousand five". */
    static List<String> englishYear(int year) {
        if (year % 1000 < 10) {
            return english(year);
        }
        List<String> out = new ArrayList<>(english(year / 100));
        int rest = year % 100;
        if (rest == 0) {
            out.add("hundred");
        } else if (rest < 10) {
            out.add("oh");
            out.add(EN_ONES[rest]);
        } else {
            out.addAll(english(rest));
        }
        return out;
    }

    /** English ordinal words: 3 -> "third", 21 -> "twenty first". */
    static List<String> englishOrdinal(int n) {
        List<String> out = new ArrayList<>();
        int rest = n % 100;
        if (n >= 100) {
            out.addAll(english(n - rest));
        }
        if (rest == 0) {
            out.set(out.size() - 1, out.get(out.size() - 1) + "th");
        } else if (rest < 20) {
            out.add(EN_ORDINAL_ONES[rest]);
        } else if (rest % 10 == 0) {
            out.add(EN_ORDINAL_TENS[rest / 10]);
        } else {
            out.add(EN_TENS[rest / 10]);
            out.add(EN_ORDINAL_ONES[rest % 10]);
        }
        return out;
    }

    /** Digit by digit in English: "0925" -> "zero nine two five". */
    static List<String> englishDigits(String digits) {
        List<String> out = new ArrayList<>();
        for (char c : digits.toCharArray()) {
            out.add(EN_ONES[c - '0']);
        }
        return out;
    }

    /** Sino-Korean cardinal as one word: 29 -> 이십구, 1988 -> 천구백팔십팔, 10000 -> 만. */
    static String korean(long n) {
        if (n == 0) {
            return "영";
        }
        StringBuilder out = new StringBuilder();
        long[] scales = {100_000_000L, 10_000L, 1L};
        String[] names = {"억", "만", ""};
        for (int i = 0; i < scales.length; i++) {
            int chunk = (int) (n / scales[i] % 10_000);
            if (chunk == 0) {
                continue;
            }
            if (!(chunk == 1 && i == 1)) {
                out.append(koreanBelowTenThousand(chunk));
            }
            out.append(names[i]);
        }
        return out.toString();
    }

    private static String koreanBelowTenThousand(int n) {
        StringBuilder out = new StringBuilder();
        String[] units = {"천", "백", "십", ""};
        int[] values = {1000, 100, 10, 1};
        for (int i = 0; i < values.length; i++) {
            int d = n / values[i] % 10;
            if (d == 0) {
                continue;
            }
            if (d != 1 || i == 3) {
                out.append(KO_DIGITS[d]);
            }
            out.append(units[i]);
        }
        return out.toString();
    }

    /** Digit by digit in Korean, zero as 공 as in phone numbers: "010" -> 공일공. */
    static String koreanDigits(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(KO_DIGITS[c - '0']);
        }
        return out.toString();
    }
}
