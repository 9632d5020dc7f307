package io.callqa.rules.abuse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Abusive terms of one language, read from a resource file (see {@code lexicon-en.txt} for the
 * format), and where they occur in a text.
 *
 * <p><b>English</b> is matched word by word, ignoring case and punctuation. A term ending in {@code
 * *} matches any ending ("fuck*" = fucking). Masked forms match a term of the same length whose
 * first letter is written: {@code f***}, {@code f*ck}, {@code sh#t}, {@code fxck}; so do leetspeak
 * ({@code sh1t}, {@code a$$hole}) and letters spelled out ({@code f u c k}, {@code s.h.i.t}).
 *
 * <p><b>Korean</b> is matched with the spaces removed, because recognizers space Korean at random
 * and endings attach to the term (씨발놈아); a syllable after the first may be masked as X, *, ○ or
 * written as its first consonant (씨X, 시X, ㅅㅂ, ㅆㅂ). Harmless words that contain a term once the
 * spaces are gone (질병 신고, 신청 시 발급) are listed after {@code unless} and do not count.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AbuseLexicon {

    /**
     * A term found in a text.
     *
     * @param kind the abuse the term stands for
     * @param strong whether it counts on its own (else only with the classifier's support)
     * @param term the lexicon's term
     * @param display the term for display, offensive words masked ("f***", "씨*")
     */
    public record Hit(AbuseKind kind, boolean strong, String term, String display) {}

    /** A lexicon entry. */
    private record Term(
            AbuseKind kind,
            boolean strong,
            String text,
            String[] words,
            boolean prefix,
            Pattern korean,
            List<String> unless,
            String display) {}

    private static final Map<String, AbuseLexicon> DEFAULTS = new ConcurrentHashMap<>();

    /** Characters people write in place of a letter they would rather not spell out. */
    private static final String MASKS = "*#●○◯×✱";

    private static final String KOREAN_MASKS = MASKS + "xX";
    private static final String MASK_CLASS = characterClass(MASKS);
    private static final String KOREAN_MASK_CLASS = "[" + characterClass(KOREAN_MASKS) + "]";
    private static final Pattern LINE =
            Pattern.compile(
                    "(insult|profanity|threat|sexual-harassment)\\s+(strong|weak)\\s+(.+?)"
                            + "(?:\\s+unless\\s+(.+))?");
    private static final Set<AbuseKind> MASKED_KINDS =
            Set.of(AbuseKind.PROFANITY, AbuseKind.INSULT, AbuseKind.SEXUAL_HARASSMENT);

    /** Longest run of spelled-out letters joined into a word. */
    private static final int MAX_SPELLED = 16;

    private final String language;
    private final List<Term> terms;

    private AbuseLexicon(String language, List<Term> terms) {
        this.language = language;
        this.terms = List.copyOf(terms);
    }

    /** The lexicon bundled for {@code en} or {@code ko}, loaded once. */
    public static AbuseLexicon defaults(String language) {
        String lang = checkLanguage(language);
        return DEFAULTS.computeIfAbsent(
                lang,
                l -> {
                    String resource = "/io/callqa/rules/abuse/lexicon-" + l + ".txt";
                    try (InputStream in = AbuseLexicon.class.getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + resource);
                        }
                        return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource, l);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * Reads a lexicon.
     *
     * @param source the name used in error messages
     * @param language {@code en} or {@code ko}: how the terms are matched
     * @throws IllegalArgumentException naming the source, line and problem, for a bad line
     */
    public static AbuseLexicon read(Reader in, String source, String language) throws IOException {
        String lang = checkLanguage(language);
        BufferedReader lines = new BufferedReader(in);
        List<Term> terms = new ArrayList<>();
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(s);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        source
                                + ":"
                                + number
                                + ": expected KIND STRENGTH TERM [unless BENIGN, ...] with KIND"
                                + " insult, profanity, threat or sexual-harassment and STRENGTH"
                                + " strong or weak, got \""
                                + s
                                + "\"");
            }
            AbuseKind kind = AbuseKind.fromId(m.group(1));
            boolean strong = m.group(2).equals("strong");
            String text = normalise(m.group(3));
            List<String> unless = new ArrayList<>();
            if (m.group(4) != null) {
                for (String b : m.group(4).split(",")) {
                    if (!b.isBlank()) {
                        unless.add(compact(normalise(b)));
                    }
                }
            }
            terms.add(
                    lang.equals("ko")
                            ? korean(kind, strong, text, unless)
                            : english(kind, strong, text));
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException(source + ": no terms in the lexicon");
        }
        return new AbuseLexicon(lang, terms);
    }

    private static Term english(AbuseKind kind, boolean strong, String text) {
        boolean prefix = text.endsWith("*");
        String[] words =
                (prefix ? text.substring(0, text.length() - 1) : text).strip().split("\\s+");
        return new Term(kind, strong, text, words, prefix, null, List.of(), null);
    }

    private static Term korean(AbuseKind kind, boolean strong, String text, List<String> unless) {
        String c = compact(text);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < c.length(); i++) {
            char s = c.charAt(i);
            String alternatives = Pattern.quote(String.valueOf(s));
            if (isSyllable(s) && c.length() > 1) {
                alternatives += "|" + initial(s);
                if (i > 0) {
                    alternatives += "|" + KOREAN_MASK_CLASS;
                }
            }
            regex.append("(?:").append(alternatives).append(")");
        }
        String display = MASKED_KINDS.contains(kind) ? c.charAt(0) + "*".repeat(c.length() - 1) : c;
        return new Term(
                kind, strong, c, null, false, Pattern.compile(regex.toString()), unless, display);
    }

    /** The lexicon's language. */
    public String language() {
        return language;
    }

    /** Number of terms. */
    public int size() {
        return terms.size();
    }

    /** Every term of the lexicon found in {@code text}, once each, in lexicon order. */
    public List<Hit> find(String text) {
        return language.equals("ko") ? findKorean(text) : findEnglish(text);
    }

    // ---------------------------------------------------------------------------------------
    // English

    private List<Hit> findEnglish(String text) {
        List<String> tokens = englishTokens(text);
        List<String> spelled = spelledWords(tokens);
        // A masked word stands for one term only: the first it fits, in lexicon order ("f***" is
        // "fuck", not also "fool").
        boolean[] claimed = new boolean[tokens.size()];
        boolean[] spelledClaimed = new boolean[spelled.size()];
        List<Hit> hits = new ArrayList<>();
        for (Term t : terms) {
            if (matchesAnywhere(t, tokens, claimed)
                    || (t.words.length == 1 && matchesAnywhere(t, spelled, spelledClaimed))) {
                hits.add(new Hit(t.kind, t.strong, t.text, englishDisplay(t)));
            }
        }
        return hits;
    }

    private static boolean matchesAnywhere(Term t, List<String> tokens, boolean[] claimed) {
        boolean found = false;
        for (int i = 0; i + t.words.length <= tokens.size(); i++) {
            boolean all = true;
            boolean masked = false;
            for (int k = 0; k < t.words.length && all; k++) {
                String token = tokens.get(i + k);
                String word = t.words[k];
                boolean prefix = k == t.words.length - 1 && t.prefix;
                if (token.equals(word) || (prefix && token.startsWith(word))) {
                    continue;
                }
                // Only strong terms are looked for masked: people mask the words they would rather
                // not spell out, and a mask that fits a mild word ("f***" = "fool") is not it.
                all = t.strong && !claimed[i + k] && wordMatches(token, word, prefix);
                masked |= all;
            }
            if (all) {
                found = true;
                if (masked) {
                    for (int k = 0; k < t.words.length; k++) {
                        claimed[i + k] = true;
                    }
                }
            }
        }
        return found;
    }

    /** Whether a token is the word, with any ending when {@code prefix}, or a masked form of it. */
    static boolean wordMatches(String token, String word, boolean prefix) {
        if (token.equals(word) || (prefix && token.startsWith(word))) {
            return true;
        }
        if (token.length() < word.length() || (!prefix && token.length() != word.length())) {
            return false;
        }
        if (token.charAt(0) != word.charAt(0)) {
            return false;
        }
        int masks = 0;
        int xs = 0;
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = token.charAt(i);
            if (MASKS.indexOf(c) >= 0) {
                masks++;
            } else if (c == 'x' && word.charAt(i) != 'x') {
                xs++;
            } else if (c == word.charAt(i)) {
                letters++;
            } else {
                return false;
            }
        }
        for (int i = word.length(); i < token.length(); i++) {
            if (!Character.isLetter(token.charAt(i)) && MASKS.indexOf(token.charAt(i)) < 0) {
                return false;
            }
        }
        // "x" stands in for a letter only beside enough real ones ("fxck"), so that ordinary
        // words with an x are not read as masked.
        return masks > 0 || (xs > 0 && letters >= 2 && word.length() >= 4);
    }

    private String englishDisplay(Term t) {
        StringBuilder out = new StringBuilder();
        for (String w : t.words) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(isOffensiveWord(w) ? mask(w) : w);
        }
        return out.toString();
    }

    /** A word that is a single-word term of a kind whose words are masked for display. */
    private boolean isOffensiveWord(String w) {
        for (Term t : terms) {
            if (t.words.length == 1 && MASKED_KINDS.contains(t.kind) && w.startsWith(t.words[0])) {
                return true;
            }
        }
        return false;
    }

    /** The words of a text for matching: lower case, punctuation gone, leetspeak read. */
    static List<String> englishTokens(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String raw : s.split("\\s+")) {
            String token = trim(raw);
            if (token.isEmpty()) {
                continue;
            }
            if (token.matches("\\p{L}([.\\-_]\\p{L})+")) {
                out.add(token.replaceAll("[.\\-_]", "")); // s.h.i.t
                continue;
            }
            token = token.replace("'", "").replace("’", "");
            if (hasLetter(token)) {
                token = deLeet(token);
            }
            for (String part : token.split("[^\\p{L}\\p{N}" + MASK_CLASS + "]+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /** Runs of single letters ("f u c k i n g") joined, every start and length of three or more. */
    private static List<String> spelledWords(List<String> tokens) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && tokens.get(j).length() == 1 && j - i < MAX_SPELLED) {
                j++;
            }
            if (j - i >= 3) {
                for (int a = i; a < j; a++) {
                    StringBuilder w = new StringBuilder();
                    for (int b = a; b < j; b++) {
                        w.append(tokens.get(b));
                        if (b - a >= 2) {
                            out.add(w.toString());
                        }
                    }
                }
            }
            i = Math.max(j, i + 1);
        }
        return out;
    }

    private static String trim(String raw) {
        int a = 0;
        int b = raw.length();
        while (a < b && !isTokenChar(raw.charAt(a))) {
            a++;
        }
        while (b > a && !isTokenChar(raw.charAt(b - 1))) {
            b--;
        }
        return raw.substring(a, b);
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || MASKS.indexOf(c) >= 0 || c == '$' || c == '@';
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Digits and symbols used as letters inside a word: sh1t, a$$hole, b!tch, @ss. */
    private static String deLeet(String token) {
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            out.append(
                    switch (c) {
                        case '0' -> 'o';
                        case '1', '!' -> 'i';
                        case '3' -> 'e';
                        case '4', '@' -> 'a';
                        case '5', '$' -> 's';
                        case '7' -> 't';
                        default -> c;
                    });
        }
        return out.toString();
    }

    private static String mask(String w) {
        return w.isEmpty() ? w : w.charAt(0) + "*".repeat(w.length() - 1);
    }

    // ---------------------------------------------------------------------------------------
    // Korean

    private List<Hit> findKorean(String text) {
        String c = compact(normalise(text));
        // Like English, a masked stretch (씨X) stands for the first term it fits only.
        boolean[] claimed = new boolean[c.length()];
        List<Hit> hits = new ArrayList<>();
        for (Term t : terms) {
            boolean found = false;
            Matcher m = t.korean.matcher(c);
            while (m.find()) {
                boolean exact = m.group().equals(t.text);
                if (exact
                        ? coveredByBenign(c, m.start(), m.end(), t.unless)
                        : !t.strong || anyClaimed(claimed, m.start(), m.end())) {
                    continue;
                }
                found = true;
                if (!exact) {
                    Arrays.fill(claimed, m.start(), m.end(), true);
                }
            }
            if (found) {
                hits.add(new Hit(t.kind, t.strong, t.text, t.display));
            }
        }
        return hits;
    }

    private static boolean anyClaimed(boolean[] claimed, int start, int end) {
        for (int i = start; i < end; i++) {
            if (claimed[i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean coveredByBenign(String c, int start, int end, List<String> unless) {
        for (String b : unless) {
            for (int i = c.indexOf(b, Math.max(0, end - b.length()));
                    i >= 0 && i <= start;
                    i = c.indexOf(b, i + 1)) {
                if (i + b.length() >= end) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The text reduced to what Korean terms are matched on: letters (with compatibility jamo made
     * initial consonants by NFKC) and mask characters, without spaces or punctuation.
     */
    static String compact(String normalised) {
        StringBuilder out = new StringBuilder(normalised.length());
        for (int i = 0; i < normalised.length(); i++) {
            char ch = normalised.charAt(i);
            if (Character.isLetter(ch) || KOREAN_MASKS.indexOf(ch) >= 0) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static boolean isSyllable(char c) {
        return c >= '\uAC00' && c <= '\uD7A3';
    }

    /** The initial consonant of a syllable as a conjoining jamo, the form NFKC gives ㅅ. */
    private static char initial(char syllable) {
        return (char) (0x1100 + (syllable - 0xAC00) / 588);
    }

    /** The characters escaped for use inside a regex character class. */
    private static String characterClass(String chars) {
        StringBuilder out = new StringBuilder();
        for (char c : chars.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        return out.toString();
    }

    private static String checkLanguage(String language) {
        if ("en".equals(language) || "ko".equals(language)) {
            return language;
        }
        throw new IllegalArgumentException("language must be en or ko, got \"" + language + "\"");
    }
}
