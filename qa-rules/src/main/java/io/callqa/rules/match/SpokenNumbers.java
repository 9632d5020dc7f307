package io.callqa.rules.match;

import java.util.Map;

/**
 * Reads spoken numbers as digits, so that a recognizer's "twenty nine" and a written "29" meet. The
 * English side values single number words and combines them ("two hundred and sixty" is 260, "four
 * one one" stays three numbers); the Korean side reads runs of Sino-Korean numerals with a unit
 * (이십구 is 29, 삼만 is 30000). Lone digit syllables such as 이 or 일 are ordinary words as often as
 * numbers, so they are left alone.
 */
final class SpokenNumbers {

    private SpokenNumbers() {}

    /** What an English number word adds to the number being read. */
    enum Kind {
        UNIT,
        TEEN,
        TENS,
        HUNDRED,
        THOUSAND
    }

    /** An English number word: its kind and value. */
    record NumberWord(Kind kind, int value) {}

    private static final Map<String, NumberWord> ENGLISH = new java.util.HashMap<>();

    static {
        String[] units = {
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
        };
        for (int i = 0; i < units.length; i++) {
            ENGLISH.put(units[i], new NumberWord(Kind.UNIT, i));
        }
        String[] teens = {
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
        for (int i = 0; i < teens.length; i++) {
            ENGLISH.put(teens[i], new NumberWord(Kind.TEEN, 10 + i));
        }
        String[] tens = {
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
        };
        for (int i = 0; i < tens.length; i++) {
            ENGLISH.put(tens[i], new NumberWord(Kind.TENS, 20 + 10 * i));
        }
        ENGLISH.put("hundred", new NumberWord(Kind.HUNDRED, 100));
        ENGLISH.put("thousand", new NumberWord(Kind.THOUSAND, 1000));
    }

    /** The number word {@code w} (lowercase), or null. */
    static NumberWord english(String w) {
        return ENGLISH.get(w);
    }

    /** Whether {@code next} continues the number read so far, whose last word was {@code last}. */
    static boolean continues(Kind last, long partBelowThousand, long total, NumberWord next) {
        return switch (next.kind()) {
            case UNIT -> last == Kind.TENS || last == Kind.HUNDRED || last == Kind.THOUSAND;
            case TEEN, TENS -> last == Kind.HUNDRED || last == Kind.THOUSAND;
            case HUNDRED ->
                    (last == Kind.UNIT || last == Kind.TEEN || last == Kind.TENS)
                            && partBelowThousand < 100;
            case THOUSAND -> last != Kind.THOUSAND && total == 0;
        };
    }

    private static final String SINO_DIGITS = "공영일이삼사오육칠팔구";
    private static final int[] SINO_VALUES = {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    /**
     * The length of the Sino-Korean number that {@code word} starts with and its value, or null
     * when it does not start with one: at least two syllables, at least one of them a unit (십, 백,
     * 천, 만), units falling within each ten-thousand group.
     */
    static long[] koreanPrefix(String word) {
        long total = 0;
        long group = 0;
        int digit = -1;
        int lastUnit = Integer.MAX_VALUE;
        boolean unit = false;
        int i = 0;
        long[] best = null;
        for (; i < word.length(); i++) {
            char c = word.charAt(i);
            int d = SINO_DIGITS.indexOf(c);
            int u =
                    switch (c) {
                        case '십' -> 10;
                        case '백' -> 100;
                        case '천' -> 1000;
                        case '만' -> 10000;
                        default -> 0;
                    };
            if (d >= 0) {
                if (digit >= 0) {
                    break;
                }
                digit = SINO_VALUES[d];
            } else if (u == 10000) {
                if (group == 0 && digit < 0 && total == 0) {
                    group = 1;
                }
                total = (total + group + Math.max(digit, 0)) * 10000;
                group = 0;
                digit = -1;
                lastUnit = Integer.MAX_VALUE;
                unit = true;
            } else if (u > 0) {
                if (u >= lastUnit) {
                    break;
                }
                group += (digit < 0 ? 1 : digit) * u;
                digit = -1;
                lastUnit = u;
                unit = true;
            } else {
                break;
            }
            if (unit && i >= 1) {
                best = new long[] {i + 1, total + group + Math.max(digit, 0)};
            }
        }
        return best;
    }
}
