package io.callqa.audio.dynamics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turn-taking figures of a two-party call: who talked how much, overtalk, interruptions and dead
 * air. Computed from each party's speech segments, whether those come from voice activity or from
 * transcript timings, so that both paths measure the same way.
 *
 * @param durationS the span measured, from the start of the first speech to the end of the call
 * @param agentTalkS seconds in which the agent speaks (own overlaps merged)
 * @param customerTalkS seconds in which the customer speaks
 * @param agentTalkRatio agent talk time over the talk time of both, 0 when nobody spoke
 * @param overtalkS seconds in which both speak at once
 * @param interruptions every time one party started talking over the other
 * @param silenceS seconds in which neither speaks
 * @param deadAir both-silent stretches at least {@link DynamicsSettings#minDeadAirS()} long
 * @param longestDeadAirS the longest both-silent stretch, 0 if none
 * @param holds dead-air stretches at least {@link DynamicsSettings#holdThresholdS()} long
 */
public record ConversationDynamics(
        double durationS,
        double agentTalkS,
        double customerTalkS,
        double agentTalkRatio,
        double overtalkS,
        List<Interruption> interruptions,
        double silenceS,
        List<SpeechSegment> deadAir,
        double longestDeadAirS,
        List<SpeechSegment> holds) {

    /** One party starting to speak while the other was speaking. */
    public record Interruption(Party by, Party of, double at, double overlapS) {}

    /** Makes the lists immutable. */
    public ConversationDynamics {
        interruptions = List.copyOf(interruptions);
        deadAir = List.copyOf(deadAir);
        holds = List.copyOf(holds);
    }

    /** Share of the measured span in which neither party speaks. */
    public double silenceRatio() {
        return durationS > 0 ? silenceS / durationS : 0;
    }

    /** Share of the measured span in which both speak. */
    public double overtalkRatio() {
        return durationS > 0 ? overtalkS / durationS : 0;
    }

    /**
     * Measures a call.
     *
     * @param agent the agent's speech, in any order, possibly overlapping
     * @param customer the customer's speech
     * @param callEndS end of the recording in seconds; trailing silence up to it counts as dead
     *     air. Pass the end of the last speech when the recording length is unknown.
     * @param settings thresholds
     */
    public static ConversationDynamics measure(
            List<SpeechSegment> agent,
            List<SpeechSegment> customer,
            double callEndS,
            DynamicsSettings settings) {
        List<SpeechSegment> a = merge(agent);
        List<SpeechSegment> c = merge(customer);
        double speechEnd = Math.max(end(a), end(c));
        double to = Math.max(callEndS, speechEnd);
        double from = Math.min(start(a, to), start(c, to));

        double agentTalk = total(a);
        double customerTalk = total(c);
        double overtalk = total(intersect(a, c));
        List<SpeechSegment> anyone = merge(concat(a, c));

        List<SpeechSegment> silences = new ArrayList<>();
        double cursor = from;
        for (SpeechSegment s : anyone) {
            if (s.start() > cursor) {
                silences.add(new SpeechSegment(cursor, s.start()));
            }
            cursor = Math.max(cursor, s.end());
        }
        if (to > cursor) {
            silences.add(new SpeechSegment(cursor, to));
        }

        List<SpeechSegment> deadAir = new ArrayList<>();
        List<SpeechSegment> holds = new ArrayList<>();
        double longest = 0;
        for (SpeechSegment s : silences) {
            if (s.duration() >= settings.minDeadAirS()) {
                deadAir.add(s);
                longest = Math.max(longest, s.duration());
            }
            if (s.duration() >= settings.holdThresholdS()) {
                holds.add(s);
            }
        }

        List<Interruption> interruptions = new ArrayList<>();
        findInterruptions(Party.CUSTOMER, c, a, settings, interruptions);
        findInterruptions(Party.AGENT, a, c, settings, interruptions);
        interruptions.sort(Comparator.comparingDouble(Interruption::at));

        double talk = agentTalk + customerTalk;
        return new ConversationDynamics(
                to - from,
                agentTalk,
                customerTalk,
                talk > 0 ? agentTalk / talk : 0,
                overtalk,
                interruptions,
                total(silences),
                deadAir,
                longest,
                holds);
    }

    /** A party interrupts when a segment of theirs starts inside one of the other's. */
    private static void findInterruptions(
            Party by,
            List<SpeechSegment> mine,
            List<SpeechSegment> theirs,
            DynamicsSettings settings,
            List<Interruption> out) {
        for (SpeechSegment m : mine) {
            for (SpeechSegment t : theirs) {
                if (m.start() > t.start() && m.start() < t.end()) {
                    double overlap = Math.min(m.end(), t.end()) - m.start();
                    if (overlap >= settings.minInterruptionOverlapS()) {
                        out.add(new Interruption(by, by.other(), m.start(), overlap));
                    }
                }
            }
        }
    }

    /** Sorts and merges overlapping or touching segments. */
    static List<SpeechSegment> merge(List<SpeechSegment> segments) {
        List<SpeechSegment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingDouble(SpeechSegment::start));
        List<SpeechSegment> out = new ArrayList<>();
        for (SpeechSegment s : sorted) {
            if (!out.isEmpty() && s.start() <= out.get(out.size() - 1).end()) {
                SpeechSegment last = out.remove(out.size() - 1);
                out.add(new SpeechSegment(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Intersection of two merged, sorted segment lists. */
    static List<SpeechSegment> intersect(List<SpeechSegment> a, List<SpeechSegment> b) {
        List<SpeechSegment> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            double lo = Math.max(a.get(i).start(), b.get(j).start());
            double hi = Math.min(a.get(i).end(), b.get(j).end());
            if (hi > lo) {
                out.add(new SpeechSegment(lo, hi));
            }
            if (a.get(i).end() < b.get(j).end()) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    private static List<SpeechSegment> concat(List<SpeechSegment> a, List<SpeechSegment> b) {
        List<SpeechSegment> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double total(List<SpeechSegment> merged) {
        return merged.stream().mapToDouble(SpeechSegment::duration).sum();
    }

    private static double end(List<SpeechSegment> merged) {
        return merged.isEmpty() ? 0 : merged.get(merged.size() - 1).end();
    }

    private static double start(List<SpeechSegment> merged, double fallback) {
        return merged.isEmpty() ? fallback : merged.get(0).start();
    }
}
