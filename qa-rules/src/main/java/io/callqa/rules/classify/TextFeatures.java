package io.callqa.rules.classify;

import io.callqa.rules.transcript.Languages;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an utterance into the sparse features the classifier is trained on: word unigrams and
 * bigrams plus character n-grams of each word. Character n-grams carry most of the weight for
 * Korean, where one stem takes many endings and particles (환불해 주세요 / 환불좀 / 환불 요청), and for English
 * they absorb typos and ASR slips ("reembursement", "shiping"). For Korean the n-grams are also
 * taken over the text with spaces removed, because spacing is inconsistent in both typing and ASR
 * output (환불해주세요 vs 환불해 주세요).
 *
 * <p>Public because the dialogue-act classifier ({@code io.callqa.rules.acts}) learns from the same
 * features, so both models see recognizer text the same way.
 */
public final class TextFeatures {

    /** Speaker tags at the start of call snippets in the corpus; they say nothing about topic. */
    private static final Pattern SPEAKER_TAG =
            Pattern.compile("(^|\\s)(agent|customer|상담원|고객)\\s*:");

    private static final Pattern APOSTROPHE = Pattern.compile("['’`]");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern DIGITS = Pattern.compile("\\p{N}+");

    private TextFeatures() {}

    /**
     * The distinct feature names of a text, in a stable order. Every feature has value 1; the
     * caller normalises the vector.
     *
     * @param lang {@code ko} adds the spacing-insensitive n-grams; anything else is treated as
     *     English
     */
    public static Set<String> of(String text, String lang) {
        return of(words(text), lang);
    }

    /**
     * The features of text already split by {@link #words}; callers that score several runs of one
     * utterance's words split it once.
     */
    public static Set<String> of(List<String> words, String lang) {
        Set<String> features = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            features.add("w=" + w);
            if (i + 1 < words.size()) {
                features.add("b=" + w + "_" + words.get(i + 1));
            }
            if (hasHangul(w)) {
                charGrams(features, "c=", "<" + w + ">", 1, 3);
            } else {
                charGrams(features, "c=", "<" + w + ">", 3, 5);
            }
        }
        if ("ko".equals(lang) && !words.isEmpty()) {
            charGrams(features, "j=", String.join("", words), 2, 3);
        }
        return features;
    }

    /** Lower-cased words with speaker tags removed and every run of digits reduced to "0". */
    public static List<String> words(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = SPEAKER_TAG.matcher(s).replaceAll(" ");
        s = APOSTROPHE.matcher(s).replaceAll("");
        s = DIGITS.matcher(s).replaceAll("0");
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(s)) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static void charGrams(Set<String> out, String prefix, String s, int min, int max) {
        for (int n = min; n <= max; n++) {
            for (int i = 0; i + n <= s.length(); i++) {
                String gram = s.substring(i, i + n);
                // A lone boundary marker or single Latin letter is noise, not a feature.
                if (n == 1 && !Languages.isHangul(gram.charAt(0))) {
                    continue;
                }
                out.add(prefix + gram);
            }
        }
    }

    private static boolean hasHangul(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Languages.isHangul(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
