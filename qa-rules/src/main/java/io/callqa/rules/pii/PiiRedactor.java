package io.callqa.rules.pii;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds and redacts sensitive data in a conversation, in English and Korean, written or as a
 * recognizer writes it (lower case, no punctuation, numbers as words, utterances cut at pauses).
 *
 * <p>Detection runs over the whole conversation, not one utterance at a time: numbers are assembled
 * across consecutive utterances of both speakers ({@link DigitSequenceAssembler}) and classified
 * with the cues said before them ({@link NumberClassifier}); e-mail addresses and IBANs are found
 * by {@link TextFinders}, names after a self-introduction by {@link NameFinder}. A finding that
 * spans utterances is redacted, and reported, in each utterance it touches. Every step is one pass
 * over the words (no backtracking regular expressions, no recursion), so the time grows linearly
 * with the text.
 */
public final class PiiRedactor {

    /**
     * What to look for and whether to replace it.
     *
     * @param redact replace findings with placeholders (else only report them)
     * @param types the kinds of data to look for
     * @param nameSpeakers whose self-introduced names count as {@link PiiType#NAME}
     */
    public record Settings(boolean redact, Set<PiiType> types, Set<Speaker> nameSpeakers) {
        /** Redaction on, every type, customers' names. */
        public static final Settings DEFAULTS = new Settings(true, Set.of(PiiType.values()));

        /** Copies the sets. */
        public Settings {
            types = Set.copyOf(types);
            nameSpeakers = Set.copyOf(nameSpeakers);
        }

        /** Names are looked for in what customers say. */
        public Settings(boolean redact, Set<PiiType> types) {
            this(redact, types, Set.of(Speaker.CUSTOMER));
        }
    }

    private final Settings settings;

    /** A redactor with redaction on for every type. */
    public PiiRedactor() {
        this(Settings.DEFAULTS);
    }

    /** A redactor with the given settings. */
    public PiiRedactor(Settings settings) {
        this.settings = settings;
    }

    /**
     * Redacts a call: utterance texts, and the recognized words inside each redacted stretch (their
     * text becomes the placeholder; timing and confidence stay). The input's extra fields, which
     * may hold raw data, are dropped.
     */
    public RedactedTranscript redact(CallTranscript call) {
        List<Utterance> out = new ArrayList<>(call.utterances().size());
        List<PiiFinding> findings = new ArrayList<>();
        redact(call.utterances(), new ArrayList<>(), out, findings);
        CallTranscript redacted =
                new CallTranscript(
                        call.callId(),
                        call.language(),
                        call.startedAt(),
                        call.metadata(),
                        call.channels(),
                        out,
                        JsonNodeFactory.instance.objectNode());
        return new RedactedTranscript(redacted, findings);
    }

    /**
     * Look-back, in seconds, that {@link #redactRecent} needs: a number goes on across pauses of up
     * to 10 s and a cue ("my card number is") applies for 15 s after it, so the utterances that end
     * within this many seconds before the latest one starts are enough to redact it as the whole
     * call would, unless one number is read out over more than a minute.
     */
    public static final double RECENT_LOOK_BACK_S = 60;

    /**
     * Redacts the latest utterances of a call in progress, as {@link #redact(CallTranscript)} would
     * redact them within the whole call: {@code recent} are the utterances of the look-back ({@link
     * #RECENT_LOOK_BACK_S}) and the newest, in call order; {@code saidBefore} the numbers redacted
     * before them (the last {@link SaidNumber#READ_BACK} suffice), so that a number read back is
     * still recognized. The work depends on the look-back only, not on the length of the call.
     */
    public RecentRedaction redactRecent(List<Utterance> recent, List<SaidNumber> saidBefore) {
        List<SaidNumber> said = new ArrayList<>();
        for (SaidNumber s : saidBefore) {
            said.add(new SaidNumber(s.digits(), s.type(), -1));
        }
        int before = said.size();
        List<Utterance> out = new ArrayList<>(recent.size());
        List<PiiFinding> findings = new ArrayList<>();
        redact(recent, said, out, findings);
        return new RecentRedaction(out, findings, said.subList(before, said.size()));
    }

