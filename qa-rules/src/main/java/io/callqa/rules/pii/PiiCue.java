package io.callqa.rules.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A phrase that says what the next number is ("card number", "security code", 계좌, 앞자리), or that it
 * is not sensitive ("order number", 주문번호).
 *
 * @param type what the number after it is, or null for an order, tracking or case number
 * @param token index of the cue's last token
 * @param time when it was said
 * @param expected how many digits such a number has; numbers after the cue are counted toward it
 */
record PiiCue(PiiType type, int token, double time, int expected) {

    /** English cue phrases (as tokens joined by spaces) and what they introduce. */
    private static final Map<String, Kind> EN =
            Map.ofEntries(
                    Map.entry("card", Kind.CARD),
                    Map.entry("visa", Kind.CARD),
                    Map.entry("mastercard", Kind.CARD),
                    Map.entry("amex", Kind.CARD),
                    Map.entry("long number", Kind.CARD),
                    Map.entry("security code", Kind.CVV),
                    Map.entry("verification code", Kind.CVV),
                    Map.entry("cvv", Kind.CVV),
                    Map.entry("cvv2", Kind.CVV),
                    Map.entry("cvc", Kind.CVV),
                    Map.entry("csc", Kind.CVV),
                    Map.entry("on the back", Kind.CVV),
                    Map.entry("digit code", Kind.CVV),
                    Map.entry("code on the front", Kind.CVV),
                    Map.entry("area code", Kind.PHONE),
                    Map.entry("expiry", Kind.EXPIRY),
                    Map.entry("expiration", Kind.EXPIRY),
                    Map.entry("expires", Kind.EXPIRY),
                    Map.entry("expire", Kind.EXPIRY),
                    Map.entry("valid thru", Kind.EXPIRY),
                    Map.entry("valid through", Kind.EXPIRY),
                    Map.entry("account", Kind.ACCOUNT),
                    Map.entry("acct", Kind.ACCOUNT),
                    Map.entry("routing", Kind.ROUTING),
                    Map.entry("sort code", Kind.ROUTING),
                    Map.entry("aba", Kind.ROUTING),
                    Map.entry("transit number", Kind.ROUTING),
                    Map.entry("iban", Kind.IBAN),
                    Map.entry("social security", Kind.SSN),
                    Map.entry("social", Kind.SSN),
                    Map.entry("ssn", Kind.SSN),
                    Map.entry("resident registration", Kind.RRN),
                    Map.entry("phone", Kind.PHONE),
                    Map.entry("callback", Kind.PHONE),
                    Map.entry("reach you", Kind.PHONE),
                    Map.entry("mobile", Kind.PHONE),
                    Map.entry("cell", Kind.PHONE),
                    Map.entry("telephone", Kind.PHONE),
                    Map.entry("date of birth", Kind.DOB),
                    Map.entry("birth date", Kind.DOB),
                    Map.entry("birthdate", Kind.DOB),
                    Map.entry("birthday", Kind.DOB),
                    Map.entry("born", Kind.DOB),
                    Map.entry("dob", Kind.DOB),
                    // The last four digits of a card may be shown and said (PCI DSS 3.4).
                    Map.entry("ending", Kind.NONE),
                    Map.entry("ends in", Kind.NONE),
                    Map.entry("ends with", Kind.NONE),
                    Map.entry("order", Kind.NONE),
                    Map.entry("confirmation", Kind.NONE),
                    Map.entry("tracking", Kind.NONE),
                    Map.entry("reference", Kind.NONE),
                    Map.entry("case", Kind.NONE),
                    Map.entry("ticket", Kind.NONE),
                    Map.entry("invoice", Kind.NONE),
                    Map.entry("receipt", Kind.NONE),
                    Map.entry("zip", Kind.NONE),
                    Map.entry("postcode", Kind.NONE),
                    Map.entry("extension", Kind.NONE));

    /** Korean cue stems, found inside a word (with its particles): 카드번호는, 계좌번호가. */
    private static final List<Map.Entry<String, Kind>> KO =
            List.of(
                    Map.entry("주문", Kind.NONE),
                    Map.entry("끝자리", Kind.NONE),
                    Map.entry("끝번호", Kind.NONE),
                    Map.entry("송장", Kind.NONE),
                    Map.entry("접수번호", Kind.NONE),
                    Map.entry("예약번호", Kind.NONE),
                    Map.entry("우편번호", Kind.NONE),
                    Map.entry("보안코드", Kind.CVV),
                    Map.entry("cvc", Kind.CVV),
                    Map.entry("cvv", Kind.CVV),
                    Map.entry("씨브이씨", Kind.CVV),
                    Map.entry("유효기간", Kind.EXPIRY),
                    Map.entry("만료", Kind.EXPIRY),
                    Map.entry("카드", Kind.CARD),
                    Map.entry("계좌", Kind.ACCOUNT),
                    Map.entry("앞자리", Kind.RRN_FRONT),
                    Map.entry("뒷자리", Kind.RRN_BACK),
                    Map.entry("주민", Kind.RRN),
                    Map.entry("전화", Kind.PHONE),
                    Map.entry("연락처", Kind.PHONE),
                    Map.entry("휴대폰", Kind.PHONE),
                    Map.entry("핸드폰", Kind.PHONE),
                    Map.entry("생년월일", Kind.DOB),
                    Map.entry("생일", Kind.DOB),
                    Map.entry("태어", Kind.DOB));

    /** What a cue introduces, with the usual length of such a number. */
    enum Kind {
        CARD(PiiType.CARD, 13),
        CVV(PiiType.CVV, 3),
        EXPIRY(PiiType.EXPIRY, 3),
        ACCOUNT(PiiType.ACCOUNT, 8),
        ROUTING(PiiType.ROUTING, 9),
        IBAN(PiiType.IBAN, 15),
        SSN(PiiType.SSN, 9),
        RRN(PiiType.RRN, 13),
        RRN_FRONT(PiiType.RRN, 6),
        RRN_BACK(PiiType.RRN, 7),
        PHONE(PiiType.PHONE, 10),
        DOB(PiiType.DOB, 1),
        NONE(null, 1);

        final PiiType type;
        final int expected;

        Kind(PiiType type, int expected) {
            this.type = type;
            this.expected = expected;
        }
    }

    /** The cues in the tokens, in order; a longer phrase wins over its first word. */
    static List<PiiCue> find(List<Token> tokens) {
        List<PiiCue> cues = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).text();
            Kind found = null;
            int end = i;
            if (i + 2 < tokens.size()) {
                found = EN.get(w + " " + tokens.get(i + 1).text() + " " + tokens.get(i + 2).text());
                end = i + 2;
            }
            if (found == null && i + 1 < tokens.size()) {
                found = EN.get(w + " " + tokens.get(i + 1).text());
                end = i + 1;
            }
            if (found == null) {
                found = EN.get(w);
                end = i;
            }
            if (found == null && w.charAt(0) >= 0xAC00 || found == null && w.startsWith("c")) {
                for (Map.Entry<String, Kind> e : KO) {
                    if (w.contains(e.getKey())) {
                        found = e.getValue();
                        break;
                    }
                }
            }
            if (found != null) {
                Token t = tokens.get(end);
                cues.add(new PiiCue(found.type, end, t.time(), found.expected));
                i = end;
            }
        }
        return cues;
    }
}
