package io.callqa.audio;

import io.callqa.audio.dynamics.ConversationDynamics;
import io.callqa.audio.dynamics.SpeechSegment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extracts {@link CallFeatures} from a recording: decodes it block by block, measures every
 * channel's frames, finds speech, measures prosody per utterance and per channel, estimates arousal
 * and feeds the speech timings to {@link ConversationDynamics}.
 *
 * <p>Memory: constant decoding buffers (~100 kB) plus each channel's {@link FrameTrack}, 1.7 kB per
 * channel per second of audio. A 2-hour stereo call therefore holds about 25 MB of frame data (plus
 * the per-utterance results, a few hundred bytes each), independent of its sample rate or encoding.
 * The analyser is not thread-safe: use one per call.
 */
public final class CallAnalyzer {
    private final FeatureSettings settings;

    /** An analyser with the given settings. */
    public CallAnalyzer(FeatureSettings settings) {
        this.settings = settings;
    }

    /** Analyses a WAV file without a transcript. */
    public CallFeatures analyze(Path wav) throws IOException {
        return analyze(wav, List.of());
    }

    /** Analyses a WAV file; utterances come from {@code transcript} unless it is empty. */
    public CallFeatures analyze(Path wav, List<TimedUtterance> transcript) throws IOException {
        try (AudioSource source = WavDecoder.open(wav)) {
            return analyze(source, transcript);
        }
    }

    /**
     * Analyses an open source (which the caller closes).
     *
     * @param transcript utterance timings; when empty, voice activity supplies the utterances
     * @throws AudioFormatException when the audio is unreadable, or the channel names or the
     *     transcript's speakers do not fit the file
     */
    public CallFeatures analyze(AudioSource source, List<TimedUtterance> transcript)
            throws IOException {
        String name = source.name();
        int channels = source.channels();
        List<String> names = settings.namesFor(channels);
        if (names.size() != channels) {
            throw new AudioFormatException(
                    name,
                    "the file has "
                            + channels
                            + (channels == 1 ? " channel" : " channels")
                            + " but "
                            + names.size()
                            + " channel names were given ("
                            + String.join(",", names)
                            + ")");
        }
        long expected =
                source.format().frames() * AudioSource.ANALYSIS_RATE / source.format().sampleRate();
        FrameAnalyzer[] analyzers = new FrameAnalyzer[channels];
        for (int c = 0; c < channels; c++) {
            analyzers[c] = new FrameAnalyzer(name, settings.pitch(), settings.vad(), expected);
        }
        float[][] block = new float[channels][source.blockCapacity()];
        int n;
        while ((n = source.read(block)) >= 0) {
            for (int c = 0; c < channels; c++) {
                analyzers[c].accept(block[c], n);
            }
        }

        VoiceActivityDetector vad = new VoiceActivityDetector(settings.vad());
        Map<String, ProsodyExtractor> extractors = new LinkedHashMap<>();
        Map<String, ChannelFeatures> channelFeatures = new LinkedHashMap<>();
        Map<String, VoiceActivity> activities = new HashMap<>();
        double duration = 0;
        long[] bytes = new long[channels];
        for (int c = 0; c < channels; c++) {
            FrameTrack track = analyzers[c].finish();
            bytes[c] = track.retainedBytes();
            duration = Math.max(duration, track.durationS());
            VoiceActivity activity = vad.detect(track);
            activities.put(names.get(c), activity);
            extractors.put(names.get(c), new ProsodyExtractor(track, activity, settings.vad()));
        }

        List<TimedUtterance> spans = new ArrayList<>();
        if (transcript.isEmpty()) {
            for (String speaker : names) {
                for (SpeechSegment s : activities.get(speaker).utterances()) {
                    spans.add(new TimedUtterance(speaker, s.start(), s.end(), -1));
                }
            }
        } else {
            for (TimedUtterance u : transcript) {
                if (channels > 1 && !extractors.containsKey(u.speaker())) {
                    throw new AudioFormatException(
                            name,
                            "the transcript has speaker '"
                                    + u.speaker()
                                    + "' but the channels are "
                                    + String.join(",", names));
                }
                spans.add(u);
            }
        }
        spans.sort(Comparator.comparingDouble(TimedUtterance::start));

        Map<String, List<Integer>> bySpeaker = new LinkedHashMap<>();
        List<Prosody> prosody = new ArrayList<>();
        Map<String, Integer> words = new HashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            TimedUtterance u = spans.get(i);
            String channel = channelOf(u.speaker(), names);
            prosody.add(extractors.get(channel).span(u.start(), u.end(), u.words()));
            bySpeaker.computeIfAbsent(u.speaker(), k -> new ArrayList<>()).add(i);
            if (u.words() >= 0) {
                words.merge(channel, u.words(), Integer::sum);
            }
        }
        for (int c = 0; c < channels; c++) {
            String speaker = names.get(c);
            channelFeatures.put(
                    speaker,
                    new ChannelFeatures(
                            speaker,
                            extractors.get(speaker).channel(words.getOrDefault(speaker, -1)),
                            activities.get(speaker),
                            bytes[c]));
        }

