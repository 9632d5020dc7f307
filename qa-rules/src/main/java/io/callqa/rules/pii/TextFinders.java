package io.callqa.rules.pii;

import java.util.List;
import java.util.Set;

/**
 * Finds e-mail addresses (written, spelled or said: "mia dot silva at example dot com", 골뱅이) and
 * IBANs (mod-97) in one linear pass over the words, without regular expressions.
 */
final class TextFinders {

    private static final Set<String> DOTS = Set.of("dot", "점", "닷", "쩜");
    private static final Set<String> JOINERS =
            Set.of("dot", "underscore", "dash", "hyphen", "점", "닷", "쩜", "언더바", "언더스코어");
    private static final Set<String> ATS = Set.of("at", "골뱅이", "앳");
    private static final Set<String> TLDS =
            Set.of(
                    "com", "net", "org", "edu", "gov", "io", "co", "kr", "uk", "us", "de", "fr",
                    "jp", "ca", "au", "info", "biz", "me", "컴", "넷");
    private static final Set<String> NOT_LOCAL =
            Set.of(
                    "it", "is", "its", "email", "mail", "address", "my", "me", "send", "to", "the",
                    "at", "and", "please", "that", "here", "yes", "okay", "sure", "이메일", "메일",
                    "주소는", "주소");

    private static final Set<String> APOSTROPHE_S =
            Set.of("it", "that", "what", "there", "here", "name", "who", "email", "address");

    private TextFinders() {}

    /** Written addresses: around each '@', in one pass over the text. */
    static void writtenEmails(int utterance, String text, List<Span> out) {
        int floor = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int s = at;
            while (s > floor && localChar(text.charAt(s - 1))) {
                s--;
            }
            int e = at + 1;
            while (e < text.length()
                    && (Character.isLetterOrDigit(text.charAt(e))
                            || text.charAt(e) == '-'
                            || text.charAt(e) == '.')) {
                e++;
            }
            while (e > at + 1 && text.charAt(e - 1) == '.') {
                e--;
            }
            int lastDot = text.lastIndexOf('.', e - 1);
            if (s < at && lastDot > at + 1 && lastDot < e - 1) {
                out.add(new Span(utterance, s, e, PiiType.EMAIL));
            }
            floor = Math.max(at + 1, e);
            at = Math.max(at, e - 1);
        }
    }

    private static boolean localChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '+' || c == '-';
    }

    /** Spoken addresses: "name (dot name)* at domain (dot part)* dot tld", or spelled letters. */
    static void spokenEmails(List<Token> tokens, List<Span> out) {
        for (int i = 1; i + 3 < tokens.size(); i++) {
            if (!ATS.contains(tokens.get(i).text())) {
                continue;
            }
            int u = tokens.get(i).utterance();
            int e = i + 1;
            int end = -1;
            while (e + 2 < tokens.size() + 1
                    && e < tokens.size()
                    && tokens.get(e).utterance() == u) {
                if (e + 2 <= tokens.size() - 1
                        && DOTS.contains(tokens.get(e + 1).text())
                        && tokens.get(e + 2).utterance() == u) {
                    if (TLDS.contains(tokens.get(e + 2).text())) {
                        end = e + 2;
                    }
                    e += 2;
                } else {
                    break;
                }
            }
            if (end < 0) {
                continue;
            }
            int s = i - 1;
            if (tokens.get(s).utterance() != u || notLocal(tokens, s)) {
                continue;
            }
            while (s - 2 >= 0
                    && tokens.get(s - 2).utterance() == u
                    && JOINERS.contains(tokens.get(s - 1).text())
                    && !notLocal(tokens, s - 2)) {
                s -= 2;
            }
            while (s - 1 >= 0
                    && tokens.get(s - 1).utterance() == u
                    && tokens.get(s - 1).text().length() == 1
                    && !notLocal(tokens, s - 1)) {
                s--;
            }
            out.add(new Span(u, tokens.get(s).start(), tokens.get(end).end(), PiiType.EMAIL));
            i = end;
        }
    }

    /** True for a word before an address that is not part of it: "email", "is", the s of "it's". */
    private static boolean notLocal(List<Token> tokens, int k) {
        String w = tokens.get(k).text();
        if (NOT_LOCAL.contains(w)) {
            return true;
        }
        return w.equals("s") && k > 0 && APOSTROPHE_S.contains(tokens.get(k - 1).text());
    }

    /**
     * IBANs: two letters, two check digits and up to 30 letters and digits, written or spelled
     * (letters and digit words), found when the mod-97 check passes, or after an IBAN cue.
     */
    static void ibans(List<Token> tokens, List<PiiCue> cues, List<Span> out) {
        int cue = 0;
        double cueTime = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < tokens.size(); i++) {
            while (cue < cues.size() && cues.get(cue).token() < i) {
                if (cues.get(cue).type() == PiiType.IBAN) {
                    cueTime = cues.get(cue).time();
                }
                cue++;
            }
            StringBuilder sb = new StringBuilder();
            int u = tokens.get(i).utterance();
            int best = -1;
            int j = i;
            for (; j < tokens.size() && tokens.get(j).utterance() == u && sb.length() < 34; j++) {
                String part = ibanPart(tokens.get(j));
                if (part == null) {
                    break;
                }
                sb.append(part);
                if (sb.length() >= 4 && !ibanStart(sb)) {
                    break;
                }
                if (sb.length() >= 15 && mod97(sb)) {
                    best = j;
                }
            }
            boolean cued = tokens.get(i).time() - cueTime <= NumberClassifier.CUE_SECONDS;
            if (best < 0 && cued && sb.length() >= 10 && j - 1 > i) {
                best = j - 1;
            }
            if (best >= 0) {
                out.add(new Span(u, tokens.get(i).start(), tokens.get(best).end(), PiiType.IBAN));
                i = best;
            }
        }
    }

    private static String ibanPart(Token t) {
        String w = t.text();
        SpokenNumbers.Reading r = t.reading();
        if (r.kind() == SpokenNumbers.Kind.DIGITS && r.digits().length() == 1 && w.length() > 1) {
            return r.digits();
        }
        if (w.length() > 34) {
            return null;
        }
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        return w;
    }

    private static boolean ibanStart(CharSequence s) {
        return Character.isLetter(s.charAt(0))
                && Character.isLetter(s.charAt(1))
                && Character.isDigit(s.charAt(2))
                && Character.isDigit(s.charAt(3));
    }

    /** The ISO 13616 check: the rearranged number, letters as 10-35, is 1 modulo 97. */
    static boolean mod97(CharSequence iban) {
        int n = iban.length();
        int rem = 0;
        for (int k = 0; k < n; k++) {
            char c = iban.charAt((k + 4) % n);
            int v = Character.isDigit(c) ? c - '0' : Character.toLowerCase(c) - 'a' + 10;
            if (v < 0 || v > 35) {
                return false;
            }
            rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
        }
        return rem == 1;
    }
}
