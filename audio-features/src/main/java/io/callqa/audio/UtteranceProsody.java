package io.callqa.audio;

import io.callqa.audio.dynamics.ConversationDynamics;
import io.callqa.audio.dynamics.SpeechSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prosody and emotion of utterances one at a time, for calls that are still going on.
 *
 * <p>{@link CallAnalyzer} needs the whole recording. A live call only ever has the audio since its
 * last finalized utterance at hand (that is all its state keeps), so each utterance is measured
 * from its own audio, with a little audio before it so that voice activity can find the line's
 * noise floor. Arousal still compares the utterance with everything the speaker said before it in
 * the call, and with the population reference, as for a recording.
 */
public final class UtteranceProsody {
    private final FeatureSettings settings;
    private final EmotionEstimator estimator;

    /** Measures with {@code settings} (pitch, voice activity, emotion reference, dynamics). */
    public UtteranceProsody(FeatureSettings settings) {
        this.settings = settings;
        this.estimator = new EmotionEstimator(settings.reference());
    }

    /**
     * Prosody of the span {@code [start, end)} seconds of a piece of one channel's audio.
     *
     * @param name the stream, for error messages
     * @param pcm 16-bit samples; the piece starts at {@code pcm[0]}
     * @param n how many samples of {@code pcm} to use
     * @param sampleRate of {@code pcm}, 8000 to 48000 Hz
     * @param start seconds from {@code pcm[0]} where the utterance starts
     * @param end seconds from {@code pcm[0]} where it ends
     * @param words its word count, or -1 if unknown
     * @throws AudioFormatException when the rate is unusable or pitch detection fails
     */
    public Prosody measure(
            String name, short[] pcm, int n, int sampleRate, double start, double end, int words)
            throws AudioFormatException {
        if (sampleRate < 8000 || sampleRate > 48000) {
            throw new AudioFormatException(
                    name, "sample rate " + sampleRate + " Hz is outside 8000..48000 Hz");
        }
        Resampler resampler = new Resampler(sampleRate, AudioSource.ANALYSIS_RATE);
        FrameAnalyzer frames =
                new FrameAnalyzer(
                        name,
                        settings.pitch(),
                        settings.vad(),
                        (long) n * AudioSource.ANALYSIS_RATE / sampleRate);
        float[] in = new float[4096];
        float[] out = new float[resampler.maxOutput(in.length) + 8192];
        for (int off = 0; off < n; off += in.length) {
            int len = Math.min(in.length, n - off);
            for (int i = 0; i < len; i++) {
                in[i] = pcm[off + i] / 32768f;
            }
            frames.accept(out, resampler.process(in, len, out));
        }
        frames.accept(out, resampler.flush(out));
        FrameTrack track = frames.finish();
        VoiceActivity activity = new VoiceActivityDetector(settings.vad()).detect(track);
        return new ProsodyExtractor(track, activity, settings.vad()).span(start, end, words);
    }

    /**
     * Emotion of a speaker's latest utterance, judged against the utterances before it.
     *
     * @param bySpeakerSoFar the speaker's utterances in the call so far, oldest first, the latest
     *     last
     */
    public EmotionEstimate latest(List<Prosody> bySpeakerSoFar) {
        if (bySpeakerSoFar.isEmpty()) {
            throw new IllegalArgumentException("no utterance to estimate");
        }
        List<EmotionEstimate> all = estimator.estimate(bySpeakerSoFar);
        return all.get(all.size() - 1);
    }

    /**
     * The call's features from its utterances alone, once it has ended: per-speaker emotion
     * summaries and, when both {@code agent} and {@code customer} spoke, turn-taking from the
     * utterance times. There are no per-channel summaries, since the channel audio is gone.
     *
     * @param source the call, for reports
     * @param durationS how long the call lasted, seconds
     * @param utterances every utterance with its measures, in any order
     */
    public CallFeatures callFeatures(
            String source, double durationS, List<UtteranceFeatures> utterances) {
        return callFeatures(
                source,
                durationS,
                utterances,
                Map.of(
                        "agent", segments(utterances, "agent"),
                        "customer", segments(utterances, "customer")));
    }

    /**
     * As {@link #callFeatures(String, double, List)}, with who spoke when given apart: a live call
     * whose audio came too late for some utterances has no measures for them, but they were still
     * spoken, so the turn-taking (dead air, overtalk) must come from every utterance, not from the
     * measured ones alone.
     *
     * @param utterances the utterances that have measures, in any order
     * @param speech per speaker ({@code agent}, {@code customer}), when each of their utterances
     *     was spoken
     */
    public CallFeatures callFeatures(
            String source,
            double durationS,
            List<UtteranceFeatures> utterances,
            Map<String, List<SpeechSegment>> speech) {
        List<UtteranceFeatures> sorted = new ArrayList<>(utterances);
        sorted.sort(
                (a, b) ->
                        a.start() != b.start()
                                ? Double.compare(a.start(), b.start())
                                : a.speaker().compareTo(b.speaker()));
        Map<String, EmotionSummary> emotion = new LinkedHashMap<>();
        for (UtteranceFeatures u : sorted) {
            emotion.computeIfAbsent(u.speaker(), s -> CallAnalyzer.summarize(sorted, s));
        }
        ConversationDynamics dynamics = null;
        List<SpeechSegment> agent = speech.getOrDefault("agent", List.of());
        List<SpeechSegment> customer = speech.getOrDefault("customer", List.of());
        if (!agent.isEmpty() && !customer.isEmpty()) {
            dynamics =
                    ConversationDynamics.measure(
                            sorted(agent), sorted(customer), durationS, settings.dynamics());
        }
        return new CallFeatures(source, null, durationS, Map.of(), dynamics, sorted, emotion);
    }

    private static List<SpeechSegment> sorted(List<SpeechSegment> segments) {
        List<SpeechSegment> out = new ArrayList<>(segments);
        out.sort((a, b) -> Double.compare(a.start(), b.start()));
        return out;
    }

    private static List<SpeechSegment> segments(List<UtteranceFeatures> us, String speaker) {
        List<SpeechSegment> out = new ArrayList<>();
        for (UtteranceFeatures u : us) {
            if (u.speaker().equals(speaker) && u.end() > u.start()) {
                out.add(new SpeechSegment(u.start(), u.end()));
            }
        }
        return out;
    }
}
