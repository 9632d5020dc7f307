package io.callqa.rules.summary;

import io.callqa.rules.match.EnglishStemmer;
import io.callqa.rules.match.KoreanText;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Languages;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks sentences from a (redacted) call for a short summary (reason, action, outcome, next step)
 * and counts content words for keywords. Deterministic: the same call always gives the same
 * summary, ties are broken by position.
 */
public final class CallSummarizer {

    /** How many keywords and how long a summary part may be. */
    public record Settings(int keywords, int maxPartChars) {
        /** Eight keywords, parts up to 200 characters. */
        public static final Settings DEFAULTS = new Settings(8, 200);
    }

    private static final Pattern SENTENCE = Pattern.compile("[^.!?。]+[.!?。]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*");

    private static final List<String> EN_ACTION =
            List.of(
                    "i've",
                    "i'll",
                    "i can",
                    "i have",
                    "went out",
                    "waived",
                    "cancelled",
                    "canceled",
                    "refund",
                    "transfer",
                    "sent",
                    "send",
                    "ships",
                    "updated",
                    "label",
                    "trace",
                    "link",
                    "credit",
                    "back to your",
                    "will be",
                    "arrange");
    private static final List<String> KO_ACTION =
            List.of("드리겠습니다", "드릴게요", "했습니다", "취소", "보내", "연결", "처리", "환불", "배송", "발송", "소멸", "안내");
    private static final List<String> EN_NEXT =
            List.of(
                    "will",
                    "i'll",
                    "we'll",
                    "you'll",
                    "within",
                    "business days",
                    "by friday",
                    "callback",
                    "call us back",
                    "tomorrow",
                    "today",
                    "link",
                    "ships");
    private static final List<String> KO_NEXT =
            List.of("예정", "드리겠습니다", "드릴게요", "내일", "오늘", "이내", "다시 보내", "연결해");
    private static final List<String> EN_CLOSING =
            List.of(
                    "anything else",
                    "thanks for calling",
                    "thank you for calling",
                    "recorded",
                    "verified",
                    "that matches");
    private static final List<String> KO_CLOSING =
            List.of("더 도와드릴", "더 궁금하신", "이용해 주셔서", "녹음될", "확인되었습니다", "성함");

    private static final Set<String> EN_STOP =
            Set.of(
                    "the",
                    "and",
                    "for",
                    "you",
                    "your",
                    "that",
                    "this",
                    "with",
                    "have",
                    "has",
                    "was",
                    "are",
                    "but",
                    "not",
                    "can",
                    "get",
                    "got",
                    "its",
                    "it's",
                    "i'm",
                    "i'd",
                    "i've",
                    "i'll",
                    "you're",
                    "you'll",
                    "we'll",
                    "that's",
                    "don't",
                    "didn't",
                    "hasn't",
                    "isn't",
                    "what",
                    "when",
                    "where",
                    "which",
                    "who",
                    "how",
                    "there",
                    "here",
                    "from",
                    "they",
                    "them",
                    "then",
                    "than",
                    "just",
                    "about",
                    "would",
                    "could",
                    "should",
                    "will",
                    "may",
                    "call",
                    "calls",
                    "calling",
                    "thank",
                    "thanks",
                    "please",
                    "okay",
                    "sure",
                    "yes",
                    "no",
                    "hi",
                    "hello",
                    "name",
                    "anything",
                    "else",
                    "help",
                    "today",
                    "now",
                    "all",
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
                    "ten",
                    "twenty",
                    "thirty",
                    "forty",
                    "fifty",
                    "hundred",
                    "first",
                    "acme",
                    "retail",
                    "verified",
                    "matches",
                    "speaking",
                    "recorded",
                    "quality",
                    "training",
                    "purposes",
                    "want",
                    "like",
                    "need",
                    "know",
                    "said",
                    "says",
                    "did",
                    "does",
                    "been",
                    "being",
                    "were",
                    "also",
                    "still",
                    "because",
                    "after",
                    "before",
                    "into",
                    "out",
                    "our",
                    "my",
                    "me",
                    "it",
                    "is",
                    "in",
                    "on",
                    "of",
                    "to",
                    "a",
                    "an",
                    "so",
                    "do",
                    "be",
                    "if",
                    "or",
                    "at",
                    "by",
                    "up",
                    "as",
                    "oh",
                    "let",
                    "look",
                    "see",
                    "good",
                    "great",
                    "fine",
                    "well",
                    "right",
                    "day",
                    "days",
                    "more",
                    "some",
                    "any",
                    "same",
                    "again",
                    "never",
                    "back",
                    "going",
                    "take",
                    "give",
                    "make",
                    "moment",
                    "perfect",
                    "done",
                    "care",
                    "kind",
                    "pleasure",
                    "welcome",
                    "card",
                    "email",
                    "phone",
                    "dob",
                    "ssn",
                    "rrn");
    private static final Set<String> KO_STOP =
            Set.of(
                    "네", "아", "고객님", "감사", "감사합니다", "확인", "확인되었습니다", "애크미", "리테일", "성함", "주문번호",
                    "생년월일", "본인", "통화", "녹음될", "수", "있습니다", "없어요", "아니요", "이번", "그럼", "제가", "바로",
                    "정말", "많이", "무엇", "도와드릴까", "안녕", "상담원", "이용해", "주셔서", "말씀", "더", "일", "점", "좀",
                    "안", "그", "이", "저", "것", "게", "거", "때", "오늘", "내일", "지금");
    private static final Pattern KO_VERBAL =
            Pattern.compile(
                    ".*(요|다|까|죠|고|서|면|게|지|니|데|네|든|며|려|는|은|을|던|된|한|할|될|함|음|해|와|러|까요|겠|리|에|어|었|았|려고)$");

