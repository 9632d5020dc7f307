package io.callqa.rules.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds rule phrases in transcribed speech despite recognition errors and paraphrase.
 *
 * <p>Text and phrases go through the same normalization ({@link SpokenText}): case, punctuation and
 * fillers ignored, spoken numbers as digits. English: the phrase words must appear in order with at
 * most {@link MatchSettings#maxGap()} other words between neighbours (articles in phrases are
 * optional). A spoken word counts as a phrase word when the stems are equal, when (five letters or
 * more) their similarity reaches {@link MatchSettings#fuzzyThreshold()}, or when (four letters or
 * more, in a phrase of several words) they sound alike by Double Metaphone, so "value" names
 * "valley". Korean (any phrase containing Hangul): spacing is ignored, particles and endings are
 * stripped from the phrase words ({@link KoreanText#stem}), the stems must appear in order with at
 * most three syllables per allowed gap word between them, and stems of three syllables or more
 * match with jamo-level edits up to the threshold.
 *
 * <p>With {@link MatchSettings#minShare()} below 1, a phrase also matches when only that share of
 * its words is found in order, provided {@link MatchSettings#minWords()} content words are among
 * them: one word dropped or misheard by the recognizer does not lose a long phrase, while short
 * phrases still need every word.
 *
 * <p>A text can be one utterance or a stream of consecutive utterances ({@link #find(List,
 * String)}), so a phrase cut by the recognizer's endpointing still matches. Thread-safe; compiled
 * phrases are cached.
 */
public final class PhraseMatcher {

    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    /** Words that alone never make a partial match: they occur in nearly every sentence. */
    private static final Set<String> FUNCTION_WORDS =
            Set.of(
                    "a", "an", "the", "this", "that", "these", "those", "is", "are", "was", "were",
                    "be", "been", "being", "am", "to", "of", "for", "in", "on", "at", "by", "with",
                    "and", "or", "but", "so", "it", "its", "i", "im", "me", "my", "we", "our", "us",
                    "you", "your", "youre", "he", "she", "they", "them", "there", "here", "do",
                    "does", "did", "can", "could", "will", "would", "shall", "should", "have",
                    "has", "had", "not", "no", "if", "as", "just", "all", "any", "about", "what",
                    "how", "up", "out", "some", "ive", "ill", "id", "youve", "youll", "youd",
                    "weve", "well", "wed", "theyre", "thats", "theres", "lets", "get", "got",
                    "please", "now", "very", "really", "too", "also");

    private static final double PHONETIC_SIMILARITY = 0.8;

    private static final int MAX_CACHED = 10_000;

    private final MatchSettings settings;
    private final ThreadLocal<Flat> last = new ThreadLocal<>();
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
        return findAny(List.of(SpokenText.of(text)), phrases);
    }

    /** Where {@code phrase} occurs in {@code text}, if it does. */
    public Optional<PhraseMatch> find(String text, String phrase) {
        return find(List.of(SpokenText.of(text)), phrase);
    }

    /**
     * The first (leftmost) match of any of the phrasings in a stream of utterances; earlier phrases
     * win ties.
     */
    public Optional<PhraseMatch> findAny(List<SpokenText> stream, List<String> phrases) {
        PhraseMatch best = null;
        for (String phrase : phrases) {
            Optional<PhraseMatch> m = find(stream, phrase);
            if (m.isPresent()
                    && (best == null
                            || m.get().part() < best.part()
                            || m.get().part() == best.part() && m.get().start() < best.start())) {
                best = m.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Where {@code phrase} occurs in a stream of consecutive utterances, if it does. */
    public Optional<PhraseMatch> find(List<SpokenText> stream, String phrase) {
        if (cache.size() > MAX_CACHED) {
            // Packs hold a few hundred phrases; only ad-hoc callers could grow it this far.
            cache.clear();
        }
        Compiled c = cache.computeIfAbsent(phrase, this::compile);
        if (c.words.isEmpty() || stream.isEmpty()) {
            return Optional.empty();
        }
        Flat flat = flat(stream);
        return Optional.ofNullable(c.korean ? findKorean(flat, c) : findEnglish(flat, c));
    }

    /**
     * The first part of {@code stream} that a match ending in its last part can start in: a match
     * of one of {@code phrases} spans at most a bounded number of words (English) or jamo (Korean),
     * given by the phrase and the gaps the settings allow, so the parts before this one can never
     * take part in a match that reaches the last part. A caller that matches a growing stream keeps
     * only the parts from here on, so the work per new part does not grow with the stream.
     */
    public int reachStart(List<SpokenText> stream, List<String> phrases) {
        int englishReach = 0;
        int koreanReach = 0;
        for (String phrase : phrases) {
            Compiled c = cache.computeIfAbsent(phrase, this::compile);
            int n = c.words.size();
            if (c.korean) {
                int jamo = 0;
                for (String w : c.raw) {
                    jamo += w.length();
                }
                // Each word matches at most its length plus as many edits; a missed word widens
                // the next gap by its length.
                koreanReach = Math.max(koreanReach, 3 * jamo + (n - 1) * settings.maxGap() * 9);
            } else {
                // Each next word lies at most maxGap words on, plus one place per word missed.
                englishReach =
                        Math.max(
                                englishReach, 1 + (n - 1) * (1 + settings.maxGap()) + (n - c.need));
            }
        }
        int english = 0;
        int korean = 0;
        int p = stream.size() - 1;
        while (p > 0 && (english < englishReach || korean < koreanReach)) {
            p--;
            if (english < englishReach) {
                english += stream.get(p).english().size();
            }
            if (korean < koreanReach) {
                korean += stream.get(p).korean().jamo().length();
            }
        }
        return p;
    }

    /** Words of an English text with their offsets, normalized and stemmed. */
    static List<SpokenText.Token> englishTokens(String text) {
        return SpokenText.englishTokens(text);
    }

    private Compiled compile(String phrase) {
        String p = SpokenText.normalize(phrase);
        boolean korean = SpokenText.isKorean(p);
        List<String> words = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        List<String[]> codes = new ArrayList<>();
        List<Boolean> content = new ArrayList<>();
        if (korean) {
            String[] parts = p.split("[^\\p{L}\\p{N}]+");
            for (String part : parts) {
                if (SpokenText.FILLERS.contains(part)) {
                    continue;
                }
                String stem = SpokenText.koreanWord(KoreanText.stem(part));
                if (!stem.isEmpty()) {
                    words.add(stem);
                    raw.add(KoreanText.jamo(stem));
                    content.add(true);
                }
            }
            if (words.isEmpty()) {
                for (String part : parts) {
                    if (!part.isEmpty()) {
                        words.add(part);
                        raw.add(KoreanText.jamo(part));
                        content.add(true);
                    }
                }
            }
        } else {
            List<SpokenText.Token> tokens = SpokenText.englishTokens(p);
            for (SpokenText.Token t : tokens) {
                // Articles vary freely in speech ("a manager", "the manager"); the gap absorbs
                // them.
                if (tokens.size() > 1 && ARTICLES.contains(t.word())) {
                    continue;
                }
                words.add(t.stem());
                raw.add(t.word());
                codes.add(new String[] {t.phonetic(), t.alternate()});
                content.add(!FUNCTION_WORDS.contains(t.word()));
            }
        }
        int n = words.size();
        int contentWords = (int) content.stream().filter(b -> b).count();
        int need = n;
        if (settings.minShare() < 1.0 && contentWords >= settings.minWords()) {
            need = Math.max(1, (int) Math.ceil(settings.minShare() * n - 1e-9));
        }
        return new Compiled(phrase, korean, words, raw, codes, content, need);
    }

    /**
     * How well a spoken word stands for phrase word k: 0 (not at all) to 1 (same stem). Sound is
     * only compared ({@code bySound}) after the phrase is anchored by a word of the right shape:
     * codes are short, and anchoring on them alone would match too much and cost a code per word.
     */
    private double wordScore(SpokenText.Token spoken, Compiled c, int k, boolean bySound) {
        String wanted = c.words.get(k);
        if (spoken.stem().equals(wanted)) {
            return 1.0;
        }
        double t = settings.fuzzyThreshold();
        String raw = c.raw.get(k);
        if (t >= 1.0 || spoken.word().length() < 4 || raw.length() < 4) {
            return 0;
        }
        double best = 0;
        if (spoken.word().length() >= 5 && raw.length() >= 5) {
            best =
                    Math.max(
                            similarity(spoken.stem(), wanted, t),
                            similarity(spoken.word(), raw, t));
        }
        if (bySound && best < PHONETIC_SIMILARITY && c.words.size() > 1 && c.content.get(k)) {
            String[] want = c.codes.get(k);
            String p = spoken.phonetic();
            boolean sameSound =
                    p.length() >= 2
                            && (p.equals(want[0])
                                    || p.equals(want[1])
                                    || !spoken.alternate().isEmpty()
                                            && spoken.alternate().equals(want[0]));
            // Codes are short: words of very different shape can share one ("grant", "guarantee").
            if (sameSound
                    && Math.abs(spoken.word().length() - raw.length()) <= 2
                    && EditDistance.similarity(spoken.word(), raw) >= 0.5) {
                best = PHONETIC_SIMILARITY;
            }
        }
        return best;
    }

    /** Similarity if at least t, else 0; skips the edit distance when lengths rule it out. */
    private static double similarity(String a, String b, double t) {
        int longer = Math.max(a.length(), b.length());
        if (Math.abs(a.length() - b.length()) > longer * (1 - t) + 1e-9) {
            return 0;
        }
        // Words a few edits apart keep their first or their last letter; checking that first
        // skips the edit distance for nearly every pair of unrelated words.
        if (a.charAt(0) != b.charAt(0) && a.charAt(a.length() - 1) != b.charAt(b.length() - 1)) {
            return 0;
        }
        double s = EditDistance.similarity(a, b);
        return s >= t ? s : 0;
    }

    private PhraseMatch findEnglish(Flat f, Compiled c) {
        SpokenText.Token[] tokens = f.english();
        int n = c.words.size();
        int firstChoices = n - c.need;
        for (int i = 0; i < tokens.length; i++) {
            for (int k0 = 0; k0 <= firstChoices; k0++) {
                double s0 = wordScore(tokens[i], c, k0, false);
                if (s0 <= 0) {
                    continue;
                }
                PhraseMatch m = extendEnglish(f, c, i, k0, s0);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The match that starts with token i as phrase word k0, if enough words follow in order. */
    private PhraseMatch extendEnglish(Flat f, Compiled c, int i, int k0, double s0) {
        SpokenText.Token[] tokens = f.english();
        int n = c.words.size();
        int found = 1;
        int contentFound = c.content.get(k0) ? 1 : 0;
        double score = s0;
        int lastIndex = i;
        int skipped = 0;
        List<Integer> hits = new ArrayList<>();
        hits.add(i);
        for (int k = k0 + 1; k < n; k++) {
            if (found + (n - k) < c.need) {
                return null;
            }
            // A phrase word the recognizer dropped or garbled leaves its place as extra gap.
            int limit = Math.min(tokens.length - 1, lastIndex + 1 + settings.maxGap() + skipped);
            boolean hit = false;
            for (int j = lastIndex + 1; j <= limit; j++) {
                double s = wordScore(tokens[j], c, k, true);
                if (s > 0) {
                    score += s;
                    found++;
                    contentFound += c.content.get(k) ? 1 : 0;
                    lastIndex = j;
                    hits.add(j);
                    skipped = 0;
                    hit = true;
                    break;
                }
            }
            if (!hit) {
                skipped++;
            }
        }
        if (found < n && (found < c.need || contentFound < settings.minWords())) {
            return null;
        }
        List<PhraseMatch.WordRef> words = new ArrayList<>();
        for (int h : hits) {
            SpokenText.Token t = tokens[h];
            for (int w = t.firstWord(); w <= t.lastWord(); w++) {
                words.add(new PhraseMatch.WordRef(f.part[h], w));
            }
        }
        return f.match(
                c.phrase(),
                f.part[i],
                tokens[i].start(),
                f.part[lastIndex],
                tokens[lastIndex].end(),
                score / n,
                words);
    }

    private PhraseMatch findKorean(Flat f, Compiled c) {
        Flat.KoreanStream ks = f.korean();
        String hayText = ks.jamo;
        char[] hay = ks.chars;
        int gap = settings.maxGap() * 3 * 3;
        int n = c.words.size();
        for (int k0 = 0; k0 <= n - c.need; k0++) {
            for (int from = 0; from < hay.length; from++) {
                // Skipping leading words is for a dropped word, not a garbled anchor: the
                // anchor of such a partial match must be exact, which also keeps the search cheap.
                int[] first =
                        k0 == 0
                                ? ks.anchor(this, from, c.raw.get(k0), c.words.get(k0))
                                : exact(hayText, from, c.raw.get(k0));
                if (first == null) {
                    break;
                }
                int end = first[1];
                int found = 1;
                double score = first[2] / 1000.0;
                int skippedLen = 0;
                for (int k = k0 + 1; k < n && found + (n - k) >= c.need; k++) {
                    String w = c.raw.get(k);
                    int[] next =
                            approx(
                                    hayText,
                                    hay,
                                    end,
                                    Math.min(hay.length, end + gap + skippedLen),
                                    w,
                                    c.words.get(k));
                    if (next != null) {
                        end = next[1];
                        found++;
                        score += next[2] / 1000.0;
                        skippedLen = 0;
                    } else {
                        skippedLen += w.length();
                    }
                }
                if (found == n || found >= c.need && found >= settings.minWords()) {
                    return ks.match(f, c.phrase(), first[0], end, score / n);
                }
                from = first[0];
            }
        }
        return null;
    }

    private static int[] exact(String hay, int from, String pattern) {
        int at = hay.indexOf(pattern, from);
        return at < 0 ? null : new int[] {at, at + pattern.length(), 1000};
    }

    /**
     * The leftmost start in [from, lastStart] where {@code pattern} matches with few enough edits,
     * as {start, end, similarity per mille} in jamo; exact for short words.
     */
    private int[] approx(
            String hayText, char[] hay, int from, int lastStart, String pattern, String word) {
        int maxErrors =
                KoreanText.syllables(word) >= 3
                        ? (int)
                                Math.floor(
                                        pattern.length() * (1 - settings.fuzzyThreshold()) + 1e-9)
                        : 0;
        // An exact occurrence wins over an earlier approximate one.
        int exact = hayText.indexOf(pattern, from);
        if (exact >= 0 && exact <= lastStart) {
            return new int[] {exact, exact + pattern.length(), 1000};
        }
        if (maxErrors == 0) {
            return null;
        }
        char[] pat = pattern.toCharArray();
        char first = pat[0];
        int limit = Math.min(lastStart, hay.length - 1);
        for (int s = from; s <= limit; s++) {
            if (hay[s] != first) {
                continue;
            }
            int[] end = anchoredEnd(hay, s, pat, maxErrors);
            if (end != null) {
                int sim = (int) Math.round(1000.0 * (1 - (double) end[1] / pattern.length()));
                return new int[] {s, end[0], sim};
            }
        }
        return null;
    }

    /** {end, edits} of the best match of pattern anchored at start, or null if too many edits. */
    private static int[] anchoredEnd(char[] hay, int start, char[] pattern, int maxErrors) {
        int m = pattern.length;
        int limit = Math.min(hay.length, start + m + maxErrors);
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
                int cost = hay[j] == pattern[i - 1] ? 0 : 1;
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
        return best <= maxErrors ? new int[] {bestEnd, best} : null;
    }

    /**
     * The stream flattened for matching, remembered per thread for the last stream: a rule checks
     * many phrases against the same stream in a row.
     */
    private Flat flat(List<SpokenText> stream) {
        Flat f = last.get();
        if (f == null || !f.sameAs(stream)) {
            f = new Flat(stream);
            last.set(f);
        }
        return f;
    }

    /** A stream of utterance texts as one sequence of words (English) or jamo (Korean). */
    private static final class Flat {
        final List<SpokenText> parts;
        private SpokenText.Token[] english;
        int[] part;
        private KoreanStream korean;

        Flat(List<SpokenText> parts) {
            this.parts = parts;
        }

        boolean sameAs(List<SpokenText> other) {
            if (other.size() != parts.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (other.get(i) != parts.get(i)) {
                    return false;
                }
            }
            return true;
        }

        SpokenText.Token[] english() {
            if (english == null) {
                List<SpokenText.Token> all = new ArrayList<>();
                List<Integer> owner = new ArrayList<>();
                for (int p = 0; p < parts.size(); p++) {
                    for (SpokenText.Token t : parts.get(p).english()) {
                        all.add(t);
                        owner.add(p);
                    }
                }
                english = all.toArray(new SpokenText.Token[0]);
                part = owner.stream().mapToInt(Integer::intValue).toArray();
            }
            return english;
        }

        KoreanStream korean() {
            if (korean == null) {
                korean = new KoreanStream(parts);
            }
            return korean;
        }

        PhraseMatch match(
                String phrase,
                int firstPart,
                int start,
                int lastPart,
                int end,
                double strength,
                List<PhraseMatch.WordRef> words) {
            StringBuilder matched = new StringBuilder();
            for (int p = firstPart; p <= lastPart; p++) {
                String text = parts.get(p).text();
                int from = p == firstPart ? start : 0;
                int to = p == lastPart ? end : text.length();
                if (matched.length() > 0) {
                    matched.append(' ');
                }
                matched.append(text, from, to);
            }
            return new PhraseMatch(
                    phrase,
                    firstPart,
                    start,
                    end,
                    matched.toString().trim(),
                    Math.min(1.0, strength),
                    words);
        }

        /** Jamo of all parts, each jamo remembering its part and word. */
        static final class KoreanStream {
            final String jamo;
            final char[] chars;
            private final Map<String, int[]> anchors = new java.util.HashMap<>();
            private static final int[] NONE = new int[0];
            final int[] part;
            final int[] word;

            KoreanStream(List<SpokenText> parts) {
                StringBuilder sb = new StringBuilder();
                int size = 0;
                for (SpokenText p : parts) {
                    size += p.korean().jamo().length();
                }
                part = new int[size];
                word = new int[size];
                int at = 0;
                for (int p = 0; p < parts.size(); p++) {
                    SpokenText.Korean k = parts.get(p).korean();
                    sb.append(k.jamo());
                    for (int i = 0; i < k.owner().length; i++) {
                        part[at] = p;
                        word[at] = k.owner()[i];
                        at++;
                    }
                }
                jamo = sb.toString();
                chars = jamo.toCharArray();
            }

            /**
             * {@link #approx} over the whole stream from {@code from}, remembering the answer from
             * the start: many phrases share words, and most words are not in a stream.
             */
            int[] anchor(PhraseMatcher m, int from, String pattern, String word) {
                int[] known = anchors.get(pattern);
                if (known == null) {
                    int[] r = m.approx(jamo, chars, 0, chars.length - 1, pattern, word);
                    known = r == null ? NONE : r;
                    anchors.put(pattern, known);
                }
                if (known == NONE) {
                    return null;
                }
                if (known[0] >= from) {
                    return known;
                }
                return m.approx(jamo, chars, from, chars.length - 1, pattern, word);
            }

            PhraseMatch match(Flat f, String phrase, int from, int to, double strength) {
                int p0 = part[from];
                int p1 = part[to - 1];
                SpokenText.Token w0 = f.parts.get(p0).korean().words().get(word[from]);
                SpokenText.Token w1 = f.parts.get(p1).korean().words().get(word[to - 1]);
                List<PhraseMatch.WordRef> words = new ArrayList<>();
                int lastPart = -1;
                int lastWord = -1;
                for (int i = from; i < to; i++) {
                    SpokenText.Token t = f.parts.get(part[i]).korean().words().get(word[i]);
                    if (part[i] != lastPart || t.firstWord() != lastWord) {
                        words.add(new PhraseMatch.WordRef(part[i], t.firstWord()));
                        lastPart = part[i];
                        lastWord = t.firstWord();
                    }
                }
                return f.match(phrase, p0, w0.start(), p1, w1.end(), strength, words);
            }
        }
    }

    private record Compiled(
            String phrase,
            boolean korean,
            List<String> words,
            List<String> raw,
            List<String[]> codes,
            List<Boolean> content,
            int need) {}
}
