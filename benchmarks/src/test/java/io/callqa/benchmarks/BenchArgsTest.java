package io.callqa.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchArgsTest {

    private static final List<String> ACCEPTED = List.of("--copies", "--out");

    @Test
    void readsValuesAndFallsBackToDefaults() {
        BenchArgs a = new BenchArgs(new String[] {"--copies", " 7 "}, ACCEPTED);
        assertThat(a.count("--copies", 15, 1)).isEqualTo(7);
        assertThat(a.path("--out", "x.json")).isEqualTo(Path.of("x.json"));
    }

    @Test
    void messagesSayWhatToFix() {
        assertThatThrownBy(() -> new BenchArgs(new String[] {"--copy", "3"}, ACCEPTED))
                .hasMessage("unknown option '--copy'; the options are [--copies, --out]");
        assertThatThrownBy(() -> new BenchArgs(new String[] {"--out"}, ACCEPTED))
                .hasMessage("--out needs a value");
        assertThatThrownBy(
                        () ->
                                new BenchArgs(new String[] {"--copies", "many"}, ACCEPTED)
                                        .count("--copies", 15, 1))
                .hasMessage("--copies: expected a whole number, got 'many'");
        assertThatThrownBy(
                        () ->
                                new BenchArgs(new String[] {"--copies", "0"}, ACCEPTED)
                                        .count("--copies", 15, 1))
                .hasMessage("--copies: must be at least 1, got 0");
    }
}
