package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameAnalyzerTest {

    /**
     * A header that claims 100 hours reserves at most an hour of frames (6 MB), not 100 hours (612
     * MB); a call that really is longer grows its track as it goes.
     */
    @Test
    void anOverstatedLengthReservesAtMostAnHour() throws AudioFormatException {
        long hundredHours = 100L * 3600 * AudioSource.ANALYSIS_RATE;
        FrameAnalyzer a =
                new FrameAnalyzer(
                        "claims-100h.wav",
                        PitchSettings.DEFAULTS,
                        VadSettings.DEFAULTS,
                        hundredHours);
        assertThat(a.reservedBytes()).isLessThanOrEqualTo(3600 * 100 * 17L);

        float[] tone = TestWavs.harmonic(150, 0.3, 1.0, 8000);
        a.accept(tone, tone.length);
        assertThat(a.finish().size()).isEqualTo(100);
    }

    /** A java.lang.Error from the DSP library becomes a typed exception naming the file. */
    @Test
    void tarsosErrorsAreRethrownWithTheFileName() {
        FrameAnalyzer a =
                new FrameAnalyzer(
                        "calls/c-9.wav",
                        PitchSettings.DEFAULTS,
                        VadSettings.DEFAULTS,
                        8000,
                        buffer -> {
                            throw new ArrayIndexOutOfBoundsException(512);
                        });
        float[] tone = TestWavs.harmonic(150, 0.3, 1.0, 8000);
        assertThatThrownBy(() -> a.accept(tone, tone.length))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith("calls/c-9.wav: pitch detection failed at 0.")
                .hasMessageContaining("ArrayIndexOutOfBoundsException");

        FrameAnalyzer b =
                new FrameAnalyzer(
                        "calls/c-10.wav",
                        PitchSettings.DEFAULTS,
                        VadSettings.DEFAULTS,
                        8000,
                        buffer -> {
                            throw new AssertionError("buffer size mismatch");
                        });
        assertThatThrownBy(() -> b.accept(tone, tone.length))
                .isInstanceOfSatisfying(
                        AudioFormatException.class,
                        e -> {
                            assertThat(e.file()).isEqualTo("calls/c-10.wav");
                            assertThat(e.getCause()).isInstanceOf(AssertionError.class);
                        });
    }
}
