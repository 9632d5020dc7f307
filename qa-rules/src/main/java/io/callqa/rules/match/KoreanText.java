package io.callqa.rules.match;

import io.callqa.rules.transcript.Languages;
import java.util.ArrayList;
import java.util.List;

/**
 * Korean text prepared for matching. Spacing in Korean ASR output is unreliable ("환불해 주세요" vs
 * "환불해주세요"), so matching works on the text with spaces and punctuation removed, and on jamo
 * (letters) rather than syllables, so that one wrong final consonant costs one edit.
 */
public final class KoreanText {

    /**
     * Particles and verb endings stripped from phrase words, longest first, so that a phrase
     * written as "환불해 주세요" keeps only its content ("환불", "주") and matches "환불 좀 해 주세요".
     */
    static final List<String> ENDINGS =
            List.of(
                    "하겠습니다", "겠습니다", "었습니다", "았습니다", "했습니다", "습니다", "합니다", "입니다", "하세요", "세요",
                    "이에요", "에요", "예요", "이요", "해요", "어요", "아요", "해", "에서", "으로", "에게", "한테", "께서",
                    "까지", "부터", "이랑", "하고", "랑", "은", "는", "이", "가", "을", "를", "에", "로", "와", "과",
                    "요", "좀", "의");

    private static final char[] LEAD = {
        'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ',
        'ㅎ'
    };
    private static final char[] VOWEL = {
        'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ', 'ㅟ', 'ㅠ',
        'ㅡ', 'ㅢ', 'ㅣ'
    };
    private static final char[] TAIL = {
        0, 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ',
        'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'
    };

    private final String jamo;
    private final int[] origin;

    private KoreanText(String jamo, int[] origin) {
        this.jamo = jamo;
        this.origin = origin;
    }

    /** Lowercased letters and digits of {@code text}, without spaces, decomposed into jamo. */
    public static KoreanText of(String text) {
        StringBuilder sb = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            int before = sb.length();
            appendJamo(Character.toLowerCase(c), sb);
            for (int k = before; k < sb.length(); k++) {
                origin.add(i);
            }
        }
        return new KoreanText(sb.toString(), origin.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The jamo string of a word (no spaces expected). */
    public static String jamo(String word) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                appendJamo(Character.toLowerCase(c), sb);
            }
        }
        return sb.toString();
    }

    /**
     * A phrase word without its particle or ending; empty when it is only a particle. A stem of one
     * syllable is too common to match on its own, so such words are kept whole.
     */
    public static String stem(String word) {
        for (String ending : ENDINGS) {
            if (word.equals(ending)) {
                return "";
            }
            if (word.endsWith(ending) && word.length() > ending.length()) {
                String stem = word.substring(0, word.length() - ending.length());
                return syllables(stem) >= 2 || syllables(word) < word.length() ? stem : word;
            }
        }
        return word;
    }

    /** Number of Hangul syllables in a word. */
    static int syllables(String word) {
        int n = 0;
        for (int i = 0; i < word.length(); i++) {
            if (Languages.isHangul(word.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    String jamo() {
        return jamo;
    }

    /** Offset in the original text of the jamo at {@code index}. */
    int origin(int index) {
        return origin[Math.min(index, origin.length - 1)];
    }

    private static void appendJamo(char c, StringBuilder sb) {
        if (c >= '\uAC00' && c <= '\uD7A3') {
            int s = c - '\uAC00';
            sb.append(LEAD[s / (21 * 28)]).append(VOWEL[(s % (21 * 28)) / 28]);
            char tail = TAIL[s % 28];
            if (tail != 0) {
                sb.append(tail);
            }
        } else {
            sb.append(c);
        }
    }
}
