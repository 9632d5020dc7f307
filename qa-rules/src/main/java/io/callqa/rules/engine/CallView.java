package io.callqa.rules.engine;

import io.callqa.rules.match.MatchSettings;
import io.callqa.rules.match.PhraseMatch;
import io.callqa.rules.match.SpokenText;
import io.callqa.rules.pack.Cue;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Utterance;
import io.callqa.rules.transcript.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One call prepared for the rules, once: each utterance's matching view, its dialogue-act scores,
 * the streams that consecutive utterances of one speaker form, and the pack's phrases with the
 * call's variables filled in. Rules share it, so nothing is tokenized or classified twice.
 */
final class CallView {

    final CallTranscript call;
    private final ActScorer acts;
    private final CallPhrases phrases;
    private final SpokenText[] texts;
    private final ToDoubleFunction<String>[] scores;
    private final Map<List<Integer>, List<Stream>> streams = new HashMap<>();

    @SuppressWarnings("unchecked")
    CallView(CallTranscript call, ActScorer acts, Map<String, String> packVariables) {
        this.call = call;
        this.acts = acts;
        this.phrases = new CallPhrases(packVariables, call.metadata());
        this.texts = new SpokenText[call.utterances().size()];
        this.scores = new ToDoubleFunction[call.utterances().size()];
    }

    Utterance utterance(int i) {
        return call.utterances().get(i);
    }

    SpokenText text(int i) {
        if (texts[i] == null) {
            texts[i] = SpokenText.of(utterance(i).text());
        }
        return texts[i];
    }

    /** The classifier's confidence for {@code act} in utterance i. */
    double act(int i, String act) {
        if (scores[i] == null) {
            scores[i] = acts.score(utterance(i).text(), call.language());
        }
        return scores[i].applyAsDouble(act);
    }

    /** Consecutive utterances of one speaker among {@code idx}, joined when close in time. */
    List<Stream> streams(List<Integer> idx, MatchSettings settings) {
        return streams.computeIfAbsent(
                idx,
                k -> {
                    List<Stream> out = new ArrayList<>();
                    List<Integer> cur = new ArrayList<>();
                    for (int i : idx) {
                        if (!cur.isEmpty()) {
                            Utterance prev = utterance(cur.get(cur.size() - 1));
                            Utterance u = utterance(i);
                            if (u.speaker() != prev.speaker()
                                    || u.start() - prev.end() > settings.joinWithin()) {
                                out.add(stream(cur));
                                cur = new ArrayList<>();
                            }
                        }
                        cur.add(i);
                    }
                    if (!cur.isEmpty()) {
                        out.add(stream(cur));
                    }
                    return out;
                });
    }

    private Stream stream(List<Integer> idx) {
        List<SpokenText> parts = new ArrayList<>();
        for (int i : idx) {
            parts.add(text(i));
        }
        return new Stream(idx.stream().mapToInt(Integer::intValue).toArray(), parts);
    }

    /**
     * The cue's phrases with variables filled in; a phrase that names a variable the call and pack
     * leave unset is dropped.
     */
    List<String> phrases(Cue cue) {
        return phrases.phrases(cue);
    }

    /** Whether the cue can be checked: it has an act, or a phrase left after variables. */
    boolean checkable(Cue cue) {
        return phrases.checkable(cue);
    }

    /** Evidence for a phrase match in a stream. */
    Evidence evidence(Stream s, PhraseMatch pm) {
        int i = s.utterances[pm.part()];
        Utterance u = utterance(i);
        double sum = 0;
        int n = 0;
        for (PhraseMatch.WordRef w : pm.words()) {
            List<Word> words = utterance(s.utterances[w.part()]).words();
            if (w.word() < words.size()) {
                sum += words.get(w.word()).conf();
                n++;
            }
        }
        return new Evidence(
                i,
                u.start(),
                u.text(),
                pm.matched(),
                round(pm.strength()),
                n == 0 ? null : round(sum / n),
                null);
    }

    /** Evidence for a dialogue act in utterance i. */
    Evidence actEvidence(int i, String act, double score) {
        Utterance u = utterance(i);
        return new Evidence(
                i,
                u.start(),
                u.text(),
                null,
                round(score),
                u.words().isEmpty() ? null : round(u.meanConfidence().orElse(0)),
                act);
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    /** Utterances matched as one text: their indexes in the call and their matching views. */
    record Stream(int[] utterances, List<SpokenText> parts) {}
}
