package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameAnalyzerTest {

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
