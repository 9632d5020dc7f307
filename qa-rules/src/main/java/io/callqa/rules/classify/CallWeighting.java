package io.callqa.rules.classify;

import java.util.Objects;

/**
 * How {@link CallClassifier#classify(io.callqa.rules.transcript.CallTranscript)} weighs the
 * utterances of a call. Utterance {@code i} (0-based, in time order) contributes its probability
 * vector {@code p} with weight
 *
 * <pre>
 *   speaker × max(positionFloor, 0.5^(i / positionHalfLife)) × (max p − 1/K) / (1 − 1/K)
 * </pre>
 *
 * times {@code requestBoost} for a customer utterance giving the {@code requested} category at
 * least {@code requestThreshold}, and the weighted sum is renormalised after multiplying the
 * residual category's share by {@code residualDiscount}. Utterances are first joined into turns:
 * consecutive utterances of one speaker less than {@code turnGap} seconds apart are classified as
 * one text, and {@code i} counts turns.
 *
 * @param customerWeight weight of the customer's utterances; the customer states the reason
 * @param agentWeight weight of the agent's utterances, which are mostly procedure (greeting,
 *     verification, closing) but do restate the issue
 * @param positionHalfLife utterances after which the position weight halves; the reason is usually
 *     given in the first turns and later talk drifts
 * @param positionFloor least position weight, so that a reason given late still counts
 * @param residual the catch-all category, {@code other}
 * @param residualDiscount factor on the residual category's evidence: the utterance model labels
 *     procedural talk (greetings, identity checks, "anything else?", asking for a manager) as the
 *     catch-all, and every call has plenty of it, so without a discount the catch-all would win
 *     most calls
 * @param requested the category a customer's request weighs most for, {@code refund}: when the
 *     customer asks for money back the call is about the refund, whatever caused it (a double
 *     charge, a cancellation penalty)
 * @param requestThreshold least probability of the requested category in one customer utterance for
 *     that utterance to count as the request
 * @param requestBoost factor on the weight of such a request; 1 turns the rule off. A factor rather
 *     than a verdict, so that one stray word in an otherwise clear call does not decide it
 * @param turnGap seconds of silence below which consecutive utterances of one speaker are one turn;
 *     0 keeps every utterance apart. A recognizer cuts a sentence at every pause ("i'd like to add
 *     my partner" / "as a driver"), and a fragment classified alone says something else than the
 *     sentence; joining them also keeps the position weight from depending on how often the
 *     recognizer cut
 */
public record CallWeighting(
        double customerWeight,
        double agentWeight,
        double positionHalfLife,
        double positionFloor,
        String residual,
        double residualDiscount,
        String requested,
        double requestThreshold,
        double requestBoost,
        double turnGap) {

    /** The weighting used by default. */
    public static final CallWeighting DEFAULT =
            new CallWeighting(1.0, 0.6, 12.0, 0.1, "other", 0.15, "refund", 0.7, 10.0, 1.0);

    /** The weighting with every utterance classified on its own (no turns). */
    public CallWeighting(
            double customerWeight,
            double agentWeight,
            double positionHalfLife,
            double positionFloor,
            String residual,
            double residualDiscount,
            String requested,
            double requestThreshold,
            double requestBoost) {
        this(
                customerWeight,
                agentWeight,
                positionHalfLife,
                positionFloor,
                residual,
                residualDiscount,
                requested,
                requestThreshold,
                requestBoost,
                0.0);
    }

    /** The weighting without a requested category: every customer utterance weighs alike. */
    public CallWeighting(
            double customerWeight,
            double agentWeight,
            double positionHalfLife,
            double positionFloor,
            String residual,
            double residualDiscount) {
        this(
                customerWeight,
                agentWeight,
                positionHalfLife,
                positionFloor,
                residual,
                residualDiscount,
                "",
                1.0,
                1.0,
                0.0);
    }

    /** Rejects weights that would make the weighted mean meaningless. */
    public CallWeighting {
        if (!(customerWeight >= 0) || !(agentWeight >= 0) || customerWeight + agentWeight == 0) {
            throw new IllegalArgumentException("speaker weights must be >= 0, not both 0");
        }
        if (!(positionHalfLife > 0) || !(positionFloor >= 0 && positionFloor <= 1)) {
            throw new IllegalArgumentException(
                    "need positionHalfLife > 0, 0 <= positionFloor <= 1");
        }
        if (!(residualDiscount > 0)) {
            throw new IllegalArgumentException("residualDiscount must be > 0");
        }
        Objects.requireNonNull(residual, "residual");
        Objects.requireNonNull(requested, "requested");
        if (!(requestBoost > 0)) {
            throw new IllegalArgumentException("requestBoost must be > 0");
        }
        if (!(turnGap >= 0) || Double.isInfinite(turnGap)) {
            throw new IllegalArgumentException("turnGap must be >= 0 seconds");
        }
    }

    /** Weight of utterance {@code index} by its position in the call. */
    double position(int index) {
        return Math.max(positionFloor, Math.pow(0.5, index / positionHalfLife));
    }
}
