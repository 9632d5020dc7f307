package io.callqa.rules.eval;

import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import io.callqa.rules.transcript.Word;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic recognizer-style variants of a written call, for evaluating the rules on text like
 * Vosk's. Level {@link Level#RECOGNIZER}: lowercase, no punctuation, numbers as words, long
 * utterances re-cut at pauses (sometimes mid-phrase) and some short turns of one speaker merged,
 * with word times interpolated by word position and per-word confidences. Levels {@link
 * Level#WER10} and {@link Level#WER25} add that share of word errors from {@link
 * PhoneticConfusions} (English) or {@link KoreanConfusions} (Korean), with lower confidences on the
 * errored words. Randomness is seeded from the call id, so a call always gets the same variant; the
 * call's other fields (metadata, ground truth) are kept as they are.
 */
final class RecognizerStyle {

    /** How far the text is from what was written. */
    enum Level {
        CLEAN("clean", 0),
        RECOGNIZER("recognizer", 0),
        WER10("wer10", 0.10),
        WER25("wer25", 0.25);

        final String id;
        final double errorRate;

        Level(String id, double errorRate) {
            this.id = id;
            this.errorRate = errorRate;
        }
    }

    /** Split utterances longer than this many words (English) into pieces. */
    private static final int EN_LONG = 12;

    /** Split utterances longer than this many eojeol (Korean) into pieces. */
    private static final int KO_LONG = 6;

    /** Share of cuts placed mid-phrase rather than at a written pause. */
    private static final double MID_PHRASE_CUT = 0.35;

    /** Share of eligible short same-speaker neighbours that are merged into one utterance. */
    private static final double MERGE = 0.35;

    private final PhoneticConfusions english;
    private final KoreanConfusions korean = new KoreanConfusions();

    RecognizerStyle(Set<String> commonEnglishWords) {
        this.english = new PhoneticConfusions(commonEnglishWords);
    }

