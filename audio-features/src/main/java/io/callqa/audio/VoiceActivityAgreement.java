package io.callqa.audio;

import io.callqa.audio.dynamics.SpeechSegment;
import java.util.List;

/**
 * How well detected voice activity agrees with speech known from elsewhere (a transcript's word
 * timings), counted in 10 ms frames ({@link FrameTrack#HOP_S}). Agreements of several recordings
 * add up, so precision and recall can be pooled over a dataset.
 *
 * @param bothFrames frames that are both active and speech
 * @param activityFrames frames the voice activity marks active
 * @param speechFrames frames of known speech
 */
public record VoiceActivityAgreement(long bothFrames, long activityFrames, long speechFrames) {

    /** Nothing counted yet. */
    public static final VoiceActivityAgreement NONE = new VoiceActivityAgreement(0, 0, 0);

    /** Compares {@code activity} with {@code speech}, both in seconds from the same start. */
    public static VoiceActivityAgreement of(
            List<SpeechSegment> activity, List<SpeechSegment> speech) {
        double end = 0;
        for (SpeechSegment s : activity) {
            end = Math.max(end, s.end());
        }
        for (SpeechSegment s : speech) {
            end = Math.max(end, s.end());
        }
        int frames = (int) Math.ceil(end / FrameTrack.HOP_S) + 1;
        boolean[] a = mask(activity, frames);
        boolean[] w = mask(speech, frames);
        long both = 0;
        long active = 0;
        long spoken = 0;
        for (int i = 0; i < frames; i++) {
            both += a[i] && w[i] ? 1 : 0;
            active += a[i] ? 1 : 0;
            spoken += w[i] ? 1 : 0;
        }
        return new VoiceActivityAgreement(both, active, spoken);
    }

    /** These counts and {@code other}'s together. */
    public VoiceActivityAgreement plus(VoiceActivityAgreement other) {
        return new VoiceActivityAgreement(
                bothFrames + other.bothFrames,
                activityFrames + other.activityFrames,
                speechFrames + other.speechFrames);
    }

    /** Share of active frames that are speech. */
    public double precision() {
        return (double) bothFrames / Math.max(1, activityFrames);
    }

    /** Share of speech frames marked active. */
    public double recall() {
        return (double) bothFrames / Math.max(1, speechFrames);
    }

    private static boolean[] mask(List<SpeechSegment> spans, int frames) {
        boolean[] m = new boolean[frames];
        for (SpeechSegment s : spans) {
            int from = Math.max(0, (int) Math.round(s.start() / FrameTrack.HOP_S));
            int to = (int) Math.min(frames, Math.round(s.end() / FrameTrack.HOP_S));
            for (int i = from; i < to; i++) {
                m[i] = true;
            }
        }
        return m;
    }
}
