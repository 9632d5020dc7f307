package io.callqa.audio;

import io.callqa.audio.dynamics.DynamicsSettings;
import java.util.List;

/**
 * Everything that tunes feature extraction.
 *
 * @param channels speaker name of each channel in order; a stereo call defaults to {@code agent}
 *     (left) and {@code customer} (right), a mono call to one mixed speaker {@code mixed}. A list
 *     of the wrong length for the file is refused when the file is opened
 * @param pitch pitch tracking
 * @param vad voice activity
 * @param dynamics turn-taking thresholds
 * @param reference population reference for arousal
 */
public record FeatureSettings(
        List<String> channels,
        PitchSettings pitch,
        VadSettings vad,
        DynamicsSettings dynamics,
        EmotionReference reference) {

    /** Stereo default speaker names. */
    public static final List<String> STEREO = List.of("agent", "customer");

    /** Mono default speaker name. */
    public static final List<String> MONO = List.of("mixed");

    /** Defaults throughout; channel names chosen from the file's channel count. */
    public static final FeatureSettings DEFAULTS =
            new FeatureSettings(
                    List.of(),
                    PitchSettings.DEFAULTS,
                    VadSettings.DEFAULTS,
                    DynamicsSettings.DEFAULTS,
                    EmotionReference.LITERATURE);

    /** Copies the list; an empty list means "default for the channel count". */
    public FeatureSettings {
        channels = List.copyOf(channels);
    }

    /** These settings with other channel names. */
    public FeatureSettings withChannels(List<String> names) {
        return new FeatureSettings(names, pitch, vad, dynamics, reference);
    }

    /** These settings with another pitch configuration. */
    public FeatureSettings withPitch(PitchSettings p) {
        return new FeatureSettings(channels, p, vad, dynamics, reference);
    }

    /** Channel names for a file with {@code count} channels. */
    List<String> namesFor(int count) {
        if (!channels.isEmpty()) {
            return channels;
        }
        return count == 1 ? MONO : STEREO;
    }
}
