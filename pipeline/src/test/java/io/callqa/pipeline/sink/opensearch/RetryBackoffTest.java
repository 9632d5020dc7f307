package io.callqa.pipeline.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff =
            new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void ceilingDoublesPerAttemptUntilTheCap() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(100);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(200);
        assertThat(backoff.ceilingMillis(3)).isEqualTo(400);
        assertThat(backoff.ceilingMillis(6)).isEqualTo(3200);
        assertThat(backoff.ceilingMillis(7)).isEqualTo(5000);
        assertThat(backoff.ceilingMillis(50)).isEqualTo(5000);
        assertThat(backoff.ceilingMillis(Integer.MAX_VALUE)).isEqualTo(5000);
    }

    @Test
    void jitterKeepsTheDelayInTheUpperHalfOfTheCeiling() {
        assertThat(backoff.delayMillis(1, 0.0)).isEqualTo(50);
        assertThat(backoff.delayMillis(1, 0.999)).isEqualTo(99);
        assertThat(backoff.delayMillis(3, 0.5)).isEqualTo(300);
        assertThat(backoff.delayMillis(40, 0.0)).isEqualTo(2500);
        assertThat(backoff.delayMillis(40, 0.999)).isEqualTo(4997);
    }

    @Test
    void randomDelaysGrowAndNeverExceedTheCap() {
        long previousCeiling = 0;
        for (int attempt = 1; attempt <= 30; attempt++) {
            long ceiling = backoff.ceilingMillis(attempt);
            assertThat(ceiling).isGreaterThanOrEqualTo(previousCeiling);
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delayMillis(attempt)).isBetween(ceiling / 2, ceiling);
            }
            previousCeiling = ceiling;
        }
        assertThat(backoff.delayMillis(30)).isLessThanOrEqualTo(5000);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("at least 1 ms");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("must not be shorter than the initial backoff");
        assertThatThrownBy(() -> backoff.ceilingMillis(0)).hasMessageContaining("counts from 1");
    }
}
