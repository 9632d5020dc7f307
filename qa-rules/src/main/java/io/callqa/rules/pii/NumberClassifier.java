package io.callqa.rules.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides what each assembled number is, from its digits and the cues said before it.
 *
 * <p>After a cue the number is what the cue announced when its length fits (a card cue stays open
 * until 13 digits have been said, so a card read in pieces is redacted piece by piece, and a card
 * with a misheard digit is still a card). Without a cue: a 6+7 number with a plausible birth date
 * is an RRN, 13-19 Luhn-valid digits a card, 3-2-4 digits an SSN, 10-11 digits a phone number, and
 * any other 13-19 digit number an account number. Amounts ("one hundred and twenty nine dollars",
 * 사만 구천 원), durations and counts, and dates without a date-of-birth or expiry cue, stay.
 */
final class NumberClassifier {

    /** How long, in seconds, a cue applies to the numbers after it. */
    static final double CUE_SECONDS = 15;

    private static final Set<String> UNITS =
            Set.of(
                    "dollars",
                    "dollar",
                    "bucks",
                    "cents",
                    "cent",
                    "percent",
                    "pounds",
                    "pound",
                    "euros",
                    "euro",
                    "days",
                    "day",
                    "weeks",
                    "week",
                    "months",
                    "month",
                    "years",
                    "year",
                    "hours",
                    "hour",
                    "minutes",
                    "minute",
                    "seconds",
                    "items",
                    "item",
                    "times",
                    "calls",
                    "pieces",
                    "boxes",
                    "orders",
                    "business",
                    "working",
                    "am",
                    "pm",
                    "o'clock",
                    "won",
                    "miles",
                    "kilos",
                    "kg",
                    "원",
                    "원이",
                    "원을",
                    "원은",
                    "원입니다",
                    "원이요",
                    "원이에요",
                    "달러",
                    "일",
                    "일이",
                    "일에서",
                    "일정도",
                    "개",
                    "개월",
                    "주",
                    "시간",
                    "분",
                    "초",
                    "번",
                    "배",
                    "퍼센트",
                    "명",
                    "만원",
                    "천원",
                    "년",
                    "월",
                    "일간",
                    "박스",
                    "권",
                    "시",
                    "건",
                    "회");

    private static final Set<String> AMOUNT_WORDS =
            Set.of(
                    "fee", "cost", "costs", "price", "charge", "charged", "pay", "paid", "total",
                    "balance", "refund", "amount", "owe", "worth", "only", "about", "around", "금액",
                    "결제", "요금", "가격");

    private NumberClassifier() {}

    static List<Span> classify(
            List<NumberRun> runs, List<PiiCue> cues, List<Token> tokens, List<String> texts) {
        return classify(runs, cues, tokens, texts, new ArrayList<>());
    }

    /**
     * As above, after the numbers in {@code said} (oldest first), which were redacted before these
     * tokens and may be read back in them; the numbers redacted here are added to it.
     */
    static List<Span> classify(
            List<NumberRun> runs,
            List<PiiCue> cues,
            List<Token> tokens,
            List<String> texts,
            List<SaidNumber> said) {
        List<Span> spans = new ArrayList<>();
        int nextCue = 0;
        List<OpenCue> open = new ArrayList<>();
        for (NumberRun run : runs) {
            double t = tokens.get(run.first()).time();
            while (nextCue < cues.size() && cues.get(nextCue).token() < run.first()) {
                open.add(new OpenCue(cues.get(nextCue)));
                nextCue++;
            }
            if (isAmount(run, tokens, texts)) {
                continue;
            }
            PiiType type = null;
            for (int k = open.size() - 1; k >= Math.max(0, open.size() - 4) && type == null; k--) {
                OpenCue o = open.get(k);
                PiiCue c = o.cue;
                if (t - Math.max(c.time(), o.lastUse) > CUE_SECONDS || o.digits >= c.expected()) {
                    continue;
                }
                if (c.type() == null) {
                    break;
                }
                if (fits(c, run, o.digits)
                        && (o.digits == 0 || continues(run, tokens, t - o.lastUse))) {
                    type = c.type();
                    o.digits += run.digits().length();
                    o.lastUse = tokens.get(run.last()).time();
                }
            }
            if (type == null) {
                type = readBack(run, said);
            }
            if (type == null) {
                type = uncued(run, tokens, texts);
                if (type != PiiType.CARD && suppressedByOrderCue(open, t)) {
                    type = null;
                }
            }
            if (type != null) {
                spans.addAll(run.as(type));
                said.add(new SaidNumber(run.digits(), type, tokens.get(run.first()).utterance()));
            }
        }
        return spans;
    }

    /** A cue said so far: how many digits it has been given, and when it was last used. */
    private static final class OpenCue {
        final PiiCue cue;
        int digits;
        double lastUse = Double.NEGATIVE_INFINITY;

        OpenCue(PiiCue cue) {
            this.cue = cue;
        }
    }

