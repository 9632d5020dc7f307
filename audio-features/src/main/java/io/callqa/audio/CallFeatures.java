package io.callqa.audio;

import io.callqa.audio.dynamics.ConversationDynamics;
import java.util.List;
import java.util.Map;

/**
 * Everything callqa measures from a call's audio.
 *
 * @param source file or stream name
 * @param format the stored format; null for a live stream, which has no one file format
 * @param durationS length in seconds
 * @param channels per-channel features by speaker name, in channel order
 * @param dynamics turn-taking between {@code agent} and {@code customer}; null unless the call has
 *     both
 * @param utterances per-utterance features in time order
 * @param emotion per-speaker arousal over the call
 */
public record CallFeatures(
        String source,
        WavFormat format,
        double durationS,
        Map<String, ChannelFeatures> channels,
        ConversationDynamics dynamics,
        List<UtteranceFeatures> utterances,
        Map<String, EmotionSummary> emotion) {

    /** Makes the collections immutable (keeping channel order). */
    public CallFeatures {
        channels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(channels));
        utterances = List.copyOf(utterances);
        emotion = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(emotion));
    }
}
