package io.callqa.audio;

/**
 * Population reference for arousal: typical values and spreads of the voice features in calm adult
 * speech, taken from the phonetics literature, not fitted to callqa's samples or evaluation data.
 *
 * @param lowVoiceF0Hz typical speaking F0 of adult men, ~120 Hz (Titze 1994, Principles of Voice
 *     Production)
 * @param highVoiceF0Hz typical speaking F0 of adult women, ~210 Hz (same source)
 * @param f0SdSt spread of habitual F0 between speakers of one register, ~2.5 semitones (Titze 1994
 *     reports SDs of ~20 Hz at 120 Hz and ~30 Hz at 210 Hz). A speaker is compared with the
 *     register whose typical F0 is nearer to their own call median (split at the geometric mean of
 *     the two, 159 Hz), so a high voice is not taken for a raised one
 * @param hfRatioDb energy above 1 kHz over energy above 200 Hz in calm telephone speech: the
 *     long-term average speech spectrum (Byrne et al. 1994, JASA 96:2108) has ~10 dB less energy
 *     above 1 kHz than in the whole band; the telephone band's 300 Hz high-pass removes about 3-4
 *     dB of the low-frequency energy, hence -6.5 dB
 * @param hfRatioSdDb spread of that ratio between speakers and lines; raised vocal effort moves it
 *     up by 5-10 dB (Pearsons, Bennett and Fidell 1977)
 * @param syllablesPerS typical conversational rate, ~4 syllables per second (Jacewicz et al. 2009,
 *     JASA 126:1301; detected nuclei undercount fast speech, so the low end is used)
 * @param syllablesSd spread of speaking rate, ~1 syllable per second
 */
public record EmotionReference(
        double lowVoiceF0Hz,
        double highVoiceF0Hz,
        double f0SdSt,
        double hfRatioDb,
        double hfRatioSdDb,
        double syllablesPerS,
        double syllablesSd) {

    /** The literature values above. */
    public static final EmotionReference LITERATURE =
            new EmotionReference(120, 210, 2.5, -6.5, 3, 4, 1);

    /** The register reference (low or high voice) nearer to a speaker's median F0. */
    public double registerF0Hz(double speakerMedianHz) {
        double split = Math.sqrt(lowVoiceF0Hz * highVoiceF0Hz);
        return speakerMedianHz < split ? lowVoiceF0Hz : highVoiceF0Hz;
    }
}
