package io.callqa.rules.eval;

import io.callqa.rules.eval.RecognizerStyle.Turn;
import io.callqa.rules.eval.RecognizerStyle.W;
import io.callqa.rules.eval.WordErrors.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Korean recognition errors, counted per eojeol (space-separated word): a syllable heard with one
 * similar consonant or vowel (ㄱ/ㅋ/ㄲ, ㅐ/ㅔ, ㅓ/ㅗ, final ㄴ/ㅇ/ㅁ, ...; composed with the Unicode Hangul
 * syllable arithmetic), a dropped syllable, spacing errors (two words run together, or one word
 * split), an inserted filler (어, 음, 그), a dropped word.
 */
final class KoreanConfusions {

    private static final int BASE = 0xAC00;
    private static final int LAST = 0xD7A3;
    private static final String[] FILLERS = {"어", "음", "그"};

    /** Groups of initial consonants that a recognizer confuses (indices of U+1100 ordering). */
    private static final int[][] INITIALS = {
        {0, 1, 15}, {3, 4, 16}, {7, 8, 17}, {12, 13, 14}, {9, 10}, {2, 5}, {6, 7}, {11, 18}
    };

    /** Groups of vowels that sound alike. */
    private static final int[][] VOWELS = {
        {1, 5}, {3, 7}, {4, 8}, {13, 18}, {10, 11, 15}, {6, 12}, {19, 20}, {0, 2}, {9, 14}, {16, 20}
    };

    /** Groups of final consonants that sound alike; 0 is no final consonant. */
    private static final int[][] FINALS = {
        {0, 21}, {1, 2, 24}, {4, 21, 16}, {7, 19, 20, 22, 23, 25}, {17, 26}, {8, 0}
    };

    /** Puts {@code rate} eojeol errors into the turns, in place. */
    void corrupt(List<Turn> turns, double rate, Random rnd) {
        WordErrors.corrupt(
                turns,
                rate,
                rnd,
                new WordErrors.Model() {
                    @Override
                    public Kind choose(Turn turn, int i, int budget, Random r) {
                        String w = turn.words.get(i).w;
                        int syllables = syllables(w);
                        double x = r.nextDouble();
                        if (x < 0.4) {
                            return syllables > 0 ? Kind.CHANGE_SYLLABLE : Kind.DELETE;
                        }
                        if (x < 0.55) {
                            return syllables > 1 ? Kind.DROP_SYLLABLE : Kind.CHANGE_SYLLABLE;
                        }
                        if (x < 0.75 && budget >= 2) {
                            if (r.nextBoolean() && i + 1 < turn.words.size()) {
                                return Kind.MERGE_WITH_NEXT;
                            }
                            return syllables > 1 ? Kind.SPLIT : Kind.INSERT_FILLER;
                        }
                        return x < 0.9 ? Kind.INSERT_FILLER : Kind.DELETE;
                    }

                    @Override
                    public void apply(Turn turn, int i, Kind kind, Random r) {
                        W w = turn.words.get(i);
                        switch (kind) {
                            case CHANGE_SYLLABLE -> {
                                w.w = changeSyllable(w.w, r);
                                w.conf = WordErrors.erroredConfidence(r);
                            }
                            case DROP_SYLLABLE -> {
                                List<Integer> at = syllableIndices(w.w);
                                int k = at.get(r.nextInt(at.size()));
                                w.w = w.w.substring(0, k) + w.w.substring(k + 1);
                                w.conf = WordErrors.erroredConfidence(r);
                            }
                            case MERGE_WITH_NEXT -> {
                                W next = turn.words.remove(i + 1);
                                w.w = w.w + next.w;
                                w.end = next.end;
                                w.conf = WordErrors.erroredConfidence(r);
                            }
                            case SPLIT -> {
                                int k = 1 + r.nextInt(w.w.length() - 1);
                                double t = w.start + (w.end - w.start) * k / w.w.length();
                                W tail =
                                        new W(
                                                w.w.substring(k),
                                                t,
                                                w.end,
                                                WordErrors.erroredConfidence(r),
                                                w.pauseAfter);
                                w.w = w.w.substring(0, k);
                                w.end = t;
                                w.conf = WordErrors.erroredConfidence(r);
                                turn.words.add(i + 1, tail);
                            }
                            case INSERT_FILLER ->
                                    WordErrors.insertFiller(
                                            turn, i, FILLERS[r.nextInt(FILLERS.length)], r);
                            case DELETE -> WordErrors.delete(turn, i);
                            default -> throw new IllegalArgumentException(kind + ": not Korean");
                        }
                    }
                });
    }

    /** The word with one Hangul syllable changed in one similar jamo. */
    static String changeSyllable(String w, Random rnd) {
        List<Integer> at = syllableIndices(w);
        int k = at.get(rnd.nextInt(at.size()));
        int code = w.charAt(k) - BASE;
        int[] jamo = {code / 588, code % 588 / 28, code % 28};
        int[][][] groups = {INITIALS, VOWELS, FINALS};
        int start = rnd.nextInt(3);
        for (int step = 0; step < 3; step++) {
            int part = (start + step) % 3;
            List<Integer> options = new ArrayList<>();
            for (int[] g : groups[part]) {
                if (contains(g, jamo[part])) {
                    for (int o : g) {
                        if (o != jamo[part] && !options.contains(o)) {
                            options.add(o);
                        }
                    }
                }
            }
            if (!options.isEmpty()) {
                jamo[part] = options.get(rnd.nextInt(options.size()));
                char changed = (char) (BASE + (jamo[0] * 21 + jamo[1]) * 28 + jamo[2]);
                return w.substring(0, k) + changed + w.substring(k + 1);
            }
        }
        // Every jamo has a look-alike in some group except a few vowels; then add a final ㅇ.
        char changed = (char) (BASE + (jamo[0] * 21 + jamo[1]) * 28 + (jamo[2] == 0 ? 21 : 0));
        return w.substring(0, k) + changed + w.substring(k + 1);
    }

    static boolean isSyllable(char c) {
        return c >= BASE && c <= LAST;
    }

    private static int syllables(String w) {
        return syllableIndices(w).size();
    }

    private static List<Integer> syllableIndices(String w) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < w.length(); i++) {
            if (isSyllable(w.charAt(i))) {
                out.add(i);
            }
        }
        return out;
    }

    private static boolean contains(int[] g, int v) {
        for (int x : g) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** The fillers this model inserts. */
    static List<String> fillers() {
        return List.of(FILLERS);
    }
}
