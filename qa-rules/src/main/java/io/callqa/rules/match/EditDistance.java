package io.callqa.rules.match;

/** Levenshtein distance and the similarity derived from it, used for fuzzy tokens and typos. */
public final class EditDistance {

    private EditDistance() {}

    /** The number of single-character insertions, deletions and substitutions from a to b. */
    public static int between(CharSequence a, CharSequence b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** 1 for equal strings, falling towards 0 as edits make up more of the longer string. */
    public static double similarity(CharSequence a, CharSequence b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 1.0 : 1.0 - (double) between(a, b) / longer;
    }
}
