package io.callqa.rules.pii;

import io.callqa.rules.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Carries a text's redaction over to its recognized words: each word is aligned to the text and a
 * word inside a redacted stretch gets the placeholder as its text, keeping its timing and
 * confidence. A word that cannot be aligned, in an utterance that had something redacted, is
 * replaced when it reads as a number, so raw digits never survive in the words.
 */
final class WordRedaction {

    /** How far past the last aligned word to look for the next one. */
    private static final int LOOKAHEAD = 64;

    private WordRedaction() {}

    static List<Word> redact(String text, List<Word> words, List<Span> spans) {
        if (words.isEmpty()) {
            return words;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<Word> out = new ArrayList<>(words.size());
        int cursor = 0;
        // Spans are in text order and words align in order, so one pointer walks the spans.
        int next = 0;
        for (Word w : words) {
            String key = w.w().toLowerCase(Locale.ROOT).strip();
            int at = key.isEmpty() ? -1 : find(lower, key, cursor);
            Span hit = null;
            if (at >= 0) {
                int end = at + key.length();
                while (next < spans.size() && spans.get(next).end() <= at) {
                    next++;
                }
                if (next < spans.size() && spans.get(next).start() < end) {
                    hit = spans.get(next);
                }
                cursor = end;
            } else if (reads(key)) {
                hit = spans.get(0);
            }
            out.add(hit == null ? w : w.withText(hit.type().placeholder()));
        }
        return out;
    }

    private static int find(String text, String key, int from) {
        int last = Math.min(text.length() - key.length(), from + LOOKAHEAD);
        for (int at = from; at <= last; at++) {
            if (text.startsWith(key, at)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean reads(String key) {
        List<Token> ts = new ArrayList<>();
        PiiRedactor.tokenize(0, key, 0, 0, ts);
        for (Token t : ts) {
            if (t.reading().kind() != SpokenNumbers.Kind.NONE) {
                return true;
            }
        }
        return !ts.isEmpty() && ts.size() == 1 && ts.get(0).text().length() == 1;
    }
}
