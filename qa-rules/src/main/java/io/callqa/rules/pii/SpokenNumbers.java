package io.callqa.rules.pii;

import java.util.List;
import java.util.Map;

/**
 * Reads one word as part of a spoken or written number, in English and Korean.
 *
 * <p>Digits may be written (ASCII or full-width), said digit by digit ("four", "oh", 공, 영, 일),
 * misheard as a homophone ("for", "to", "won", "ate"; only trusted next to other digits), read in
 * groups ("forty five", "nineteen"), as quantities ("hundred", 사만, 구천) or as Sino-Korean composed
 * numerals (사십오). Korean particles and endings after a number (이요, 입니다, 에, 하고) are stripped. Month
 * names, English ordinals and Korean 년/월/일 make a number a date.
 */
public final class SpokenNumbers {

    /** What a word contributes to a number. */
    public enum Kind {
        /** Not part of a number. */
        NONE,
        /** Digits said or written plainly. */
        DIGITS,
        /** A homophone of a digit ("for", "to", "won", "ate"): a digit only next to others. */
        WEAK,
        /** Twenty to ninety: a tens digit whose unit may follow. */
        TENS,
        /** Ten to nineteen. */
        TEEN,
        /** "hundred": the digit before it times 100. */
        HUNDRED,
        /** "thousand", "million": a quantity. */
        THOUSAND,
        /** "double" or "triple": the next digit repeated. */
        REPEAT,
        /** A month name. */
        MONTH,
        /** An ordinal ("first", "twenty first"): a day of the month. */
        ORDINAL,
        /** A Korean year, month or day (구십이년, 칠월, 오일). */
        DATE_PART
    }

    /**
     * A word's reading.
     *
     * @param kind what it contributes
     * @param digits the digits (for {@link Kind#REPEAT} the repeat count)
     * @param quantity true for amounts (hundred, thousand, 백, 천, 만)
     * @param core length of the word without a Korean ending; a date part is redacted up to here
     * @param dayIfDated for a Korean word ending in 일: the day it means after a month, else null
     */
    public record Reading(Kind kind, String digits, boolean quantity, int core, String dayIfDated) {
        static final Reading NONE = new Reading(Kind.NONE, "", false, 0, null);

        /** True when the word is a digit (or digits) said plainly. */
        public boolean strongDigit() {
            return kind == Kind.DIGITS || kind == Kind.TENS || kind == Kind.TEEN;
        }
    }

    private static final Map<String, String> EN_DIGITS =
            Map.ofEntries(
                    Map.entry("zero", "0"),
                    Map.entry("oh", "0"),
                    Map.entry("o", "0"),
                    Map.entry("one", "1"),
                    Map.entry("two", "2"),
                    Map.entry("three", "3"),
                    Map.entry("four", "4"),
                    Map.entry("five", "5"),
                    Map.entry("six", "6"),
                    Map.entry("seven", "7"),
                    Map.entry("eight", "8"),
                    Map.entry("nine", "9"),
                    Map.entry("niner", "9"));
    private static final Map<String, String> EN_HOMOPHONES =
            Map.of("for", "4", "to", "2", "too", "2", "won", "1", "ate", "8", "fore", "4");
    private static final Map<String, String> EN_TENS =
            Map.of(
                    "twenty", "2", "thirty", "3", "forty", "4", "fifty", "5", "sixty", "6",
                    "seventy", "7", "eighty", "8", "ninety", "9");
    private static final List<String> EN_TEENS =
            List.of(
                    "ten",
                    "eleven",
                    "twelve",
                    "thirteen",
                    "fourteen",
                    "fifteen",
                    "sixteen",
                    "seventeen",
                    "eighteen",
                    "nineteen");
    private static final List<String> MONTHS =
            List.of(
                    "january",
                    "february",
                    "march",
                    "april",
                    "may",
                    "june",
                    "july",
                    "august",
                    "september",
                    "october",
                    "november",
                    "december");
    private static final List<String> ORDINALS =
            List.of(
                    "",
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
                    "nineteenth",
                    "twentieth");
    private static final Map<String, String> KO_NATIVE =
            Map.of(
                    "하나", "1", "둘", "2", "셋", "3", "넷", "4", "다섯", "5", "여섯", "6", "일곱", "7", "여덟",
                    "8", "아홉", "9");
    private static final String KO_DIGITS = "공영일이삼사오육칠팔구륙";
    private static final String KO_VALUES = "001234567896";

    /** Korean endings said after a number, longest first. */
    private static final List<String> KO_TAILS =
            List.of(
                    "이에요", "입니다", "이고요", "이구요", "이라고", "이요", "예요", "고요", "구요", "이고", "하고", "이랑",
                    "까지", "라고", "요", "번", "에", "의", "랑", "은", "는");

    private SpokenNumbers() {}

