package io.callqa.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierEvaluationTest {

    @Test
    void computesAccuracyMacroF1AndTheConfusionMatrix() {
        ClassifierEvaluation ev =
                ClassifierEvaluation.of(
                        List.of("a", "b"),
                        List.of("a", "a", "b", "b"),
                        List.of("a", "b", "b", "b"));
        assertThat(ev.accuracy()).isEqualTo(0.75);
        // a: P=1, R=.5, F1=2/3; b: P=2/3, R=1, F1=.8
        assertThat(ev.f1("a")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(ev.f1("b")).isCloseTo(0.8, within(1e-12));
        assertThat(ev.macroF1()).isCloseTo((2.0 / 3 + 0.8) / 2, within(1e-12));
        assertThat(ev.confusion("a", "b")).isEqualTo(1);
        assertThat(ev.confusionTable()).contains("gold\\pred", "0.800");
    }

    @Test
    void categoriesThatNeverOccurDoNotDragMacroF1Down() {
        ClassifierEvaluation ev =
                ClassifierEvaluation.of(
                        List.of("a", "b", "c"), List.of("a", "b"), List.of("a", "b"));
        assertThat(ev.macroF1()).isEqualTo(1.0);
    }
}
