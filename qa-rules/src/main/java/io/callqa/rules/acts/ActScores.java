package io.callqa.rules.acts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The confidence (0..1) that an utterance carries each {@link DialogueAct}. The acts are scored
 * independently, so several can be confident at once ("thank you for calling, this is Dana, this
 * call is recorded") and the scores do not sum to one.
 */
public final class ActScores {

    private static final DialogueAct[] ACTS = DialogueAct.values();

    private final double[] scores;

    private ActScores(double[] scores) {
        this.scores = scores;
    }

    /**
     * Scores indexed by {@link DialogueAct#ordinal()}.
     *
     * @throws IllegalArgumentException unless there is one score in 0..1 for every act
     */
    public static ActScores of(double[] scores) {
        if (scores.length != ACTS.length) {
            throw new IllegalArgumentException(
                    "need " + ACTS.length + " act scores, got " + scores.length);
        }
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] >= 0 && scores[i] <= 1)) {
                throw new IllegalArgumentException(
                        "score of " + ACTS[i].id() + " must be in 0..1, got " + scores[i]);
            }
        }
        return new ActScores(scores.clone());
    }

    /** Scores from a map; acts missing from it score 0. */
    public static ActScores of(Map<DialogueAct, Double> scores) {
        double[] s = new double[ACTS.length];
        scores.forEach((a, v) -> s[a.ordinal()] = v);
        return of(s);
    }

    /** The confidence that the utterance carries {@code act}. */
    public double score(DialogueAct act) {
        return scores[act.ordinal()];
    }

    /** The most confident act (the first in declaration order on a tie). */
    public DialogueAct top() {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return ACTS[best];
    }

    /** The acts scored at least {@code minConfidence}, most confident first. */
    public List<DialogueAct> acts(double minConfidence) {
        List<DialogueAct> out = new ArrayList<>();
        for (DialogueAct a : ACTS) {
            if (scores[a.ordinal()] >= minConfidence) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparingDouble(this::score).reversed());
        return out;
    }

    /** Every act with its score, in declaration order. */
    public Map<DialogueAct, Double> asMap() {
        Map<DialogueAct, Double> m = new EnumMap<>(DialogueAct.class);
        for (DialogueAct a : ACTS) {
            m.put(a, scores[a.ordinal()]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActScores other && Arrays.equals(scores, other.scores);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(scores);
    }

    /**
     * The acts above 0.5 with their scores, e.g. {@code {greeting=0.97, self-introduction=0.91}}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (DialogueAct a : acts(0.5)) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%s=%.2f", a.id(), score(a)));
        }
        return sb.append('}').toString();
    }
}
