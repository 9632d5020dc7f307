/**
 * Audio analysis for callqa: decoding, voice activity, prosody (pitch, energy, speaking rate,
 * pauses), conversation dynamics and emotion. Plain Java with TarsosDSP; no Flink types.
 */
package io.callqa.audio;