    /** Reads a word given in lower case. */
    public static Reading read(String w) {
        if (w.isEmpty()) {
            return Reading.NONE;
        }
        String d = EN_DIGITS.get(w);
        if (d != null) {
            return new Reading(Kind.DIGITS, d, false, w.length(), null);
        }
        d = EN_HOMOPHONES.get(w);
        if (d != null) {
            return new Reading(Kind.WEAK, d, false, w.length(), null);
        }
        d = EN_TENS.get(w);
        if (d != null) {
            return new Reading(Kind.TENS, d + "0", false, w.length(), null);
        }
        int teen = EN_TEENS.indexOf(w);
        if (teen >= 0) {
            return new Reading(Kind.TEEN, String.valueOf(10 + teen), false, w.length(), null);
        }
        switch (w) {
            case "hundred":
                return new Reading(Kind.HUNDRED, "00", true, w.length(), null);
            case "thousand":
                return new Reading(Kind.THOUSAND, "000", true, w.length(), null);
            case "million":
                return new Reading(Kind.THOUSAND, "000000", true, w.length(), null);
            case "double":
                return new Reading(Kind.REPEAT, "2", false, w.length(), null);
            case "triple":
                return new Reading(Kind.REPEAT, "3", false, w.length(), null);
            default:
                break;
        }
        int month = MONTHS.indexOf(w);
        if (month >= 0) {
            return new Reading(Kind.MONTH, twoDigits(month + 1), false, w.length(), null);
        }
        int ord = ORDINALS.indexOf(w);
        if (ord > 0) {
            return new Reading(Kind.ORDINAL, String.valueOf(ord), false, w.length(), null);
        }
        if (w.equals("thirtieth")) {
            return new Reading(Kind.ORDINAL, "30", false, w.length(), null);
        }
        String digits = decimalDigits(w);
        if (digits != null) {
            return new Reading(Kind.DIGITS, digits, false, w.length(), null);
        }
        return korean(w);
    }

    /** The digits of a word made only of decimal digits (ASCII, full-width, ...), or null. */
    static String decimalDigits(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            int v = Character.digit(w.charAt(i), 10);
            if (v < 0) {
                return null;
            }
            sb.append((char) ('0' + v));
        }
        return sb.toString();
    }

    private static Reading korean(String w) {
        char first = w.charAt(0);
        if (first < 0xAC00 && Character.digit(first, 10) < 0) {
            return Reading.NONE;
        }
        String core = w;
        for (String tail : KO_TAILS) {
            if (w.length() > tail.length() && w.endsWith(tail)) {
                String head = w.substring(0, w.length() - tail.length());
                if (numeralCore(head) != null) {
                    core = head;
                    break;
                }
            }
        }
        Reading r = numeralCore(core);
        return r == null ? Reading.NONE : r;
    }

    /** Reads a Korean word without its ending, or null when it is not a number. */
    private static Reading numeralCore(String c) {
        int n = c.length();
        String native_ = KO_NATIVE.get(c);
        if (native_ != null) {
            return new Reading(Kind.WEAK, native_, false, n, null);
        }
        char last = c.charAt(n - 1);
        if (n >= 2 && (last == '년' || last == '월')) {
            String v = numeral(c.substring(0, n - 1));
            if (v != null) {
                return new Reading(
                        Kind.DATE_PART,
                        last == '월' ? twoDigits(Integer.parseInt(v)) : v,
                        false,
                        n,
                        null);
            }
            return null;
        }
        String digits = digitByDigit(c);
        if (digits != null) {
            String day = null;
            if (n >= 2 && last == '일') {
                String v = numeral(c.substring(0, n - 1));
                day = v == null ? null : twoDigits(Integer.parseInt(v));
            }
            return new Reading(Kind.DIGITS, digits, false, n, day);
        }
        String v = numeral(c);
        if (v != null) {
            boolean quantity = c.indexOf('백') >= 0 || c.indexOf('천') >= 0 || c.indexOf('만') >= 0;
            return new Reading(Kind.DIGITS, v, quantity, n, null);
        }
        if (n >= 2 && last == '일') {
            String dv = numeral(c.substring(0, n - 1));
            if (dv != null) {
                return new Reading(Kind.DATE_PART, twoDigits(Integer.parseInt(dv)), false, n, null);
            }
        }
        String ascii = decimalDigits(c);
        if (ascii != null) {
            return new Reading(Kind.DIGITS, ascii, false, n, null);
        }
        return null;
    }

    private static String digitByDigit(String c) {
        StringBuilder sb = new StringBuilder(c.length());
        for (int i = 0; i < c.length(); i++) {
            int k = KO_DIGITS.indexOf(c.charAt(i));
            if (k < 0) {
                return null;
            }
            sb.append(KO_VALUES.charAt(k));
        }
        return sb.toString();
    }

    /**
     * The value of a Sino-Korean numeral with place words (사십오, 구천, 삼만 이천 is two words), as digits;
     * null when it is not one or is longer than a few characters.
     */
    static String numeral(String c) {
        if (c.isEmpty() || c.length() > 12) {
            return null;
        }
        String ascii = decimalDigits(c);
        if (ascii != null) {
            return ascii.length() <= 4 ? ascii : null;
        }
        long total = 0;
        long section = 0;
        long digit = -1;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            int k = KO_DIGITS.indexOf(ch);
            if (k >= 0) {
                if (digit >= 0) {
                    return null;
                }
                digit = KO_VALUES.charAt(k) - '0';
                continue;
            }
            long place =
                    switch (ch) {
                        case '십' -> 10;
                        case '백' -> 100;
                        case '천' -> 1000;
                        case '만' -> 10000;
                        default -> -1;
                    };
            if (place < 0) {
                return null;
            }
            if (place == 10000) {
                total +=
                        (section + Math.max(digit, 0)) * 10000
                                + (section == 0 && digit < 0 ? 10000 : 0);
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * place;
            }
            digit = -1;
        }
        return String.valueOf(total + section + Math.max(digit, 0));
    }

    private static String twoDigits(int v) {
        return v < 10 ? "0" + v : String.valueOf(v);
    }
}
