package io.callqa.rules.pii;

import java.util.List;
import java.util.Set;

/**
 * Finds a person's name where the speaker introduces themself: "my name is Ana Ruiz", "this is
 * Ana", 성함은 박서연입니다, 제 이름은 박서연이에요, 저는 박서연입니다.
 */
final class NameFinder {

    /** Words that are not names, so "this is about my order" and "my name is not on it" stay. */
    private static final Set<String> NOT_NAMES =
            Set.of(
                    "a",
                    "an",
                    "the",
                    "about",
                    "calling",
                    "call",
                    "for",
                    "from",
                    "my",
                    "your",
                    "not",
                    "so",
                    "very",
                    "really",
                    "just",
                    "it",
                    "is",
                    "was",
                    "what",
                    "regarding",
                    "in",
                    "on",
                    "with",
                    "and",
                    "but",
                    "because",
                    "i",
                    "im",
                    "going",
                    "ridiculous",
                    "terrible",
                    "great",
                    "good",
                    "fine",
                    "okay",
                    "ok",
                    "sure",
                    "yes",
                    "no",
                    "how",
                    "why",
                    "when",
                    "where",
                    "that",
                    "this",
                    "our",
                    "their",
                    "to",
                    "of",
                    "at",
                    "correct",
                    "right",
                    "wrong",
                    "speaking",
                    "here",
                    "again",
                    "actually",
                    "still",
                    "also",
                    "account",
                    "order",
                    "card",
                    "number",
                    "me",
                    "him",
                    "her",
                    "we",
                    "they",
                    "you",
                    "he",
                    "she",
                    "all",
                    "bad",
                    "weird",
                    "strange",
                    "crazy",
                    "awful",
                    "second",
                    "third",
                    "first",
                    "taking",
                    "too",
                    "much",
                    "insane",
                    "unacceptable",
                    "frustrating",
                    "urgent",
                    "important",
                    "been",
                    "being",
                    "already",
                    "over",
                    "under",
                    "spelled",
                    "spelt",
                    "uh",
                    "um",
                    "s",
                    "mister",
                    "miss",
                    "mrs",
                    "mr",
                    "ms",
                    "doctor",
                    "dr",
                    "customer",
                    "support",
                    "billing",
                    "team",
                    "agent",
                    "one",
                    "two",
                    "three",
                    "four",
                    "five",
                    "six",
                    "seven",
                    "eight",
                    "nine",
                    "zero",
                    "last",
                    "time",
                    "thing",
                    "problem",
                    "issue",
                    "weeks",
                    "days",
                    "month",
                    "exactly",
                    "definitely",
                    "absolutely",
                    "probably",
                    "could",
                    "would",
                    "should",
                    "can",
                    "will",
                    "do",
                    "does",
                    "did",
                    "have",
                    "has",
                    "had",
                    "like",
                    "if",
                    "or",
                    "as",
                    "by",
                    "there",
                    "then",
                    "than",
                    "now",
                    "today",
                    "yesterday",
                    "tomorrow");

    private static final List<String> KO_TAILS =
            List.of("이라고", "입니다", "이에요", "이고요", "예요", "고요", "이요", "라고", "요", "인데요", "이구요");
    private static final Set<String> KO_NOT_NAMES =
            Set.of("고객", "학생", "회원", "본인", "주부", "직장인", "괜찮", "그냥", "지금", "처음", "아니", "네");

    private NameFinder() {}

    /** Names in one utterance's tokens, from {@code from} to {@code to} (exclusive). */
    static void find(List<Token> tokens, int from, int to, boolean lowercaseText, List<Span> out) {
        for (int i = from; i < to; i++) {
            String w = tokens.get(i).text();
            int next = -1;
            boolean strict = false;
            if (w.equals("name") && i + 1 < to && tokens.get(i + 1).text().equals("is")) {
                next = i + 2;
            } else if (w.equals("name") && i + 1 < to && tokens.get(i + 1).text().equals("s")) {
                next = i + 2;
            } else if (w.equals("this") && i + 1 < to && tokens.get(i + 1).text().equals("is")) {
                next = i + 2;
                strict = true;
            } else if (isKoreanCue(w)) {
                koreanName(tokens, i + 1, to, out, false);
                continue;
            } else if (w.equals("저는")) {
                koreanName(tokens, i + 1, to, out, true);
                continue;
            }
            if (next < 0 || next >= to) {
                continue;
            }
            int end = next;
            while (end < to
                    && end - next < 3
                    && nameLike(tokens.get(end), strict && !lowercaseText)) {
                end++;
            }
            if (strict
                    && end < to
                    && !Set.of("speaking", "here", "calling", "and", "from", "i")
                            .contains(tokens.get(end).text())
                    && end - next < 2) {
                continue;
            }
            if (end > next) {
                out.add(
                        new Span(
                                tokens.get(next).utterance(),
                                tokens.get(next).start(),
                                tokens.get(end - 1).end(),
                                PiiType.NAME));
                i = end - 1;
            }
        }
    }

    private static boolean nameLike(Token t, boolean capitalized) {
        String w = t.text();
        if (NOT_NAMES.contains(w) || w.length() < 2 || !Character.isLetter(w.charAt(0))) {
            return false;
        }
        if (t.reading().kind() != SpokenNumbers.Kind.NONE) {
            return false;
        }
        return !capitalized || Character.isUpperCase(t.raw().charAt(0));
    }

    private static boolean isKoreanCue(String w) {
        return w.startsWith("성함은")
                || w.startsWith("성함이")
                || w.startsWith("이름은")
                || w.startsWith("이름이")
                || w.equals("성함")
                || w.equals("이름");
    }

    private static void koreanName(
            List<Token> tokens, int i, int to, List<Span> out, boolean needEnding) {
        if (i >= to) {
            return;
        }
        Token t = tokens.get(i);
        String w = t.text();
        int core = w.length();
        boolean ending = false;
        for (String tail : KO_TAILS) {
            if (w.length() > tail.length() + 1 && w.endsWith(tail)) {
                core = w.length() - tail.length();
                ending = true;
                break;
            }
        }
        String name = w.substring(0, core);
        if (needEnding && !ending || core < 2 || core > 4 || KO_NOT_NAMES.contains(name)) {
            return;
        }
        for (int k = 0; k < core; k++) {
            char c = name.charAt(k);
            if (c < 0xAC00 || c > 0xD7A3) {
                return;
            }
        }
        out.add(new Span(t.utterance(), t.start(), t.start() + core, PiiType.NAME));
    }
}
