package io.callqa.rules.engine;

import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What rules need to know about a call beyond its words: conversation dynamics and per-utterance
 * emotion, as produced by audio analysis. Every part is optional; {@link #withTimings} fills the
 * dynamics that utterance times allow when audio analysis did not provide them.
 *
 * @param deadAir stretches where both parties are silent, if known
 * @param holds stretches the customer was on hold, if known (only audio analysis can tell)
 * @param overtalkRatio share of speech time with both talking, 0..1, if known
 * @param agentTalkRatio agent share of speech time, 0..1, if known
 * @param emotions emotion by utterance index, for the utterances that have one
 */
public record CallSignals(
        Optional<List<TimeSpan>> deadAir,
        Optional<List<TimeSpan>> holds,
        OptionalDouble overtalkRatio,
        OptionalDouble agentTalkRatio,
        Map<Integer, UtteranceEmotion> emotions) {

    /** Nothing known beyond the transcript. */
    public static final CallSignals NONE =
            new CallSignals(
                    Optional.empty(),
                    Optional.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Map.of());

    /** Copies the collections. */
    public CallSignals {
        deadAir = deadAir.map(List::copyOf);
        holds = holds.map(List::copyOf);
        emotions = Map.copyOf(emotions);
    }

    /** The same signals with per-utterance emotion replaced. */
    public CallSignals withEmotions(Map<Integer, UtteranceEmotion> byUtterance) {
        return new CallSignals(deadAir, holds, overtalkRatio, agentTalkRatio, byUtterance);
    }

    /**
     * These signals, with the missing dynamics derived from {@code call}'s utterance times, and a
     * silence that is still going on where what is known of a live call ends: dead air that has
     * lasted at least this long, whatever is said next.
     */
    public CallSignals withOngoingSilence(CallTranscript call, TimeSpan silence) {
        CallSignals timed = withTimings(call);
        List<TimeSpan> gaps = new ArrayList<>(timed.deadAir().orElse(List.of()));
        gaps.add(silence);
        return new CallSignals(
                Optional.of(gaps),
                timed.holds(),
                timed.overtalkRatio(),
                timed.agentTalkRatio(),
                emotions);
    }

    /**
     * These signals with the missing dynamics derived from utterance times: dead air is every gap
     * after the first utterance where nobody speaks, overtalk the time covered by two utterances.
     */
    public CallSignals withTimings(CallTranscript call) {
        List<Utterance> us =
                call.utterances().stream()
                        .sorted(Comparator.comparingDouble(Utterance::start))
                        .toList();
        List<TimeSpan> gaps = new ArrayList<>();
        double speech = 0;
        double both = 0;
        double agent = 0;
        double talk = 0;
        double coveredTo = Double.NaN;
        for (Utterance u : us) {
            talk += u.duration();
            if (u.speaker() == Speaker.AGENT) {
                agent += u.duration();
            }
            if (Double.isNaN(coveredTo)) {
                coveredTo = u.end();
                speech += u.duration();
                continue;
            }
            if (u.start() > coveredTo) {
                gaps.add(new TimeSpan(coveredTo, u.start()));
                speech += u.duration();
            } else {
                both += Math.min(coveredTo, u.end()) - u.start();
                speech += Math.max(0, u.end() - coveredTo);
            }
            coveredTo = Math.max(coveredTo, u.end());
        }
        OptionalDouble overtalk =
                overtalkRatio.isPresent() || speech <= 0
                        ? overtalkRatio
                        : OptionalDouble.of(both / speech);
        OptionalDouble agentRatio =
                agentTalkRatio.isPresent() || talk <= 0
                        ? agentTalkRatio
                        : OptionalDouble.of(agent / talk);
        return new CallSignals(
                deadAir.isPresent() || us.isEmpty() ? deadAir : Optional.of(gaps),
                holds,
                overtalk,
                agentRatio,
                emotions);
    }
}
