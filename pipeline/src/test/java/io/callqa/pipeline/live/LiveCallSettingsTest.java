package io.callqa.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callqa.pipeline.PipelineOptions;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class LiveCallSettingsTest {

    @Test
    void readsTheLiveOptionsWithTheirDefaults() {
        Configuration conf = new Configuration();
        assertThat(PipelineOptions.liveCallSettings(conf)).isEqualTo(LiveCallSettings.DEFAULTS);
        conf.setString("live.idle-timeout", "5 s");
        conf.setString("live.max-pending-chunks", "8");
        conf.setString("live.audio-wait", "500 ms");
        LiveCallSettings s = PipelineOptions.liveCallSettings(conf);
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.maxPendingChunks()).isEqualTo(8);
        assertThat(s.audioWait()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesSettingsThatWouldBreakTheStream() {
        assertThatThrownBy(
                        () ->
                                new LiveCallSettings(
                                        Duration.ZERO,
                                        Duration.ofSeconds(1),
                                        5,
                                        Duration.ZERO,
                                        Duration.ofSeconds(1)))
                .hasMessage("idle timeout must be positive, got PT0S");
        assertThatThrownBy(
                        () ->
                                new LiveCallSettings(
                                        Duration.ofSeconds(1),
                                        Duration.ofSeconds(1),
                                        0,
                                        Duration.ZERO,
                                        Duration.ofSeconds(1)))
                .hasMessage("max pending chunks must be at least 1, got 0");
        assertThatThrownBy(
                        () ->
                                new LiveCallSettings(
                                        Duration.ofSeconds(1),
                                        Duration.ofSeconds(1),
                                        5,
                                        Duration.ZERO,
                                        Duration.ZERO))
                .hasMessage("audio wait must be positive, got PT0S");
    }
}