    /**
     * The type of a number read back ("so that's four four one seven"): the digits, or four or more
     * of them, of a number already redacted in the call.
     */
    private static PiiType readBack(NumberRun run, List<SaidNumber> said) {
        String d = run.digits();
        if (d.length() < 3) {
            return null;
        }
        for (int k = said.size() - 1; k >= Math.max(0, said.size() - SaidNumber.READ_BACK); k--) {
            SaidNumber s = said.get(k);
            if (s.digits().equals(d) || d.length() >= 4 && s.digits().contains(d)) {
                return s.type();
            }
        }
        return null;
    }

    /** True right after "order number", "tracking" and the like: that number stays readable. */
    private static boolean suppressedByOrderCue(List<OpenCue> open, double t) {
        for (int k = open.size() - 1; k >= Math.max(0, open.size() - 4); k--) {
            PiiCue c = open.get(k).cue;
            if (t - c.time() > CUE_SECONDS) {
                break;
            }
            if (c.type() == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a run can be the next piece of a number already begun: a lone "oh" long after the
     * last piece is an exclamation ("oh brilliant"), not a zero.
     */
    private static boolean continues(NumberRun run, List<Token> tokens, double sinceLast) {
        if (run.digits().length() >= 2 || sinceLast <= 3) {
            return true;
        }
        String w = tokens.get(run.first()).text();
        return !w.equals("oh") && !w.equals("o");
    }

    private static boolean fits(PiiCue c, NumberRun run, int before) {
        int n = run.digits().length();
        // A month or an ordinal ("the second payment") is a date or a rank, never a piece of a
        // card, phone or account number, even right after one was read out.
        if (run.dated() && c.type() != PiiType.EXPIRY && c.type() != PiiType.DOB) {
            return false;
        }
        return switch (c.type()) {
            case CARD -> n >= 4 || before > 0 && n >= 1;
            case CVV -> n >= 2 && n <= 8;
            case EXPIRY -> run.dated() || n >= 2 && n <= 8;
            case DOB -> run.dated() || n >= 2;
            case PHONE -> n >= 7 || before > 0;
            case ACCOUNT, ROUTING, SSN, RRN, IBAN -> n >= 4 || before > 0 && n >= 1;
            default -> false;
        };
    }

    private static PiiType uncued(NumberRun run, List<Token> tokens, List<String> texts) {
        String d = run.digits();
        int n = d.length();
        if (run.dated() || run.quantity()) {
            return null;
        }
        if (n >= 12 && n <= 14 && rrnShaped(d, run.groups())) {
            return PiiType.RRN;
        }
        if (n >= 13 && n <= 19 && Luhn.valid(d) || Luhn.containsCard(d)) {
            return PiiType.CARD;
        }
        if (n == 9 && run.groups().equals(List.of(3, 2, 4))) {
            return PiiType.SSN;
        }
        if (n >= 10 && n <= 11) {
            return PiiType.PHONE;
        }
        if (n >= 13 && n <= 19) {
            return PiiType.ACCOUNT;
        }
        if (n >= 7 && n <= 8) {
            String text = texts.get(tokens.get(run.first()).utterance()).toLowerCase();
            if ((text.contains("phone")
                            || text.contains("number")
                            || text.contains("전화")
                            || text.contains("연락처")
                            || text.contains("번호"))
                    && !text.contains("order")
                    && !text.contains("주문")) {
                return PiiType.PHONE;
            }
        }
        return null;
    }

    /** Six digits that read as a birth date, then a seventh that gives century and sex. */
    private static boolean rrnShaped(String d, List<Integer> groups) {
        if (groups.size() >= 2 && groups.get(0) == 6) {
            return true;
        }
        if (d.length() != 13) {
            return false;
        }
        int mm = Integer.parseInt(d.substring(2, 4));
        int dd = Integer.parseInt(d.substring(4, 6));
        return mm >= 1
                && mm <= 12
                && dd >= 1
                && dd <= 31
                && d.charAt(6) >= '1'
                && d.charAt(6) <= '8';
    }

    /** True for a price, a duration or a count: a unit after it, or an amount word before it. */
    private static boolean isAmount(NumberRun run, List<Token> tokens, List<String> texts) {
        Token last = tokens.get(run.last());
        if (run.last() + 1 < tokens.size()) {
            Token next = tokens.get(run.last() + 1);
            if (next.utterance() == last.utterance() && UNITS.contains(next.text())) {
                return true;
            }
        }
        Token first = tokens.get(run.first());
        String text = texts.get(first.utterance());
        int s = first.start();
        while (s > 0 && text.charAt(s - 1) == ' ') {
            s--;
        }
        if (s > 0
                && (text.charAt(s - 1) == '$'
                        || text.charAt(s - 1) == '₩'
                        || text.charAt(s - 1) == '€'
                        || text.charAt(s - 1) == '£')) {
            return true;
        }
        if (run.quantity() || run.grouped() && run.digits().length() <= 6) {
            for (int k = run.first() - 1; k >= Math.max(0, run.first() - 3); k--) {
                if (tokens.get(k).utterance() == first.utterance()
                        && AMOUNT_WORDS.contains(tokens.get(k).text())) {
                    return true;
                }
            }
        }
        return run.quantity() && run.digits().length() <= 7 && !run.dated();
    }
}
