package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchProgressTest {

    @Test
    void longRunInHours() {
        assertThat(BatchProgress.format(120, 500, 3.4 * 3600, 0, 30))
                .isEqualTo("callqa: 120/500 files, 3.4 h audio, 408x real time, 0 errors");
    }

    @Test
    void shortRunInMinutesAndSeconds() {
        assertThat(BatchProgress.format(18, 18, 14.6 * 60, 1, 9.2))
                .isEqualTo("callqa: 18/18 files, 15 min audio, 95x real time, 1 error");
        assertThat(BatchProgress.format(1, 3, 42, 2, 12))
                .isEqualTo("callqa: 1/3 files, 42 s audio, 3.5x real time, 2 errors");
    }

    @Test
    void nothingDoneYetHasNoSpeed() {
        assertThat(BatchProgress.format(0, 500, 0, 0, 4))
                .isEqualTo("callqa: 0/500 files, 0 s audio, 0 errors");
        assertThat(BatchProgress.format(2, 500, 60, 0, 0))
                .isEqualTo("callqa: 2/500 files, 1 min audio, 0 errors");
    }

    @Test
    void unknownTotal() {
        assertThat(BatchProgress.format(7, -1, 3600, 0, 3600))
                .isEqualTo("callqa: 7 files, 1.0 h audio, 1.0x real time, 0 errors");
    }

    @Test
    void intervalMustBePositive() {
        PrintWriter out = new PrintWriter(new StringWriter());
        assertThatThrownBy(() -> new BatchProgress(1, out, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("progress interval must be at least 1 ms, was PT0S");
    }
}
