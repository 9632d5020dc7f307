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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks clauses from a (redacted) call for a short summary (reason, action, outcome, next step) and
 * counts content words for keywords. Deterministic: the same call always gives the same summary,
 * ties are broken by position.
 *
 * <p>It reads recognizer text as well as written text: nothing depends on punctuation or capitals.
 * Consecutive utterances of one speaker a short pause apart are one turn (endpointing cuts phrases
 * at pauses); a turn is cut into clauses at full stops when there are any, after Korean sentence
 * endings, and in long unpunctuated stretches before clause cues ("thanks", "please", "i'll", ...).
 * Identity questions and their answers, digit strings and dates are never a summary part, and names
 * (after "thanks", "my name is", in the agent's opening, in identity answers) never keywords. The
 * cue words of each language are in {@code summary/en.txt} and {@code summary/ko.txt}.
 */
public final class CallSummarizer {

    /** How many keywords and how long a summary part may be. */
    public record Settings(int keywords, int maxPartChars) {
        /** Eight keywords, parts up to 200 characters. */
        public static final Settings DEFAULTS = new Settings(8, 200);
    }

    /** Utterances of one speaker closer than this are one turn: a pause cut them, not a reply. */
    private static final double JOIN_GAP_S = 1.0;

    /** A stretch without a full stop longer than this many words is cut at clause cues. */
    private static final int LONG_CLAUSE_WORDS = 10;

    /** Neither side of a cut at a clause cue is shorter than this many words. */
    private static final int MIN_CLAUSE_WORDS = 3;

    /**
     * A clause of which at least this share is numbers, spelled letters or placeholders is a code.
     */
    private static final double CODE_SHARE = 0.4;

    /** A reason shorter than this many words takes the next clause of the turn with it. */
    private static final int SHORT_REASON_WORDS = 8;

    /** How many of the customer's first clauses are searched for a problem statement. */
    private static final int REASON_CANDIDATES = 3;

    private static final Pattern TOKEN =
            Pattern.compile("\\[[A-Z_]+]|[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*");

    private static final Map<String, Lexicon> LEXICONS =
            Map.of(
                    "en",
                    new Lexicon(SummaryLexicon.of("en")),
                    "ko",
                    new Lexicon(SummaryLexicon.of("ko")));

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
        Lexicon lx = LEXICONS.get(ko ? "ko" : "en");
        List<Turn> turns = turns(call, lx);
        Set<String> names = names(call, turns, lx);
        List<Clause> clauses = clauses(turns, lx);
        int closingAt = closingFrom(clauses, 0, lx);

        Clause reasonClause = reason(clauses, closingAt, lx);
        String reason = "";
        if (reasonClause != null) {
            reason = reasonClause.text();
            int next = reasonClause.index() + 1;
            if (reasonClause.words() < SHORT_REASON_WORDS
                    && next < closingAt
                    && clauses.get(next).turn() == reasonClause.turn()
                    && clauses.get(next).informative()) {
                reason = reason + " " + clauses.get(next).text();
            }
        }
        Clause action = best(clauses, 0, null, lx.action, lx);
        Clause next = action == null ? null : best(clauses, action.index(), action, lx.next, lx);
        String outcome =
                action == null
                        ? ""
                        : outcome(
                                clauses,
                                action,
                                closingFrom(clauses, action.index() + 1, lx),
                                names);

        String a = action == null ? "" : clip(action.withoutLead(lx.lead, lx, names).text());
        String n = next == null ? "" : clip(next.withoutLead(lx.lead, lx, names).text());
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
        return new CallSummary(
                reason, a, outcome, n, text.toString(), keywords(call, lx, turns, names, clauses));
    }

    /**
     * The most frequent content words (English by stem, Korean without particles), leaving out the
     * agent's opening, identity questions and answers, names, numbers and placeholders.
     */
    public List<String> keywords(CallTranscript call, boolean ko) {
        Lexicon lx = LEXICONS.get(ko ? "ko" : "en");
        List<Turn> turns = turns(call, lx);
        return keywords(call, lx, turns, names(call, turns, lx), clauses(turns, lx));
    }

    private List<String> keywords(
            CallTranscript call,
            Lexicon lx,
            List<Turn> turns,
            Set<String> found,
            List<Clause> clauses) {
        boolean ko = lx.ko;
        Set<String> names = new HashSet<>(found);
        names.addAll(capitalizedOnly(call));
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> surface = new HashMap<>();
        for (Clause c : clauses) {
            if (c.turn() == openingTurn(turns) || c.identityQuestion() || c.identityAnswer()) {
                continue;
            }
            for (Token t : c.tokens()) {
                String w = t.norm();
                if (t.placeholder() || names.contains(w) || lx.isNumber(w)) {
                    continue;
                }
                String key;
                String shown;
                if (ko && Languages.isHangul(w.charAt(0))) {
                    String stem = KoreanText.stem(w);
                    if (stem.length() < 2
                            || names.contains(stem)
                            || lx.stop.contains(stem)
                            || lx.stop.contains(w)
                            || lx.endsWithAny(stem, lx.verbalEndings)) {
                        continue;
                    }
                    key = stem;
                    shown = stem;
                } else {
                    if (w.length() < 3 || lx.stop.contains(w) || lx.fillers.contains(w)) {
                        continue;
                    }
                    key = EnglishStemmer.stem(w.replace("'", ""));
                    if (lx.stop.contains(key)) {
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

    /**
     * Where the agent starts closing the call ("anything else"), at or after clause {@code from};
     * the number of clauses when nowhere.
     */
    private static int closingFrom(List<Clause> clauses, int from, Lexicon lx) {
        for (Clause c : clauses.subList(Math.min(from, clauses.size()), clauses.size())) {
            if (c.speaker() == Speaker.AGENT && lx.any(c, lx.closingStart)) {
                return c.index();
            }
        }
        return clauses.size();
    }

    /** The customer's first problem statement, or their first informative clause. */
    private static Clause reason(List<Clause> clauses, int closingAt, Lexicon lx) {
        Clause first = null;
        int seen = 0;
        for (Clause raw : clauses.subList(0, closingAt)) {
            if (raw.speaker() != Speaker.CUSTOMER || !raw.informative()) {
                continue;
            }
            Clause c = raw.withoutLead(lx.greeting, lx);
            if (c.words() < 3) {
                continue;
            }
            if (lx.count(c, lx.problem) > 0) {
                return c;
            }
            if (first == null) {
                first = c;
            }
            if (++seen >= REASON_CANDIDATES) {
                break;
            }
        }
        return first;
    }

    /**
     * The agent's clause from {@code from} on with the most {@code cues}, earliest on a tie; not a
     * question, formality, identity check or code, and never the opening.
     */
    private static Clause best(
            List<Clause> clauses, int from, Clause not, List<String> cues, Lexicon lx) {
        Clause best = null;
        int bestScore = 0;
        for (Clause c : clauses.subList(from, clauses.size())) {
            if (c.speaker() != Speaker.AGENT
                    || c == not
                    || c.firstUtterance() == 0
                    || !c.informative()
                    || c.question()
                    || lx.any(c, lx.skip)) {
                continue;
            }
            int score = lx.count(c, cues);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * How the customer answers what the agent did: their next turn, identity answers and clauses
     * that only address someone by name ("thanks margaret") left out.
     */
    private static String outcome(
            List<Clause> clauses, Clause action, int closingAt, Set<String> names) {
        int turn = -1;
        List<String> parts = new ArrayList<>();
        for (Clause c : clauses.subList(action.index() + 1, closingAt)) {
            if (turn >= 0 && c.turn() != turn) {
                break;
            }
            if (c.speaker() != Speaker.CUSTOMER
                    || c.identityAnswer()
                    || c.code()
                    || c.tokens().stream().anyMatch(t -> names.contains(t.norm()))
                            && c.content() <= 1) {
                continue;
            }
            turn = c.turn();
            parts.add(c.text());
        }
        return String.join(" ", parts);
    }

    /** Words that only ever appear capitalized in the call: mostly names of people and places. */
    private static Set<String> capitalizedOnly(CallTranscript call) {
        Set<String> upper = new HashSet<>();
        Set<String> lower = new HashSet<>();
        for (Utterance u : call.utterances()) {
            Matcher m = TOKEN.matcher(u.text());
            while (m.find()) {
                String w = m.group();
                if (!w.startsWith("[")) {
                    (Character.isUpperCase(w.charAt(0)) ? upper : lower)
                            .add(w.toLowerCase(Locale.ROOT).replace('’', '\''));
                }
            }
        }
        upper.removeAll(lower);
        return upper;
    }

    /**
     * Names the redactor may have missed: words after "thanks" or "my name is", before "고객님", the
     * company and agent named in the opening, and the call's {@code brand}.
     */
    private static Set<String> names(CallTranscript call, List<Turn> turns, Lexicon lx) {
        Set<String> names = new HashSet<>();
        call.metadata("brand")
                .ifPresent(
                        b -> {
                            Matcher m = TOKEN.matcher(b);
                            while (m.find()) {
                                names.add(norm(m.group()));
                            }
                        });
        int opening = openingTurn(turns);
        for (Turn t : turns) {
            List<Token> ts = t.tokens();
            for (int i = 0; i < ts.size(); i++) {
                int after = lx.phraseAt(ts, i, lx.nameAfter);
                if (after > 0 && i + after < ts.size() && lx.mayBeName(ts.get(i + after))) {
                    names.add(ts.get(i + after).norm());
                }
                if (lx.nameBefore.contains(ts.get(i).norm())
                        && i > 0
                        && lx.mayBeName(ts.get(i - 1))) {
                    names.add(ts.get(i - 1).norm());
                    names.add(KoreanText.stem(ts.get(i - 1).norm()));
                }
                if (t.index() == opening) {
                    int brand = lx.phraseAt(ts, i, lx.brandAfter);
                    for (int j = i + brand; brand > 0 && j < ts.size() && j < i + brand + 3; j++) {
                        if (!lx.mayBeName(ts.get(j))) {
                            break;
                        }
                        names.add(ts.get(j).norm());
                    }
                }
            }
            if (lx.ko && t.index() == opening) {
                // A Korean opening names the company and the agent before its first ending.
                for (Token tok : ts) {
                    names.add(tok.norm());
                    names.add(KoreanText.stem(tok.norm()));
                    if (lx.endsWithAny(tok.norm(), lx.clauseEnd)
                            && !lx.greeting.contains(tok.norm())) {
                        break;
                    }
                }
            }
        }
        names.removeIf(n -> n.isEmpty() || lx.stop.contains(n));
        return names;
    }

    /** The agent's opening turn, when the call starts with the agent; else -1. */
    private static int openingTurn(List<Turn> turns) {
        return !turns.isEmpty() && turns.get(0).speaker() == Speaker.AGENT ? 0 : -1;
    }

    // ---- Reading the call into turns and clauses.

    /** One word of an utterance: its normalized form and where it is in the utterance's text. */
    private record Token(
            String norm,
            int utterance,
            String source,
            int from,
            int to,
            boolean fullStop,
            boolean placeholder) {}

    /** Consecutive utterances of one speaker with no more than a short pause between them. */
    private record Turn(int index, Speaker speaker, List<Token> tokens) {}

    private static List<Turn> turns(CallTranscript call, Lexicon lx) {
        List<Turn> turns = new ArrayList<>();
        List<Token> current = null;
        Speaker speaker = null;
        double lastEnd = 0;
        List<Utterance> us = call.utterances();
        for (int i = 0; i < us.size(); i++) {
            Utterance u = us.get(i);
            if (current == null || u.speaker() != speaker || u.start() - lastEnd > JOIN_GAP_S) {
                if (current != null && !current.isEmpty()) {
                    turns.add(new Turn(turns.size(), speaker, current));
                }
                current = new ArrayList<>();
                speaker = u.speaker();
            }
            lastEnd = u.end();
            Matcher m = TOKEN.matcher(u.text());
            while (m.find()) {
                int stop = fullStopEnd(u.text(), m.end());
                boolean full = stop >= 0;
                int to = full ? stop : m.end();
                boolean placeholder = m.group().startsWith("[");
                String norm = norm(m.group());
                if (!placeholder && lx.fillers.contains(norm)) {
                    continue;
                }
                current.add(new Token(norm, i, u.text(), m.start(), to, full, placeholder));
            }
        }
        if (current != null && !current.isEmpty()) {
            turns.add(new Turn(turns.size(), speaker, current));
        }
        return turns;
    }

    /**
     * Where a full stop right after a word ends ({@code "today."}, {@code "today?!"}), or -1 when
     * the next word comes first.
     */
    private static int fullStopEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '。') {
                return i + 1;
            }
            if (Character.isLetterOrDigit(c) || c == '[') {
                return -1;
            }
        }
        return -1;
    }

    private static String norm(String word) {
        return word.toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    /**
     * A clause-like unit of a turn, with what the summary needs to know of it.
     *
     * @param identityQuestion the agent asks for or confirms who the caller is
     * @param identityAnswer the customer answers an identity question with it
     * @param code mostly numbers, spelled letters or placeholders (a card, an order number, a date)
     * @param content how many of its words are neither common, numbers nor placeholders
     */
    private record Clause(
            int index,
            int turn,
            Speaker speaker,
            List<Token> tokens,
            String spaced,
            String compact,
            boolean question,
            boolean identityQuestion,
            boolean identityAnswer,
            boolean code,
            int content,
            String text) {

        int words() {
            return tokens.size();
        }

        int firstUtterance() {
            return tokens.get(0).utterance();
        }

        /** Says something of its own: not an identity check or code, two content words or more. */
        boolean informative() {
            return !identityQuestion && !identityAnswer && !code && content >= 2;
        }

        /** The same clause without leading greetings ("hi", "yes hello", "안녕하세요"). */
        Clause withoutLead(List<String> lead, Lexicon lx) {
            return withoutLead(lead, lx, Set.of());
        }

        /**
         * The same clause without leading {@code lead} phrases and the names that follow them
         * ("thank you margaret the surgery approved it" from "the surgery").
         */
        Clause withoutLead(List<String> lead, Lexicon lx, Set<String> names) {
            int from = 0;
            for (int n; from < tokens.size(); from += n) {
                n = lx.phraseAt(tokens, from, lead);
                if (n == 0 && from > 0 && names.contains(tokens.get(from).norm())) {
                    n = 1;
                }
                if (n == 0) {
                    break;
                }
            }
            if (from == 0 || from == tokens.size()) {
                return this;
            }
            List<Token> rest = tokens.subList(from, tokens.size());
            return new Clause(
                    index,
                    turn,
                    speaker,
                    rest,
                    CallSummarizer.spaced(rest),
                    CallSummarizer.compact(rest),
                    question,
                    identityQuestion,
                    identityAnswer,
                    code,
                    content,
                    display(rest));
        }
    }

    private static List<Clause> clauses(List<Turn> turns, Lexicon lx) {
        List<Clause> out = new ArrayList<>();
        boolean askedIdentity = false;
        for (Turn t : turns) {
            boolean answersIdentity = t.speaker() == Speaker.CUSTOMER && askedIdentity;
            askedIdentity = false;
            for (List<Token> piece : pieces(t.tokens(), lx)) {
                String spaced = spaced(piece);
                String compact = compact(piece);
                int code = 0;
                int content = 0;
                for (Token tok : piece) {
                    if (tok.placeholder()
                            || lx.isNumber(tok.norm())
                            || lx.isSpelledLetter(tok.norm())) {
                        code++;
                    } else if (!lx.stop.contains(tok.norm()) && tok.norm().length() >= 2) {
                        content++;
                    }
                }
                boolean isCode = code >= CODE_SHARE * piece.size() || code >= 4 && content <= 2;
                boolean identity =
                        lx.ko
                                ? lx.containsAny(compact, lx.identity)
                                : lx.containsAny(spaced, lx.identity);
                boolean question = lx.isQuestion(piece);
                Clause c =
                        new Clause(
                                out.size(),
                                t.index(),
                                t.speaker(),
                                piece,
                                spaced,
                                compact,
                                question,
                                false,
                                false,
                                isCode,
                                content,
                                display(piece));
                // "i've updated your address" is an action, "can i have your address" a check.
                boolean identityQuestion =
                        t.speaker() == Speaker.AGENT
                                && identity
                                && (question || lx.count(c, lx.action) == 0);
                if (identityQuestion) {
                    askedIdentity = true;
                } else if (t.speaker() == Speaker.AGENT && lx.count(c, lx.action) > 0) {
                    // "you're verified ... i've refunded it": the reply is to the action.
                    askedIdentity = false;
                }
                // An answer to an identity question is names and numbers unless it states a
                // problem.
                boolean identityAnswer =
                        t.speaker() == Speaker.CUSTOMER
                                && answersIdentity
                                && (isCode || content < 4 || lx.count(c, lx.problem) == 0);
                out.add(
                        new Clause(
                                c.index(),
                                c.turn(),
                                c.speaker(),
                                piece,
                                spaced,
                                compact,
                                c.question(),
                                identityQuestion,
                                identityAnswer,
                                isCode,
                                content,
                                c.text()));
            }
        }
        return out;
    }

    /**
     * Cuts a turn's words into clauses: after full stops and Korean sentence endings, then long
     * stretches before clause cues and around set phrases.
     */
    private static List<List<Token>> pieces(List<Token> tokens, Lexicon lx) {
        List<List<Token>> sentences = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            // A pause followed by a clause opening ("okay", "can you", "anything else") ends one.
            if (i > from
                    && t.utterance() != tokens.get(i - 1).utterance()
                    && lx.phraseAt(tokens, i, lx.openings) > 0) {
                sentences.add(tokens.subList(from, i));
                from = i;
            }
            if (t.fullStop()
                    || lx.ko && !t.placeholder() && lx.endsWithAny(t.norm(), lx.clauseEnd)) {
                sentences.add(tokens.subList(from, i + 1));
                from = i + 1;
            }
        }
        if (from < tokens.size()) {
            sentences.add(tokens.subList(from, tokens.size()));
        }
        List<List<Token>> out = new ArrayList<>();
        for (List<Token> s : sentences) {
            if (s.size() <= LONG_CLAUSE_WORDS) {
                out.add(s);
                continue;
            }
            TreeSet<Integer> cuts = new TreeSet<>();
            int last = 0;
            for (int i = 0; i < s.size(); i++) {
                int own = lx.phraseAt(s, i, lx.ownUnit);
                if (own > 0) {
                    if (i > 0) {
                        cuts.add(i);
                    }
                    if (i + own < s.size()) {
                        cuts.add(i + own);
                    }
                    last = i + own;
                    i += own - 1;
                } else if (i - last >= MIN_CLAUSE_WORDS
                        && s.size() - i >= MIN_CLAUSE_WORDS
                        && lx.phraseAt(s, i, lx.clauseStart) > 0) {
                    // "... today and you'll have it": the conjunction goes with what follows.
                    int at = lx.carry.contains(s.get(i - 1).norm()) && i - 1 > last ? i - 1 : i;
                    cuts.add(at);
                    last = at;
                }
            }
            int start = 0;
            for (int cut : cuts) {
                out.add(s.subList(start, cut));
                start = cut;
            }
            out.add(s.subList(start, s.size()));
        }
        return out;
    }

    private static String spaced(List<Token> tokens) {
        StringBuilder sb = new StringBuilder(" ");
        for (Token t : tokens) {
            sb.append(t.norm()).append(' ');
        }
        return sb.toString();
    }

    private static String compact(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            sb.append(t.norm());
        }
        return sb.toString();
    }

    /** The clause as the transcript wrote it: each utterance's span, joined by spaces. */
    private static String display(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j + 1 < tokens.size()
                    && tokens.get(j + 1).utterance() == tokens.get(i).utterance()) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(tokens.get(i).source(), tokens.get(i).from(), tokens.get(j).to());
            i = j + 1;
        }
        return sb.toString();
    }

    private String clip(String s) {
        return s.length() <= settings.maxPartChars()
                ? s
                : s.substring(0, settings.maxPartChars() - 1) + "…";
    }

    /** A language's lexicon, ready for matching: English by whole words, Korean without spaces. */
    private static final class Lexicon {
        final boolean ko;
        final List<String> action;
        final List<String> next;
        final List<String> skip;
        final List<String> closingStart;
        final List<String> problem;
        final List<String> questionStart;
        final List<String> questionEnd;
        final List<String> lead;
        final List<String> greeting;
        final List<String> identity;
        final List<String> nameAfter;
        final Set<String> nameBefore;
        final List<String> brandAfter;
        final List<String> clauseStart;
        final List<String> ownUnit;
        final List<String> clauseEnd;
        final List<String> numberUnits;
        final List<String> verbalEndings;
        final List<String> openings;

        /** The phrase lists split into words, by their first word; keyed by list identity. */
        private final Map<List<String>, Map<String, List<String[]>>> phraseIndex =
                new IdentityHashMap<>();

        final Set<String> carry;
        final Set<String> fillers;
        final Set<String> numbers;
        final Set<String> stop;

        Lexicon(SummaryLexicon l) {
            ko = l.language().equals("ko");
            action = matchable(l.list("action"));
            next = matchable(l.list("next"));
            skip = matchable(l.list("skip"));
            closingStart = matchable(l.list("closing_start"));
            problem = matchable(l.list("problem"));
            questionStart = l.list("question_start");
            questionEnd = l.list("question_end");
            lead = l.list("lead");
            greeting = l.list("greeting");
            identity = matchable(l.list("identity"));
            nameAfter = l.list("name_after");
            nameBefore = l.set("name_before");
            brandAfter = l.list("brand_after");
            clauseStart = l.list("clause_start");
            ownUnit = l.list("own_unit");
            clauseEnd = l.list("clause_end");
            // Longest first, so that "이에요" is taken off before "요".
            numberUnits =
                    l.list("number_units").stream()
                            .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                            .toList();
            verbalEndings = l.list("verbal_endings");
            List<String> o = new ArrayList<>(clauseStart);
            o.addAll(ownUnit);
            o.addAll(questionStart);
            o.addAll(l.list("closing_start"));
            openings = List.copyOf(o);
            for (List<String> phrases :
                    List.of(
                            lead,
                            greeting,
                            nameAfter,
                            brandAfter,
                            openings,
                            ownUnit,
                            clauseStart,
                            questionStart)) {
                Map<String, List<String[]>> byFirst = new HashMap<>();
                for (String p : phrases) {
                    String[] ws = p.split(" ");
                    byFirst.computeIfAbsent(ws[0], k -> new ArrayList<>()).add(ws);
                }
                phraseIndex.put(phrases, byFirst);
            }
            carry = l.set("carry");
            fillers = l.set("fillers");
            numbers = l.set("numbers");
            stop = l.set("stop");
        }

        /** English cues padded to whole words; Korean cues without spaces. */
        private List<String> matchable(List<String> cues) {
            return cues.stream().map(c -> ko ? c.replace(" ", "") : " " + c + " ").toList();
        }

        private String of(Clause c) {
            return ko ? c.compact() : c.spaced();
        }

        boolean any(Clause c, List<String> cues) {
            return containsAny(of(c), cues);
        }

        boolean containsAny(String text, List<String> cues) {
            for (String cue : cues) {
                if (text.contains(cue)) {
                    return true;
                }
            }
            return false;
        }

        int count(Clause c, List<String> cues) {
            String t = of(c);
            int n = 0;
            for (String cue : cues) {
                if (t.contains(cue)) {
                    n++;
                }
            }
            return n;
        }

        boolean endsWithAny(String word, List<String> endings) {
            for (String e : endings) {
                if (word.endsWith(e)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * How many words of {@code tokens} from {@code at} the longest of {@code phrases} covers.
         */
        int phraseAt(List<Token> tokens, int at, List<String> phrases) {
            if (at >= tokens.size()) {
                return 0;
            }
            int best = 0;
            Map<String, List<String[]>> byFirst = phraseIndex.get(phrases);
            for (String[] ws : byFirst.getOrDefault(tokens.get(at).norm(), List.of())) {
                if (ws.length <= best || at + ws.length > tokens.size()) {
                    continue;
                }
                boolean match = true;
                for (int k = 0; k < ws.length && match; k++) {
                    match = tokens.get(at + k).norm().equals(ws[k]);
                }
                if (match) {
                    best = ws.length;
                }
            }
            return best;
        }

        /**
         * A word spoken as a number: digits, number words, a date or a Korean count with its unit.
         */
        boolean isNumber(String w) {
            if (w.chars().allMatch(Character::isDigit) || numbers.contains(w)) {
                return true;
            }
            if (!ko) {
                return false;
            }
            String rest = w;
            for (String unit : numberUnits) {
                if (rest.endsWith(unit) && rest.length() > unit.length()) {
                    rest = rest.substring(0, rest.length() - unit.length());
                    break;
                }
            }
            return rest.codePoints().allMatch(cp -> numbers.contains(Character.toString(cp)));
        }

        /** One spelled letter of a code or postcode ("s w one a"), not the words "i" and "a". */
        boolean isSpelledLetter(String w) {
            return !ko
                    && w.length() == 1
                    && Character.isLetter(w.charAt(0))
                    && !w.equals("i")
                    && !w.equals("a");
        }

        /** A question by its words: how it starts in English, how it ends in Korean. */
        boolean isQuestion(List<Token> tokens) {
            if (tokens.isEmpty()) {
                return false;
            }
            if (ko) {
                return endsWithAny(tokens.get(tokens.size() - 1).norm(), questionEnd);
            }
            int at = 0;
            for (int n; at < tokens.size() && (n = phraseAt(tokens, at, lead)) > 0; ) {
                at += n;
            }
            return phraseAt(tokens, at, questionStart) > 0;
        }

        /** A word that may be a name: not a common word, number, filler or placeholder. */
        boolean mayBeName(Token t) {
            String w = t.norm();
            return !t.placeholder()
                    && !stop.contains(w)
                    && !fillers.contains(w)
                    && !isNumber(w)
                    && !nameBefore.contains(w)
                    && (ko || !questionStart.contains(w))
                    && w.length() >= 2;
        }
    }
}
