package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code callqa demo}'s usage errors, found before anything is started or contacted. */
class DemoCommandTest {

    @Test
    void liveOptionsWithoutLiveSayToAddIt() {
        Invocation r = Invocation.run("demo", "--speed", "4", "--exit");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--kafka and --speed go with --live; add --live.");
        Invocation k = Invocation.run("demo", "--kafka", "localhost:1", "--exit");
        assertThat(k.exit()).isEqualTo(2);
        assertThat(k.err()).contains("add --live");
    }

    @Test
    void aSpeedOutOfRangeIsRefusedWithTheValue() {
        for (String bad : new String[] {"0", "-2", "101", "NaN"}) {
            Invocation r = Invocation.run("demo", "--live", "--speed", bad, "--exit");
            assertThat(r.exit()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).contains("--speed must be more than 0 and at most 100");
        }
    }
}
