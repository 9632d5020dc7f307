package io.callqa.rules.eval;

import io.callqa.rules.eval.RecognizerStyle.Turn;
import io.callqa.rules.eval.RecognizerStyle.W;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Places a given share of word errors in a call. The number of errors is the rate times the words
 * of the call, so the rate measured over a corpus is the target rather than a noisy draw; errors
 * are never next to each other, so that an alignment of the text with the error-free text counts
 * each one exactly once. What an error does to a word is up to the language's {@link Model}.
 */
final class WordErrors {

    /** One language's kinds of recognition errors. */
    interface Model {
        /**
         * The kind of error to make at word {@code i} of {@code turn}, or {@code null} when none
         * fits there; {@code budget} is how many word errors may still be made.
         */
        Kind choose(Turn turn, int i, int budget, Random rnd);

        /** Makes the error (the words after {@code i} may shift; earlier ones do not). */
        void apply(Turn turn, int i, Kind kind, Random rnd);
    }

    /**
     * A kind of error and what it costs in word errors: a word merged with the next one is a
     * substitution and a deletion; a word split in two is a substitution and an insertion.
     */
    enum Kind {
        SUBSTITUTE(1, 1),
        DELETE(1, 1),
        INSERT_FILLER(1, 1),
        CHANGE_SYLLABLE(1, 1),
        DROP_SYLLABLE(1, 1),
        MERGE_WITH_NEXT(2, 2),
        SPLIT(2, 1);

        final int cost;
        final int span;

        Kind(int cost, int span) {
            this.cost = cost;
            this.span = span;
        }
    }

    private record Planned(int turn, int index, Kind kind) {}

    private WordErrors() {}

    /** Puts {@code rate} word errors into the turns, in place. */
    static void corrupt(List<Turn> turns, double rate, Random rnd, Model model) {
        List<int[]> positions = new ArrayList<>();
        for (int t = 0; t < turns.size(); t++) {
            for (int i = 0; i < turns.get(t).words.size(); i++) {
                positions.add(new int[] {t, i});
            }
        }
        int n = positions.size();
        double wanted = rate * n;
        int budget =
                (int) Math.floor(wanted) + (rnd.nextDouble() < wanted - Math.floor(wanted) ? 1 : 0);
        boolean[] used = new boolean[n + 2];
        int[] left = new int[turns.size()];
        for (int t = 0; t < turns.size(); t++) {
            left[t] = turns.get(t).words.size();
        }
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            order.add(p);
        }
        Collections.shuffle(order, rnd);
        List<Planned> plan = new ArrayList<>();
        for (int p : order) {
            if (budget <= 0) {
                break;
            }
            // used[] is offset by one so that p - 1 and p + span are always in range.
            if (used[p] || used[p + 1] || used[p + 2]) {
                continue;
            }
            int[] pos = positions.get(p);
            Turn turn = turns.get(pos[0]);
            Kind kind = model.choose(turn, pos[1], budget, rnd);
            if (kind == null) {
                continue;
            }
            if (kind.span == 2 && (pos[1] + 1 >= turn.words.size() || used[p + 3])) {
                continue;
            }
            if (kind == Kind.DELETE && left[pos[0]] <= 1) {
                continue;
            }
            if (kind == Kind.DELETE || kind == Kind.MERGE_WITH_NEXT) {
                left[pos[0]]--;
            }
            for (int s = 0; s < kind.span; s++) {
                used[p + 1 + s] = true;
            }
            budget -= kind.cost;
            plan.add(new Planned(pos[0], pos[1], kind));
        }
        plan.sort(
                Comparator.comparingInt(Planned::turn)
                        .thenComparing(Comparator.comparingInt(Planned::index).reversed()));
        for (Planned e : plan) {
            model.apply(turns.get(e.turn()), e.index(), e.kind(), rnd);
        }
    }

    /** A confidence for a word the recognizer got wrong: mostly low, sometimes overconfident. */
    static double erroredConfidence(Random rnd) {
        return rnd.nextDouble() < 0.85
                ? 0.25 + 0.4 * rnd.nextDouble()
                : 0.7 + 0.2 * rnd.nextDouble();
    }

    /** A filler word inserted before word {@code i}, taking the first part of its time. */
    static void insertFiller(Turn turn, int i, String filler, Random rnd) {
        W w = turn.words.get(i);
        double d = w.end - w.start;
        double split = w.start + d * 0.3;
        turn.words.add(i, new W(filler, w.start, split, 0.35 + 0.35 * rnd.nextDouble(), false));
        w.start = split;
    }

    /** Drops word {@code i}; its neighbour's confidence drops a little as a recognizer's would. */
    static void delete(Turn turn, int i) {
        turn.words.remove(i);
        if (i > 0) {
            turn.words.get(i - 1).conf *= 0.85;
        }
    }
}
