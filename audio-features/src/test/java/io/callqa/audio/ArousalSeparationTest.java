package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArousalSeparationTest {

    @Test
    void knownSeparations() {
        assertThat(ArousalSeparation.auc(List.of(2.0, 3.0), List.of(0.0, 1.0))).isEqualTo(1.0);
        assertThat(ArousalSeparation.auc(List.of(0.0, 1.0), List.of(2.0, 3.0))).isEqualTo(0.0);
        assertThat(ArousalSeparation.auc(List.of(1.0, 1.0), List.of(1.0))).isEqualTo(0.5);
        // 1 beats 0 and ties 1; 3 beats both: (1 + 0.5 + 2) / 4.
        assertThat(ArousalSeparation.auc(List.of(1.0, 3.0), List.of(0.0, 1.0)))
                .isCloseTo(0.875, offset(1e-12));
    }

    @Test
    void unmeasurableScoresAreLeftOut() {
        assertThat(ArousalSeparation.auc(List.of(2.0, Double.NaN), List.of(1.0, Double.NaN)))
                .isEqualTo(1.0);
        assertThat(ArousalSeparation.auc(List.of(Double.NaN), List.of(1.0))).isNaN();
        assertThat(ArousalSeparation.auc(List.of(), List.of())).isNaN();
    }
}
