package io.callqa.rules.match;

/**
 * A small suffix stripper in the spirit of Porter's step 1: plurals, -ed, -ing, -ly and a final -e,
 * so that "recorded", "records" and "recording" meet at "record". Both phrases and transcripts go
 * through it, so the stems only need to agree with each other, not be words.
 */
public final class EnglishStemmer {

    private EnglishStemmer() {}

    /** The stem of a lowercase word. */
    public static String stem(String word) {
        String w = word;
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "i";
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("ing") && hasVowel(w, w.length() - 3) && w.length() - 3 >= 3) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.endsWith("ed") && hasVowel(w, w.length() - 2) && w.length() - 2 >= 3) {
            w = undouble(w.substring(0, w.length() - 2));
        } else if (w.endsWith("ly") && w.length() - 2 >= 4) {
            w = w.substring(0, w.length() - 2);
        }
        while (w.endsWith("e") && w.length() > 4) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("y") && w.length() > 3) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        return w;
    }

    private static boolean hasVowel(String w, int end) {
        for (int i = 0; i < end; i++) {
            if ("aeiouy".indexOf(w.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** "stopp" from "stopped" back to "stop"; keeps ll, ss, zz as Porter does. */
    private static String undouble(String w) {
        int n = w.length();
        if (n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