    /** A generator whose English confusions come from the bundled list of common words. */
    static RecognizerStyle withCommonWords() {
        String resource = "/io/callqa/rules/eval/common-words-en.txt";
        try (InputStream in = RecognizerStyle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + ": missing from the test classpath");
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
            return new RecognizerStyle(words);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** The call at the given level; {@link Level#CLEAN} returns it unchanged. */
    CallTranscript apply(CallTranscript call, Level level) {
        if (level == Level.CLEAN) {
            return call;
        }
        boolean ko = call.language().equals("ko");
        List<Turn> turns = recognizerTurns(call, ko, new Random(seed(call.callId(), "recut")));
        if (level.errorRate > 0) {
            Random rnd = new Random(seed(call.callId(), level.id));
            if (ko) {
                korean.corrupt(turns, level.errorRate, rnd);
            } else {
                english.corrupt(turns, level.errorRate, rnd, vocabulary(turns));
            }
            turns.removeIf(t -> t.words.isEmpty());
        }
        List<Utterance> utterances = new ArrayList<>();
        for (Turn t : turns) {
            utterances.add(t.toUtterance());
        }
        return new CallTranscript(
                call.callId(),
                call.language(),
                call.startedAt(),
                call.metadata(),
                call.channels(),
                utterances,
                call.extra());
    }

    /** A stable seed: {@link String#hashCode} is specified, so it is the same on every JVM. */
    static long seed(String callId, String stage) {
        return callId.hashCode() * 1_000_003L + stage.hashCode();
    }

    private static Set<String> vocabulary(List<Turn> turns) {
        Set<String> out = new HashSet<>();
        for (Turn t : turns) {
            for (W w : t.words) {
                out.add(w.w);
            }
        }
        return out;
    }

    private static List<Turn> recognizerTurns(CallTranscript call, boolean ko, Random rnd) {
        List<Turn> cut = new ArrayList<>();
        for (Utterance u : call.utterances()) {
            List<SpokenForm.Token> tokens =
                    ko ? SpokenForm.korean(u.text()) : SpokenForm.english(u.text());
            if (tokens.isEmpty()) {
                continue;
            }
            List<W> words = timed(tokens, u.start(), u.end(), ko, rnd);
            for (List<W> piece : pieces(words, ko ? KO_LONG : EN_LONG, rnd)) {
                cut.add(new Turn(u.speaker(), piece));
            }
        }
        List<Turn> merged = new ArrayList<>();
        for (Turn t : cut) {
            Turn prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null
                    && prev.speaker == t.speaker
                    && t.start() - prev.end() < 1.2
                    && prev.words.size() <= 5
                    && t.words.size() <= 5
                    && rnd.nextDouble() < MERGE) {
                prev.words.addAll(t.words);
            } else {
                merged.add(t);
            }
        }
        return merged;
    }

    /**
     * Word times spread over the utterance by word length, with a short pause where the text had a
     * pause mark, so that a cut at a pause leaves a gap like a recognizer's endpointing.
     */
    private static List<W> timed(
            List<SpokenForm.Token> tokens, double start, double end, boolean ko, Random rnd) {
        double pause = ko ? 1.5 : 3.0;
        double total = 0;
        for (int i = 0; i < tokens.size(); i++) {
            total += weight(tokens.get(i).w()) + (pauseAfter(tokens, i) ? pause : 0);
        }
        double scale = (end - start) / total;
        List<W> out = new ArrayList<>();
        double t = start;
        for (int i = 0; i < tokens.size(); i++) {
            SpokenForm.Token tok = tokens.get(i);
            double d = weight(tok.w()) * scale;
            double conf = 0.82 + 0.17 * rnd.nextDouble();
            out.add(new W(tok.w(), t, t + d * 0.92, conf, tok.pauseAfter()));
            t += d + (pauseAfter(tokens, i) ? pause * scale : 0);
        }
        return out;
    }

    private static boolean pauseAfter(List<SpokenForm.Token> tokens, int i) {
        return tokens.get(i).pauseAfter() && i + 1 < tokens.size();
    }

    private static double weight(String w) {
        return Math.max(2, w.length()) + 1;
    }

    /** An utterance cut into 1-3 pieces, preferring cuts at written pauses. */
    private static List<List<W>> pieces(List<W> words, int longer, Random rnd) {
        List<List<W>> out = new ArrayList<>();
        if (words.size() <= longer) {
            out.add(new ArrayList<>(words));
            return out;
        }
        int n = words.size() > 2 * longer ? 3 : 2;
        List<Integer> cuts = new ArrayList<>();
        int from = 0;
        for (int k = 1; k < n; k++) {
            int target = words.size() * k / n;
            int min = from + 3;
            int max = words.size() - 3 * (n - k);
            int cut = -1;
            if (rnd.nextDouble() >= MID_PHRASE_CUT) {
                int best = Integer.MAX_VALUE;
                for (int i = min; i <= max; i++) {
                    if (words.get(i - 1).pauseAfter && Math.abs(i - target) < best) {
                        best = Math.abs(i - target);
                        cut = i;
                    }
                }
            }
            if (cut < 0) {
                cut = Math.max(min, Math.min(max, target - 1 + rnd.nextInt(3)));
            }
            if (cut <= from || cut >= words.size()) {
                continue;
            }
            cuts.add(cut);
            from = cut;
        }
        int start = 0;
        for (int c : cuts) {
            out.add(new ArrayList<>(words.subList(start, c)));
            start = c;
        }
        out.add(new ArrayList<>(words.subList(start, words.size())));
        return out;
    }

    /** A recognized word being built: text, times, confidence, and whether a pause followed. */
    static final class W {
        String w;
        double start;
        double end;
        double conf;
        final boolean pauseAfter;

        W(String w, double start, double end, double conf, boolean pauseAfter) {
            this.w = w;
            this.start = start;
            this.end = end;
            this.conf = conf;
            this.pauseAfter = pauseAfter;
        }
    }

    /** A recognizer utterance being built: one speaker's run of words. */
    static final class Turn {
        final Speaker speaker;
        final List<W> words;

        Turn(Speaker speaker, List<W> words) {
            this.speaker = speaker;
            this.words = words;
        }

        double start() {
            return words.get(0).start;
        }

        double end() {
            return words.get(words.size() - 1).end;
        }

        Utterance toUtterance() {
            List<Word> ws = new ArrayList<>();
            List<String> text = new ArrayList<>();
            double sum = 0;
            for (W w : words) {
                ws.add(new Word(w.w, round(w.start), round(w.end), round(w.conf)));
                text.add(w.w);
                sum += w.conf;
            }
            double start = ws.get(0).start();
            double end = Math.max(start, ws.get(ws.size() - 1).end());
            return new Utterance(
                    speaker,
                    start,
                    end,
                    String.join(" ", text),
                    round(sum / words.size()),
                    Collections.unmodifiableList(ws));
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }
}
