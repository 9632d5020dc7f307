package io.callqa.audio;

/**
 * Features of one channel (one speaker) over the whole call.
 *
 * @param name speaker name of the channel
 * @param prosody pitch, energy, rate and pause measures over all the channel's speech
 * @param activity where the channel has speech
 * @param frameBytes memory the channel's per-frame arrays took during analysis
 */
public record ChannelFeatures(
        String name, Prosody prosody, VoiceActivity activity, long frameBytes) {}
