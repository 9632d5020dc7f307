package io.callqa.rules.transcript;

import java.util.Collection;

/** Language identification good enough to tell the languages callqa supports apart. */
public final class Languages {

    private Languages() {}

    /**
     * Returns {@code ko} when Hangul makes up at least a fifth of the letters, else {@code en}.
     * English words inside Korean calls (brand names, "OK") are common, hence the low share.
     */
    public static String detect(Collection<String> texts) {
        long hangul = 0;
        long letters = 0;
        for (String text : texts) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (isHangul(c)) {
                    hangul++;
                    letters++;
                } else if (Character.isLetter(c)) {
                    letters++;
                }
            }
        }
        return letters > 0 && hangul * 5 >= letters ? "ko" : "en";
    }

    /** True for Hangul syllables and jamo. */
    public static boolean isHangul(char c) {
        return (c >= '\uAC00' && c <= '\uD7A3')
                || (c >= '\u1100' && c <= '\u11FF')
                || (c >= '\u3130' && c <= '\u318F');
    }
}
