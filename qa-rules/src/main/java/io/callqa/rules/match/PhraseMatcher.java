package io.callqa.rules.match;

import io.callqa.rules.transcript.Languages;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds rule phrases in transcribed speech despite ASR noise and paraphrase.
 *
 * <p>English: words are lowercased, apostrophes dropped and stemmed ({@link EnglishStemmer}); the
 * phrase words must appear in order with at most {@link MatchSettings#maxGap()} other words between
 * neighbours (articles in phrases are optional), and a word of five letters or more also matches a
 * spoken word whose similarity reaches {@link MatchSettings#fuzzyThreshold()}. Korean (any phrase
 * containing Hangul): spacing is ignored, particles and endings are stripped from the phrase words
 * ({@link KoreanText#stem}), the stems must appear in order with at most three syllables per
 * allowed gap word between them, and stems of three syllables or more match with jamo-level edits
 * up to the threshold.
 *
 * <p>Thread-safe; compiled phrases are cached.
 */
public final class PhraseMatcher {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*");

    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private static final int MAX_CACHED = 10_000;

    private final MatchSettings settings;
    private final ThreadLocal<Prepared> last = new ThreadLocal<>();
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    /** A matcher with the given tolerance. */
    public PhraseMatcher(MatchSettings settings) {
        this.settings = settings;
    }

    /** The tolerance this matcher uses. */
    public MatchSettings settings() {
        return settings;
    }

    /** The first (leftmost) match of any of the alternative phrasings; earlier phrases win ties. */
    public Optional<PhraseMatch> findAny(String text, List<String> phrases) {
        PhraseMatch best = null;
        for (String phrase : phrases) {
            Optional<PhraseMatch> m = find(text, phrase);
            if (m.isPresent() && (best == null || m.get().start() < best.start())) {
                best = m.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Where {@code phrase} occurs in {@code text}, if it does. */
    public Optional<PhraseMatch> find(String text, String phrase) {
        if (cache.size() > MAX_CACHED) {
            // Packs hold a few hundred phrases; only ad-hoc callers could grow it this far.
            cache.clear();
        }
        Compiled c = cache.computeIfAbsent(phrase, this::compile);
        if (c.words.isEmpty()) {
            return Optional.empty();
        }
        int[] span = c.korean ? findKorean(text, c) : findEnglish(text, c);
        if (span == null) {
            return Optional.empty();
        }
        return Optional.of(
                new PhraseMatch(phrase, span[0], span[1], text.substring(span[0], span[1])));
    }

    /** Words of an English text with their offsets, normalized and stemmed. */
    static List<Token> englishTokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = normalize(m.group());
            // Contractions are kept whole: stemming "youre" would turn it into "your".
            boolean contraction = w.indexOf('\'') >= 0 || w.indexOf('’') >= 0;
            w = w.replace("'", "").replace("’", "");
            out.add(new Token(contraction ? w : EnglishStemmer.stem(w), w, m.start(), m.end()));
        }
        return out;
    }

    private static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private Compiled compile(String phrase) {
        String p = normalize(phrase);
        boolean korean = p.chars().anyMatch(ch -> Languages.isHangul((char) ch));
        List<String> words = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        if (korean) {
            String[] parts = p.split("[^\\p{L}\\p{N}]+");
            for (String part : parts) {
                String stem = KoreanText.stem(part);
                if (!stem.isEmpty()) {
                    words.add(stem);
                }
            }
            if (words.isEmpty()) {
                for (String part : parts) {
                    if (!part.isEmpty()) {
                        words.add(part);
                    }
                }
            }
        } else {
            List<Token> tokens = englishTokens(p);
            for (Token t : tokens) {
                // Articles vary freely in speech ("a manager", "the manager"); the gap absorbs
                // them.
                if (tokens.size() > 1 && ARTICLES.contains(t.word())) {
                    continue;
                }
                words.add(t.stem());
                raw.add(t.word());
            }
        }
        return new Compiled(korean, words, raw);
    }

    /** Stems equal, or (words of five letters or more) stems or surface words similar enough. */
    private boolean wordMatches(Token spoken, Compiled c, int k) {
        String wanted = c.words.get(k);
        if (spoken.stem().equals(wanted)) {
            return true;
        }
        if (spoken.word().length() < 5 || c.raw.get(k).length() < 5) {
            return false;
        }
        double t = settings.fuzzyThreshold();
        return similar(spoken.stem(), wanted, t) || similar(spoken.word(), c.raw.get(k), t);
    }

    /** Similarity at least t; skips the edit distance when the lengths alone rule it out. */
    private static boolean similar(String a, String b, double t) {
        int longer = Math.max(a.length(), b.length());
        if (Math.abs(a.length() - b.length()) > longer * (1 - t) + 1e-9) {
            return false;
        }
        return EditDistance.similarity(a, b) >= t;
    }

    private int[] findEnglish(String text, Compiled c) {
        List<Token> tokens = prepared(text).english();
        int m = c.words.size();
        for (int i = 0; i < tokens.size(); i++) {
            if (!wordMatches(tokens.get(i), c, 0)) {
                continue;
            }
            int last = i;
            boolean ok = true;
            for (int k = 1; k < m && ok; k++) {
                ok = false;
                int limit = Math.min(tokens.size() - 1, last + 1 + settings.maxGap());
                for (int j = last + 1; j <= limit; j++) {
                    if (wordMatches(tokens.get(j), c, k)) {
                        last = j;
                        ok = true;
                        break;
                    }
                }
            }
            if (ok) {
                return new int[] {tokens.get(i).start(), tokens.get(last).end()};
            }
        }
        return null;
    }

    private int[] findKorean(String text, Compiled c) {
        KoreanText kt = prepared(text).korean();
        String hay = kt.jamo();
        int gap = settings.maxGap() * 3 * 3;
        for (int from = 0; from < hay.length(); from++) {
            int[] first =
                    approx(
                            hay,
                            from,
                            hay.length() - 1,
                            KoreanText.jamo(c.words.get(0)),
                            c.words.get(0));
            if (first == null) {
                return null;
            }
            int end = first[1];
            boolean ok = true;
            for (int k = 1; k < c.words.size() && ok; k++) {
                String w = c.words.get(k);
                int[] next =
                        approx(hay, end, Math.min(hay.length(), end + gap), KoreanText.jamo(w), w);
                ok = next != null;
                if (ok) {
                    end = next[1];
                }
            }
            if (ok) {
                return new int[] {kt.origin(first[0]), kt.origin(end - 1) + 1};
            }
            from = first[0];
        }
        return null;
    }

    /**
     * The leftmost start in [from, lastStart] where {@code pattern} matches with few enough edits,
     * as {start, end} in jamo; exact for short words.
     */
    private int[] approx(String hay, int from, int lastStart, String pattern, String word) {
        int maxErrors =
                KoreanText.syllables(word) >= 3
                        ? (int)
                                Math.floor(
                                        pattern.length() * (1 - settings.fuzzyThreshold()) + 1e-9)
                        : 0;
        // An exact occurrence wins over an earlier approximate one.
        for (int s = from; s <= lastStart && s < hay.length(); s++) {
            if (hay.startsWith(pattern, s)) {
                return new int[] {s, s + pattern.length()};
            }
        }
        for (int s = from; s <= lastStart && s < hay.length() && maxErrors > 0; s++) {
            int end = anchoredEnd(hay, s, pattern, maxErrors);
            if (end >= 0) {
                return new int[] {s, end};
            }
        }
        return null;
    }

    /** End of the best match of pattern anchored at start, or -1 if it needs too many edits. */
    private static int anchoredEnd(String hay, int start, String pattern, int maxErrors) {
        if (hay.charAt(start) != pattern.charAt(0)) {
            return -1;
        }
        int m = pattern.length();
        int limit = Math.min(hay.length(), start + m + maxErrors);
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            prev[i] = i;
        }
        int bestEnd = -1;
        int best = maxErrors + 1;
        for (int j = start; j < limit; j++) {
            cur[0] = j - start + 1;
            for (int i = 1; i <= m; i++) {
                int cost = hay.charAt(j) == pattern.charAt(i - 1) ? 0 : 1;
                cur[i] = Math.min(Math.min(cur[i - 1] + 1, prev[i] + 1), prev[i - 1] + cost);
            }
            if (cur[m] < best) {
                best = cur[m];
                bestEnd = j + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return best <= maxErrors ? bestEnd : -1;
    }

    /**
     * The text prepared for matching, remembered per thread for the last text: a rule checks many
     * phrases against the same utterance in a row.
     */
    private Prepared prepared(String text) {
        Prepared p = last.get();
        if (p == null || !p.text.equals(text)) {
            p = new Prepared(text);
            last.set(p);
        }
        return p;
    }

    /** A text with its English tokens and Korean jamo form, each computed on first use. */
    private static final class Prepared {
        private final String text;
        private List<Token> english;
        private KoreanText korean;

        Prepared(String text) {
            this.text = text;
        }

        List<Token> english() {
            if (english == null) {
                english = englishTokens(text);
            }
            return english;
        }

        KoreanText korean() {
            if (korean == null) {
                korean = KoreanText.of(normalize(text));
            }
            return korean;
        }
    }

    /** A word of a text: its stem and where it is. */
    record Token(String stem, String word, int start, int end) {}

    private record Compiled(boolean korean, List<String> words, List<String> raw) {}
}
