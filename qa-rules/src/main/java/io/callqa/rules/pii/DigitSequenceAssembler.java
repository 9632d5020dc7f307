package io.callqa.rules.pii;

import io.callqa.rules.pii.SpokenNumbers.Kind;
import io.callqa.rules.pii.SpokenNumbers.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Assembles the numbers of a conversation from its words in one pass.
 *
 * <p>A number goes on over fillers ("uh", 어), short acknowledgements ("okay go on", 네) and
 * separators ("dash", 다시, 에, 하고), and across utterances of either speaker that follow within {@link
 * #WINDOW_SECONDS}, so a card read in pieces while the agent says "okay" is one number. Group
 * readings fill their places ("one hundred and twenty nine" is 129, "forty five" 45).
 */
final class DigitSequenceAssembler {

    /** Longest pause, in seconds, between two pieces of one number. */
    static final double WINDOW_SECONDS = 10;

    /** Most words skipped between two digits. */
    private static final int MAX_SKIPPED = 6;

    static final Set<String> FILLERS =
            Set.of(
                    "uh", "um", "er", "erm", "ah", "hmm", "mm", "mhm", "어", "음", "아", "그", "저", "으",
                    "엄");

    /** Acknowledgements and separators a number goes on over. */
    private static final Set<String> BRIDGES =
            Set.of(
                    "okay",
                    "ok",
                    "go",
                    "on",
                    "ahead",
                    "yes",
                    "yeah",
                    "yep",
                    "uh-huh",
                    "huh",
                    "right",
                    "sure",
                    "got",
                    "it",
                    "and",
                    "then",
                    "next",
                    "continue",
                    "alright",
                    "please",
                    "dash",
                    "hyphen",
                    "slash",
                    "space",
                    "네",
                    "예",
                    "넵",
                    "응",
                    "네네",
                    "계속",
                    "계속하세요",
                    "다시",
                    "에",
                    "의",
                    "하고",
                    "그리고",
                    "대시",
                    "네에");

    private static final Set<String> SEPARATORS =
            Set.of("dash", "hyphen", "slash", "다시", "에", "의", "하고", "대시");

    private DigitSequenceAssembler() {}

    /** The numbers in the tokens, in order. */
    static List<NumberRun> assemble(List<Token> tokens, List<String> texts) {
        List<NumberRun> runs = new ArrayList<>();
        Builder b = null;
        int skipped = 0;
        int repeat = 1;
        boolean breakGroup = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (b != null
                    && (t.utterance() != tokens.get(b.last).utterance()
                            && t.time() - tokens.get(b.last).time() > WINDOW_SECONDS)) {
                runs.add(b.build());
                b = null;
            }
            Reading r = t.reading();
            if (r.kind() == Kind.WEAK || (r.kind() == Kind.MONTH && t.text().equals("may"))) {
                boolean nextDigit =
                        i + 1 < tokens.size()
                                && (nextIsDigit(tokens, i + 1)
                                        || r.kind() == Kind.WEAK
                                                && i + 2 < tokens.size()
                                                && tokens.get(i + 1).reading().kind() == Kind.WEAK
                                                && nextIsDigit(tokens, i + 2));
                if (b == null && !nextDigit) {
                    r = SpokenNumbers.Reading.NONE;
                }
            }
            if (r.kind() == Kind.REPEAT) {
                if (repeatedDigitFollows(tokens, i)) {
                    if (b == null) {
                        b = new Builder(i);
                    }
                    repeat = Integer.parseInt(r.digits());
                    b.touch(t, i, t.end());
                    continue;
                }
                r = SpokenNumbers.Reading.NONE;
            }
            if (r.kind() == Kind.HUNDRED || r.kind() == Kind.THOUSAND) {
                if (b == null) {
                    r = SpokenNumbers.Reading.NONE;
                }
            }
            if (r.kind() != Kind.NONE) {
                if (b == null) {
                    b = new Builder(i);
                    breakGroup = true;
                } else if (t.utterance() != tokens.get(b.last).utterance()) {
                    breakGroup = true;
                } else if (gapBreaks(
                        texts.get(t.utterance()), tokens.get(b.last).end(), t.start())) {
                    breakGroup = true;
                }
                b.add(t, i, r, repeat, breakGroup);
                repeat = 1;
                skipped = 0;
                breakGroup = false;
                continue;
            }
            if (b != null && skipped < MAX_SKIPPED && bridges(tokens, i, b)) {
                skipped++;
                if (SEPARATORS.contains(t.text())) {
                    breakGroup = true;
                }
                continue;
            }
            if (b != null) {
                runs.add(b.build());
                b = null;
            }
            skipped = 0;
            repeat = 1;
        }
        if (b != null) {
            runs.add(b.build());
        }
        return runs;
    }

    /** True when a digit follows "double" or "triple", perhaps after a pause or an "okay". */
    private static boolean repeatedDigitFollows(List<Token> tokens, int i) {
        for (int k = i + 1; k < tokens.size() && k <= i + MAX_SKIPPED; k++) {
            Token t = tokens.get(k);
            if (t.time() - tokens.get(i).time() > WINDOW_SECONDS) {
                return false;
            }
            if (t.reading().strongDigit()) {
                return true;
            }
            if (!FILLERS.contains(t.text()) && !BRIDGES.contains(t.text())) {
                return false;
            }
        }
        return false;
    }

    private static boolean nextIsDigit(List<Token> tokens, int i) {
        Reading n = tokens.get(i).reading();
        return n.strongDigit() || n.kind() == Kind.REPEAT || n.kind() == Kind.ORDINAL;
    }

    private static boolean bridges(List<Token> tokens, int i, Builder b) {
        String w = tokens.get(i).text();
        if (FILLERS.contains(w) || BRIDGES.contains(w)) {
            return true;
        }
        if ((w.equals("of") || w.equals("the")) && i + 1 < tokens.size()) {
            Kind next = tokens.get(i + 1).reading().kind();
            return next == Kind.MONTH || next == Kind.ORDINAL || b.dated && next != Kind.NONE;
        }
        return false;
    }

    private static boolean gapBreaks(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '-' || c == '–' || c == '/' || c == '(' || c == ')' || c == '.') {
                return true;
            }
        }
        return false;
    }

    /** A number being assembled. */
    private static final class Builder {
        final int first;
        int last;
        final StringBuilder digits = new StringBuilder();
        final List<Integer> groups = new ArrayList<>();
        final List<Span> pieces = new ArrayList<>();
        boolean quantity;
        boolean grouped;
        boolean dated;
        boolean sawMonth;

        /** Digits from here to the end are zeros a following group reading may fill. */
        int slots = Integer.MAX_VALUE;

        Builder(int first) {
            this.first = first;
            this.last = first;
        }

        void touch(Token t, int i, int end) {
            Span p = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
            if (p != null && p.utterance() == t.utterance()) {
                pieces.set(pieces.size() - 1, new Span(p.utterance(), p.start(), end, null));
            } else {
                pieces.add(new Span(t.utterance(), t.start(), end, null));
            }
            last = i;
        }

        void add(Token t, int i, Reading r, int repeat, boolean newGroup) {
            String d = r.digits();
            Kind kind = r.kind();
            int end = t.end();
            if (kind == Kind.DIGITS && r.dayIfDated() != null && sawMonth) {
                d = r.dayIfDated();
                kind = Kind.DATE_PART;
            }
            if (kind == Kind.DATE_PART) {
                end = t.start() + r.core();
                dated = true;
                sawMonth |= t.text().indexOf('월') >= 0 || t.text().indexOf('년') >= 0;
            }
            if (kind == Kind.MONTH || kind == Kind.ORDINAL) {
                dated = true;
                sawMonth = true;
            }
            if (kind == Kind.TENS || kind == Kind.TEEN) {
                grouped = true;
            }
            quantity |= r.quantity();
            if (kind == Kind.HUNDRED || kind == Kind.THOUSAND) {
                digits.append(d);
                slots = digits.length() - d.length();
                bumpGroup(d.length());
            } else {
                if (repeat > 1) {
                    d = d.repeat(repeat);
                }
                int open = digits.length() - slots;
                if (open > 0
                        && d.length() <= open
                        && !(kind == Kind.DIGITS && d.length() > 1 && !r.quantity())) {
                    digits.replace(digits.length() - d.length(), digits.length(), d);
                } else {
                    digits.append(d);
                    if (newGroup) {
                        groups.add(d.length());
                    } else {
                        bumpGroup(d.length());
                    }
                }
                slots = Integer.MAX_VALUE;
                int zeros = trailingZeros(d);
                if ((kind == Kind.TENS || r.quantity()) && zeros > 0) {
                    slots = digits.length() - zeros;
                }
            }
            touch(t, i, end);
        }

        private void bumpGroup(int n) {
            if (groups.isEmpty()) {
                groups.add(n);
            } else {
                groups.set(groups.size() - 1, groups.get(groups.size() - 1) + n);
            }
        }

        private static int trailingZeros(String d) {
            int z = 0;
            for (int k = d.length() - 1; k >= 0 && d.charAt(k) == '0'; k--) {
                z++;
            }
            return z;
        }

        NumberRun build() {
            return new NumberRun(
                    digits.toString(),
                    List.copyOf(groups),
                    first,
                    last,
                    List.copyOf(pieces),
                    quantity,
                    grouped,
                    dated);
        }
    }
}