    private final Settings settings;

    /** A summarizer with default settings. */
    public CallSummarizer() {
        this(Settings.DEFAULTS);
    }

    /** A summarizer with the given settings. */
    public CallSummarizer(Settings settings) {
        this.settings = settings;
    }

    /** Summarizes a (redacted) call in its language. */
    public CallSummary summarize(CallTranscript call) {
        boolean ko = call.language().equals("ko");
        List<Sentence> sentences = sentences(call);
        int closingAt = closingIndex(call, ko);

        String reason = "";
        for (Sentence s : sentences) {
            if (s.speaker == Speaker.CUSTOMER && !isGreeting(s.text, ko) && words(s.text) >= 3) {
                reason = joinUtterance(sentences, s, ko);
                break;
            }
        }
        Sentence action = best(sentences, Speaker.AGENT, ko ? KO_ACTION : EN_ACTION, ko, null, 1);
        List<Sentence> later =
                action == null
                        ? sentences
                        : sentences.subList(sentences.indexOf(action), sentences.size());
        Sentence next = best(later, Speaker.AGENT, ko ? KO_NEXT : EN_NEXT, ko, action, 1);
        // The outcome is how the customer answers what the agent did.
        String outcome = "";
        if (action != null) {
            for (int i = action.utterance + 1; i < closingAt; i++) {
                Utterance u = call.utterances().get(i);
                if (u.speaker() == Speaker.CUSTOMER) {
                    outcome = u.text().strip();
                    break;
                }
            }
        }
        String a = action == null ? "" : clip(action.text);
        String n = next == null ? "" : clip(next.text);
        reason = clip(reason);
        outcome = clip(outcome);
        StringBuilder text = new StringBuilder();
        String[] labels =
                ko
                        ? new String[] {"문의", "조치", "결과", "다음 단계"}
                        : new String[] {"Reason", "Action", "Outcome", "Next step"};
        String[] parts = {reason, a, outcome, n};
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(labels[i]).append(": ").append(parts[i]);
            }
        }
        return new CallSummary(reason, a, outcome, n, text.toString(), keywords(call, ko));
    }

    /** The most frequent content words (English by stem, Korean without particles). */
    public List<String> keywords(CallTranscript call, boolean ko) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> surface = new HashMap<>();
        Set<String> capitalizedOnly = capitalizedOnly(call);
        List<Utterance> us = call.utterances();
        for (int i = 0; i < us.size(); i++) {
            Utterance u = us.get(i);
            // The agent's self-introduction and identity answers are mostly names and dates.
            if (i == 0 && u.speaker() == Speaker.AGENT || answersIdentityQuestion(us, i)) {
                continue;
            }
            Matcher m = WORD.matcher(u.text().replaceAll("\\[[A-Z]+]", " "));
            while (m.find()) {
                String w = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
                String key;
                String shown;
                if (ko && Languages.isHangul(w.charAt(0))) {
                    String stem = KoreanText.stem(w);
                    if (stem.length() < 2
                            || KO_STOP.contains(stem)
                            || KO_STOP.contains(w)
                            || KO_VERBAL.matcher(stem).matches()) {
                        continue;
                    }
                    key = stem;
                    shown = stem;
                } else {
                    if (w.length() < 3
                            || EN_STOP.contains(w)
                            || capitalizedOnly.contains(w)
                            || w.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    key = EnglishStemmer.stem(w.replace("'", ""));
                    if (EN_STOP.contains(key)) {
                        continue;
                    }
                    shown = w;
                }
                counts.merge(key, 1, Integer::sum);
                surface.putIfAbsent(key, shown);
            }
        }
        List<String> keys = new ArrayList<>(counts.keySet());
        // LinkedHashMap keeps first-occurrence order, so the stable sort breaks ties by position.
        keys.sort((x, y) -> Integer.compare(counts.get(y), counts.get(x)));
        return keys.stream().limit(settings.keywords()).map(surface::get).toList();
    }

    /** Words that only ever appear capitalized in the call: mostly names of people and places. */
    private static Set<String> capitalizedOnly(CallTranscript call) {
        Set<String> upper = new HashSet<>();
        Set<String> lower = new HashSet<>();
        for (Utterance u : call.utterances()) {
            Matcher m = WORD.matcher(u.text());
            while (m.find()) {
                String w = m.group();
                (Character.isUpperCase(w.charAt(0)) ? upper : lower)
                        .add(w.toLowerCase(Locale.ROOT));
            }
        }
        upper.removeAll(lower);
        return upper;
    }

    private static boolean answersIdentityQuestion(List<Utterance> us, int i) {
        if (i == 0 || us.get(i).speaker() != Speaker.CUSTOMER) {
            return false;
        }
        String q = us.get(i - 1).text().toLowerCase(Locale.ROOT);
        return us.get(i - 1).speaker() == Speaker.AGENT && (q.contains("name") || q.contains("성함"));
    }

    private record Sentence(int utterance, Speaker speaker, String text) {}

    private static List<Sentence> sentences(CallTranscript call) {
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < call.utterances().size(); i++) {
            Utterance u = call.utterances().get(i);
            Matcher m = SENTENCE.matcher(u.text());
            while (m.find()) {
                String s = m.group().strip();
                if (!s.isEmpty()) {
                    out.add(new Sentence(i, u.speaker(), s));
                }
            }
        }
        return out;
    }

    private static int closingIndex(CallTranscript call, boolean ko) {
        List<String> cues = ko ? List.of("더 도와드릴", "더 궁금하신", "다른 문의") : List.of("anything else");
        for (int i = 0; i < call.utterances().size(); i++) {
            Utterance u = call.utterances().get(i);
            String t = u.text().toLowerCase(Locale.ROOT);
            if (u.speaker() == Speaker.AGENT && cues.stream().anyMatch(t::contains)) {
                return i;
            }
        }
        return call.utterances().size();
    }

    private static boolean isGreeting(String s, boolean ko) {
        String t = s.toLowerCase(Locale.ROOT);
        if (ko) {
            return t.startsWith("안녕하세요") && t.length() < 8;
        }
        return words(s) <= 3
                && (t.startsWith("hi") || t.startsWith("hello") || t.startsWith("good"));
    }

    /** The customer's opening sentence plus the one after it in the same utterance. */
    private static String joinUtterance(List<Sentence> all, Sentence s, boolean ko) {
        int at = all.indexOf(s);
        if (at + 1 < all.size() && all.get(at + 1).utterance == s.utterance && words(s.text) < 8) {
            return s.text + " " + all.get(at + 1).text;
        }
        return s.text;
    }

    private static Sentence best(
            List<Sentence> all,
            Speaker speaker,
            List<String> cues,
            boolean ko,
            Sentence not,
            int minScore) {
        Sentence best = null;
        int bestScore = minScore - 1;
        List<String> skip = ko ? KO_CLOSING : EN_CLOSING;
        for (Sentence s : all) {
            if (s.speaker != speaker || s == not || s.utterance == 0) {
                continue;
            }
            String t = s.text.toLowerCase(Locale.ROOT);
            if (skip.stream().anyMatch(t::contains) || t.contains("?")) {
                continue;
            }
            int score = 0;
            for (String c : cues) {
                if (t.contains(c)) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }

    private static int words(String s) {
        int n = 0;
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            n++;
        }
        return n;
    }

    private String clip(String s) {
        return s.length() <= settings.maxPartChars()
                ? s
                : s.substring(0, settings.maxPartChars() - 1) + "…";
    }
}
