package io.callqa.rules.eval;

import io.callqa.rules.eval.RecognizerStyle.Turn;
import io.callqa.rules.eval.RecognizerStyle.W;
import io.callqa.rules.eval.WordErrors.Kind;
import io.callqa.rules.match.EditDistance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * English recognition errors: a word heard as a similar-sounding one (same Double Metaphone code,
 * or a code one edit away, from the call's own words and a list of common English words), a dropped
 * word, or an inserted filler (uh, um).
 */
final class PhoneticConfusions {

    private static final String[] FILLERS = {"uh", "um"};

    private final DoubleMetaphone metaphone = new DoubleMetaphone();
    private final Set<String> common;
    private final Map<String, String[]> codes = new HashMap<>();
    private final Map<String, List<String>[]> commonCandidates = new HashMap<>();

    PhoneticConfusions(Set<String> commonWords) {
        this.common = new TreeSet<>(commonWords);
    }

    /** Puts {@code rate} word errors into the turns; substitutes come from {@code callWords}. */
    void corrupt(List<Turn> turns, double rate, Random rnd, Set<String> callWords) {
        Set<String> vocabulary = new TreeSet<>();
        for (String w : callWords) {
            if (w.chars().allMatch(Character::isLetter) && !isFiller(w) && !common.contains(w)) {
                vocabulary.add(w);
            }
        }
        Map<W, String> substitutes = new HashMap<>();
        WordErrors.corrupt(
                turns,
                rate,
                rnd,
                new WordErrors.Model() {
                    @Override
                    public Kind choose(Turn turn, int i, int budget, Random r) {
                        double x = r.nextDouble();
                        if (x < 0.55) {
                            W w = turn.words.get(i);
                            String s = similar(w.w, vocabulary, r);
                            if (s != null) {
                                substitutes.put(w, s);
                                return Kind.SUBSTITUTE;
                            }
                            return Kind.DELETE;
                        }
                        return x < 0.8 ? Kind.DELETE : Kind.INSERT_FILLER;
                    }

                    @Override
                    public void apply(Turn turn, int i, Kind kind, Random r) {
                        switch (kind) {
                            case SUBSTITUTE -> {
                                W w = turn.words.get(i);
                                w.w = substitutes.get(w);
                                w.conf = WordErrors.erroredConfidence(r);
                            }
                            case DELETE -> WordErrors.delete(turn, i);
                            case INSERT_FILLER ->
                                    WordErrors.insertFiller(
                                            turn, i, FILLERS[r.nextInt(FILLERS.length)], r);
                            default -> throw new IllegalArgumentException(kind + ": not English");
                        }
                    }
                });
    }

    /**
     * A different word that sounds like {@code word}, from the common words and {@code callWords},
     * or {@code null}: first words with the same primary or alternate Double Metaphone code, else
     * words whose code is one edit away and whose length is within two letters.
     */
    String similar(String word, Set<String> callWords, Random rnd) {
        String[] target = code(word);
        if (target[0].isEmpty()) {
            return null;
        }
        List<String>[] fromCommon =
                commonCandidates.computeIfAbsent(word, w -> candidates(w, target, common));
        List<String>[] fromCall = candidates(word, target, callWords);
        List<String> pool = new ArrayList<>(fromCommon[0]);
        pool.addAll(fromCall[0]);
        if (pool.isEmpty()) {
            pool.addAll(fromCommon[1]);
            pool.addAll(fromCall[1]);
        }
        return pool.isEmpty() ? null : pool.get(rnd.nextInt(pool.size()));
    }

    /** Words of {@code vocabulary} with the same code ([0]) and with a code one edit away ([1]). */
    @SuppressWarnings("unchecked")
    private List<String>[] candidates(String word, String[] target, Set<String> vocabulary) {
        List<String> same = new ArrayList<>();
        List<String> near = new ArrayList<>();
        for (String v : vocabulary) {
            if (v.equals(word)) {
                continue;
            }
            String[] c = code(v);
            if (c[0].equals(target[0]) || c[0].equals(target[1]) || c[1].equals(target[0])) {
                same.add(v);
            } else if (Math.abs(v.length() - word.length()) <= 2
                    && EditDistance.between(c[0], target[0]) == 1) {
                near.add(v);
            }
        }
        return new List[] {same, near};
    }

    private String[] code(String w) {
        return codes.computeIfAbsent(
                w,
                k -> {
                    String p = metaphone.doubleMetaphone(k);
                    String a = metaphone.doubleMetaphone(k, true);
                    return new String[] {p == null ? "" : p, a == null ? "" : a};
                });
    }

    static boolean isFiller(String w) {
        return Set.of(FILLERS).contains(w);
    }
}