    private void redact(
            List<Utterance> us,
            List<SaidNumber> said,
            List<Utterance> out,
            List<PiiFinding> findings) {
        List<String> texts = us.stream().map(Utterance::text).toList();
        List<Speaker> speakers = us.stream().map(Utterance::speaker).toList();
        List<double[]> times = us.stream().map(u -> new double[] {u.start(), u.end()}).toList();
        List<List<Span>> byUtterance = find(texts, speakers, times, said);
        for (int i = 0; i < us.size(); i++) {
            Utterance u = us.get(i);
            List<Span> spans = byUtterance.get(i);
            for (Span s : spans) {
                findings.add(new PiiFinding(s.type(), i, u.speaker()));
            }
            if (!settings.redact() || spans.isEmpty()) {
                out.add(u);
            } else {
                out.add(
                        u.withText(
                                apply(u.text(), spans),
                                WordRedaction.redact(u.text(), u.words(), spans)));
            }
        }
    }

    /** Redacts one text on its own, as a customer's utterance with nothing said before it. */
    public RedactedText redact(String text) {
        List<Span> spans =
                find(
                                List.of(text),
                                List.of(Speaker.CUSTOMER),
                                List.of(new double[] {0, 0}),
                                new ArrayList<>())
                        .get(0);
        List<PiiType> types = spans.stream().map(Span::type).toList();
        return new RedactedText(settings.redact() ? apply(text, spans) : text, types);
    }

    /** The stretches to redact in each utterance, in text order and not overlapping. */
    private List<List<Span>> find(
            List<String> texts,
            List<Speaker> speakers,
            List<double[]> times,
            List<SaidNumber> said) {
        List<Token> tokens = new ArrayList<>();
        List<Integer> firstToken = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            firstToken.add(tokens.size());
            tokenize(i, texts.get(i), times.get(i)[0], times.get(i)[1], tokens);
        }
        firstToken.add(tokens.size());
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            TextFinders.writtenEmails(i, texts.get(i), spans);
        }
        TextFinders.spokenEmails(tokens, spans);
        List<PiiCue> cues = PiiCue.find(tokens);
        TextFinders.ibans(tokens, cues, spans);
        List<NumberRun> runs = DigitSequenceAssembler.assemble(tokens, texts);
        spans.addAll(NumberClassifier.classify(runs, cues, tokens, texts, said));
        for (int i = 0; i < texts.size(); i++) {
            if (settings.nameSpeakers().contains(speakers.get(i))) {
                String t = texts.get(i);
                NameFinder.find(
                        tokens,
                        firstToken.get(i),
                        firstToken.get(i + 1),
                        t.equals(t.toLowerCase(Locale.ROOT)),
                        spans);
            }
        }
        List<List<Span>> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(new ArrayList<>());
        }
        for (Span s : spans) {
            if (settings.types().contains(s.type()) && s.end() > s.start()) {
                out.get(s.utterance()).add(s);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            out.set(i, merge(out.get(i)));
        }
        return out;
    }

    /** Overlapping stretches become one, with the type of the longest. */
    private static List<Span> merge(List<Span> spans) {
        if (spans.size() < 2) {
            return spans;
        }
        spans.sort(
                Comparator.comparingInt(Span::start)
                        .thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Span> kept = new ArrayList<>();
        Span cur = spans.get(0);
        for (int k = 1; k < spans.size(); k++) {
            Span s = spans.get(k);
            if (s.start() < cur.end()) {
                PiiType type =
                        s.end() - s.start() > cur.end() - cur.start() ? s.type() : cur.type();
                cur = new Span(cur.utterance(), cur.start(), Math.max(cur.end(), s.end()), type);
            } else {
                kept.add(cur);
                cur = s;
            }
        }
        kept.add(cur);
        return kept;
    }

    private static String apply(String text, List<Span> spans) {
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Span s : spans) {
            sb.append(text, at, s.start()).append(s.type().placeholder());
            at = s.end();
        }
        sb.append(text, at, text.length());
        return sb.toString();
    }

    /**
     * Splits a text into words (runs of letters and digits) with times spread over the utterance.
     */
    static void tokenize(int utterance, String text, double start, double end, List<Token> out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > s) {
                String raw = text.substring(s, i);
                String lower = raw.toLowerCase(Locale.ROOT);
                double t = n == 0 ? start : start + (end - start) * s / n;
                out.add(new Token(utterance, s, i, lower, raw, t, SpokenNumbers.read(lower)));
            }
        }
    }

    /** The Luhn checksum that every payment card number satisfies. */
    public static boolean luhn(String digits) {
        return Luhn.valid(digits);
    }
}
