package io.callqa.benchmarks;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate: (substitutions + deletions + insertions) / reference words, over words
 * lower-cased, NFC-normalised and stripped of punctuation (a transcript's commas are not errors).
 * Words are split on spaces, so Korean is scored by eojeol.
 */
public final class WordErrorRate {

    private long errors;
    private long referenceWords;

    /** Adds one reference/hypothesis pair (one channel of one call). */
    public void add(String reference, String hypothesis) {
        List<String> ref = words(reference);
        List<String> hyp = words(hypothesis);
        errors += distance(ref, hyp);
        referenceWords += ref.size();
    }

    /** The pooled rate so far; NaN before any reference word. */
    public double rate() {
        return referenceWords == 0 ? Double.NaN : (double) errors / referenceWords;
    }

    /** Reference words added so far. */
    public long referenceWords() {
        return referenceWords;
    }

    static List<String> words(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        t = t.replaceAll("[^\\p{L}\\p{N}'\\s]", " ").replace("'", "");
        List<String> out = new ArrayList<>();
        for (String w : t.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Levenshtein distance over words. */
    static int distance(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int sub = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }
}
