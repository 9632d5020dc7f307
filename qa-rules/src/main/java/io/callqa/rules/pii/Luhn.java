package io.callqa.rules.pii;

/** The Luhn checksum that every payment card number satisfies. */
final class Luhn {

    private Luhn() {}

    /** True when the digits pass the Luhn check. */
    static boolean valid(CharSequence digits) {
        return valid(digits, 0, digits.length());
    }

    private static boolean valid(CharSequence digits, int from, int to) {
        int sum = 0;
        boolean twice = false;
        for (int i = to - 1; i >= from; i--) {
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
        return to - from > 1 && sum % 10 == 0;
    }

    /**
     * True when a longer run holds a Luhn-valid 15- or 16-digit card number starting as cards do,
     * as when an "oh" or an order number is read out just before the card. Linear in the length.
     */
    static boolean containsCard(String d) {
        if (d.length() <= 16) {
            return false;
        }
        for (int len = 16; len >= 15; len--) {
            for (int i = 0; i + len <= d.length(); i++) {
                if ("3456".indexOf(d.charAt(i)) >= 0 && valid(d, i, i + len)) {
                    return true;
                }
            }
        }
        return false;
    }
}