        EmotionEstimator estimator = new EmotionEstimator(settings.reference());
        EmotionEstimate[] estimates = new EmotionEstimate[spans.size()];
        Map<String, EmotionSummary> emotion = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : bySpeaker.entrySet()) {
            List<Prosody> mine = new ArrayList<>();
            for (int i : e.getValue()) {
                mine.add(prosody.get(i));
            }
            List<EmotionEstimate> est = estimator.estimate(mine);
            for (int k = 0; k < est.size(); k++) {
                estimates[e.getValue().get(k)] = est.get(k);
            }
        }
        List<UtteranceFeatures> utterances = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            TimedUtterance u = spans.get(i);
            utterances.add(
                    new UtteranceFeatures(
                            u.speaker(), u.start(), u.end(), prosody.get(i), estimates[i]));
        }
        for (String speaker : bySpeaker.keySet()) {
            emotion.put(speaker, summarize(utterances, speaker));
        }

        ConversationDynamics dynamics = null;
        if (names.contains("agent") && names.contains("customer")) {
            dynamics =
                    ConversationDynamics.measure(
                            segments(utterances, "agent"),
                            segments(utterances, "customer"),
                            duration,
                            settings.dynamics());
        }
        return new CallFeatures(
                name, source.format(), duration, channelFeatures, dynamics, utterances, emotion);
    }

    private static String channelOf(String speaker, List<String> names) {
        // A mono recording holds every speaker of the transcript on its one channel.
        return names.contains(speaker) ? speaker : names.get(0);
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

    static EmotionSummary summarize(List<UtteranceFeatures> all, String speaker) {
        List<EmotionSummary.Point> timeline = new ArrayList<>();
        Map<Emotion, Integer> counts = new EnumMap<>(Emotion.class);
        double peak = Double.NaN;
        double peakAt = Double.NaN;
        List<Double> arousal = new ArrayList<>();
        for (UtteranceFeatures u : all) {
            if (!u.speaker().equals(speaker)) {
                continue;
            }
            EmotionEstimate e = u.emotion();
            timeline.add(new EmotionSummary.Point(u.start(), u.end(), e.arousal(), e.emotion()));
            counts.merge(e.emotion(), 1, Integer::sum);
            if (Double.isFinite(e.arousal())) {
                arousal.add(e.arousal());
                if (!(e.arousal() <= peak)) {
                    peak = e.arousal();
                    peakAt = u.start();
                }
            }
        }
        Emotion dominant =
                counts.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey)
                        .orElse(Emotion.NEUTRAL);
        String trend = "steady";
        if (arousal.size() >= 2) {
            int third = Math.max(1, arousal.size() / 3);
            double first =
                    arousal.subList(0, third).stream().mapToDouble(d -> d).average().orElse(0);
            double last =
                    arousal.subList(arousal.size() - third, arousal.size()).stream()
                            .mapToDouble(d -> d)
                            .average()
                            .orElse(0);
            // Half a standard deviation of change is a noticeable shift in voice.
            if (last - first >= 0.5) {
                trend = "angrier";
            } else if (first - last >= 0.5) {
                trend = "calmer";
            }
        }
        return new EmotionSummary(timeline, dominant, peak, peakAt, trend);
    }
}
