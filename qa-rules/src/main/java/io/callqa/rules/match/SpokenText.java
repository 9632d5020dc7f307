package io.callqa.rules.match;

import io.callqa.rules.transcript.Languages;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * One utterance's text as phrase matching sees it: lowercase words without punctuation, fillers
 * ("uh", "um", 어, 음, 그) left out and spoken numbers read as digits, each word remembering where it
 * is in the original text and which of the recognizer's words it came from. English words carry a
 * stem and a Double Metaphone code; Korean words are decomposed into jamo with spacing ignored.
 * Both views are built on first use and kept, so a call's utterances are prepared once however many
 * rules look at them.
 */
public final class SpokenText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*");

    /** Hesitations a recognizer writes as words; they carry no meaning for any rule. */
    static final Set<String> FILLERS =
            Set.of(
                    "uh", "um", "er", "erm", "uhm", "umm", "uhh", "hmm", "mm", "어", "음", "그", "어어",
                    "으음");

    private static final ThreadLocal<DoubleMetaphone> METAPHONE =
            ThreadLocal.withInitial(DoubleMetaphone::new);

    private final String text;
    private List<Token> english;
    private Korean korean;

    private SpokenText(String text) {
        this.text = text;
    }

    /** The matching view of {@code text}. */
    public static SpokenText of(String text) {
        return new SpokenText(text);
    }

    /** The original text. */
    public String text() {
        return text;
    }

    /** The English words, fillers out and numbers as digits. */
    List<Token> english() {
        if (english == null) {
            english = englishTokens(text);
        }
        return english;
    }

    /** The Korean view: the words, and their jamo without spaces. */
    Korean korean() {
        if (korean == null) {
            korean = koreanOf(text);
        }
        return korean;
    }

    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * A word as matching sees it.
     *
     * @param word the normalized word (digits for a spoken number)
     * @param stem its stem (English) or the word itself
     * @param start offset of its first character in the original text
     * @param end offset after its last character
     * @param firstWord index of the first original word (whitespace-separated, as a recognizer
     *     emits them) that it covers
     * @param lastWord index of the last original word it covers
     * @param codes its Double Metaphone codes (primary, alternate), computed when first asked
     */
    record Token(
            String word,
            String stem,
            int start,
            int end,
            int firstWord,
            int lastWord,
            String[] codes) {

        Token(String word, String stem, int start, int end, int firstWord, int lastWord) {
            this(word, stem, start, end, firstWord, lastWord, new String[2]);
        }

        /** The primary Double Metaphone code, or empty for numbers and short words. */
        String phonetic() {
            if (codes[0] == null) {
                String[] c = SpokenText.phonetic(word);
                codes[1] = c[1];
                codes[0] = c[0];
            }
            return codes[0];
        }

        /** The alternate code, or empty when it equals the primary one. */
        String alternate() {
            phonetic();
            return codes[1];
        }
    }

    /** Korean words and the jamo string over them; {@code owner[i]} is the word of jamo i. */
    record Korean(List<Token> words, String jamo, int[] owner) {}

    /** Raw words: letters and digits with their offsets and the original word each is in. */
    private record Raw(String w, int start, int end, int word) {}

    private static List<Raw> raw(String text) {
        List<Raw> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int word = -1;
        int scanned = 0;
        boolean inWord = false;
        while (m.find()) {
            // Count whitespace-separated words up to this match: recognizer words split on spaces.
            for (int i = scanned; i < m.start(); i++) {
                boolean space = Character.isWhitespace(text.charAt(i));
                if (!space && !inWord) {
                    word++;
                }
                inWord = !space;
            }
            if (!inWord) {
                word++;
            }
            inWord = true;
            scanned = m.end();
            out.add(new Raw(normalize(m.group()), m.start(), m.end(), word));
        }
        return out;
    }

    static List<Token> englishTokens(String text) {
        List<Raw> raws = raw(text);
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < raws.size()) {
            Raw r = raws.get(i);
            if (FILLERS.contains(r.w())) {
                i++;
                continue;
            }
            SpokenNumbers.NumberWord nw = SpokenNumbers.english(r.w());
            if (nw == null) {
                // Contractions are kept whole: stemming "youre" would turn it into "your".
                boolean contraction = r.w().indexOf('\'') >= 0 || r.w().indexOf('’') >= 0;
                String w = r.w().replace("'", "").replace("’", "");
                String stem = contraction ? w : EnglishStemmer.stem(w);
                out.add(new Token(w, stem, r.start(), r.end(), r.word(), r.word()));
                i++;
                continue;
            }
            long total = 0;
            long part = nw.kind() == SpokenNumbers.Kind.HUNDRED ? 100 : nw.value();
            if (nw.kind() == SpokenNumbers.Kind.THOUSAND) {
                total = 1000;
                part = 0;
            }
            SpokenNumbers.Kind last = nw.kind();
            int j = i + 1;
            int end = i;
            while (j < raws.size()) {
                String w = raws.get(j).w();
                int k = j;
                // "two hundred and sixty": "and" only inside a number, after hundred or thousand.
                if (w.equals("and")
                        && (last == SpokenNumbers.Kind.HUNDRED
                                || last == SpokenNumbers.Kind.THOUSAND)
                        && j + 1 < raws.size()) {
                    k = j + 1;
                    w = raws.get(k).w();
                }
                SpokenNumbers.NumberWord next = SpokenNumbers.english(w);
                if (next == null
                        || next.kind() == SpokenNumbers.Kind.HUNDRED && part == 0 && total > 0
                        || !SpokenNumbers.continues(last, part, total, next)) {
                    break;
                }
                switch (next.kind()) {
                    case HUNDRED -> part = part * 100;
                    case THOUSAND -> {
                        total = (part == 0 ? 1 : part) * 1000;
                        part = 0;
                    }
                    default -> part += next.value();
                }
                last = next.kind();
                end = k;
                j = k + 1;
            }
            String digits = Long.toString(total + part);
            out.add(
                    new Token(
                            digits,
                            digits,
                            r.start(),
                            raws.get(end).end(),
                            r.word(),
                            raws.get(end).word()));
            i = end + 1;
        }
        return out;
    }

    /** Double Metaphone codes of an alphabetic word of three letters or more. */
    static String[] phonetic(String w) {
        if (w.length() < 3 || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return new String[] {"", ""};
        }
        DoubleMetaphone dm = METAPHONE.get();
        String p = dm.doubleMetaphone(w);
        String a = dm.doubleMetaphone(w, true);
        return new String[] {p == null ? "" : p, a == null || a.equals(p) ? "" : a};
    }

    static Korean koreanOf(String text) {
        List<Raw> raws = raw(text);
        List<Token> words = new ArrayList<>();
        StringBuilder jamo = new StringBuilder();
        List<Integer> owner = new ArrayList<>();
        for (Raw r : raws) {
            if (FILLERS.contains(r.w())) {
                continue;
            }
            String w = r.w();
            long[] number = SpokenNumbers.koreanPrefix(w);
            if (number != null) {
                w = number[1] + w.substring((int) number[0]);
            }
            words.add(new Token(w, w, r.start(), r.end(), r.word(), r.word()));
            int before = jamo.length();
            jamo.append(KoreanText.jamo(w));
            for (int k = before; k < jamo.length(); k++) {
                owner.add(words.size() - 1);
            }
        }
        return new Korean(
                words, jamo.toString(), owner.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether a phrase is Korean: it has Hangul in it. */
    static boolean isKorean(String s) {
        return s.chars().anyMatch(ch -> Languages.isHangul((char) ch));
    }

    /** The normalized form of a Korean phrase word: spoken numbers as digits. */
    static String koreanWord(String w) {
        long[] number = SpokenNumbers.koreanPrefix(w);
        return number == null ? w : number[1] + w.substring((int) number[0]);
    }
}
