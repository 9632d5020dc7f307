package io.callqa.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table, the JSON and the statistics behind them; nothing here runs a benchmark. */
class BenchTableTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Stats.median(List.of())).isNaN();
    }

    @Test
    void oneValuePerForkIsTheMedianOfItsIterations() {
        assertThat(Stats.medians(List.of(List.of(10.0, 30.0, 20.0), List.of(1.0, 2.0), List.of())))
                .containsExactly(20.0, 1.5);
    }

    @Test
    void numbersGetDigitsByMagnitude() {
        assertThat(Stats.format(12345.6)).isEqualTo("12,346");
        assertThat(Stats.format(777.4)).isEqualTo("777");
        assertThat(Stats.format(23.94)).isEqualTo("23.9");
        assertThat(Stats.format(2.154)).isEqualTo("2.15");
        assertThat(Stats.format(0.9584)).isEqualTo("0.958");
        assertThat(Stats.format(Double.NaN)).isEqualTo("-");
    }

    @Test
    void spreadIsMinToMaxOrSaysWhyThereIsNone() {
        Figure runs = Figure.measured("f", "x", List.of(700.0, 1298.0, 777.0, 715.0, 800.0), null);
        assertThat(runs.median()).isEqualTo(777.0);
        assertThat(BenchTable.spread(runs)).isEqualTo("700 - 1,298");
        assertThat(BenchTable.spread(Figure.exact("a", "AUC", 0.967, null)))
                .isEqualTo("deterministic");
        assertThat(BenchTable.spread(Figure.measured("one", "s", List.of(1.0), null)))
                .isEqualTo("one run");
        assertThat(BenchTable.spread(Figure.missing("m", "no model"))).isEmpty();
    }

    @Test
    void tableAlignsColumnsShowsStatusesAndListsEachNoteOnce() {
        String table =
                BenchTable.format(
                        List.of(
                                Figure.measured(
                                        "classify, one core",
                                        "utterances/s",
                                        List.of(9000.0, 11000.0, 10000.0),
                                        "how classify was measured"),
                                Figure.measured(
                                        "rules (en)", "us/call", List.of(850.0, 900.0), "how"),
                                Figure.measured("rules (ko)", "us/call", List.of(950.0), "how"),
                                Figure.missing("live latency", "not built"),
                                Figure.missing("Vosk", "no model")));
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).startsWith("figure").contains("| median ").contains("| runs");
        assertThat(lines.get(1)).matches("[- |]+");
        assertThat(lines.get(2))
                .contains("classify, one core")
                .contains("10,000")
                .contains("9,000 - 11,000")
                .contains("utterances/s")
                .endsWith("3");
        assertThat(lines.get(3)).contains("875").contains("850 - 900");
        assertThat(lines.get(5)).contains("live latency").contains("not built");
        assertThat(lines.get(6)).contains("Vosk").contains("no model");
        // Every row has its column separators at the same places as the header.
        int bar = lines.get(0).indexOf('|');
        lines.subList(0, 7).forEach(l -> assertThat(l.indexOf('|')).isEqualTo(bar));
        assertThat(table).containsOnlyOnce("  - how\n").contains("how classify was measured");
    }

    @Test
    void figuresSayWhatIsWrongWithThem() {
        assertThatThrownBy(() -> Figure.measured("x", "s", List.of(), null))
                .hasMessage(
                        "x: a figure needs at least one value, or a status saying why it has"
                                + " none");
        assertThatThrownBy(() -> Figure.measured("y", "s", List.of(1.0, Double.NaN), null))
                .hasMessage("y: every value must be a finite number, got [1.0, NaN]");
    }

    @Test
    void jsonCarriesMachineCommitAndEveryRun() {
        BenchReport.Machine m =
                new BenchReport.Machine(
                        "2026-11-21T08:00:00Z",
                        2,
                        "AMD EPYC",
                        "OpenJDK 17",
                        "Linux",
                        1.5,
                        0.5,
                        "abc");
        ObjectNode json =
                BenchReport.json(
                        List.of(
                                Figure.measured("f", "x real time", List.of(3.0, 1.0, 2.0), "n"),
                                Figure.missing("g", "dataset absent")),
                        m,
                        754.4);
        assertThat(json.path("date").asText()).isEqualTo("2026-11-21T08:00:00Z");
        assertThat(json.path("git_commit").asText()).isEqualTo("abc");
        assertThat(json.path("total_seconds").asLong()).isEqualTo(754);
        assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
        assertThat(json.at("/machine/cpu").asText()).isEqualTo("AMD EPYC");
        assertThat(json.at("/machine/load_average_start").asDouble()).isEqualTo(0.5);
        JsonNode f = json.at("/figures/0");
        assertThat(f.path("median").asDouble()).isEqualTo(2.0);
        assertThat(f.path("min").asDouble()).isEqualTo(1.0);
        assertThat(f.path("max").asDouble()).isEqualTo(3.0);
        assertThat(f.path("runs")).hasSize(3);
        assertThat(json.at("/figures/1/status").asText()).isEqualTo("dataset absent");
        assertThat(json.at("/figures/1").has("median")).isFalse();
        assertThat(BenchReport.header(m, 754.4))
                .contains("2 cores (AMD EPYC)")
                .contains("12 min 34 s");
    }

    @Test
    void jmhResultsBecomeOneRunPerFork() throws Exception {
        JsonNode jmh =
                BenchReport.JSON.readTree(
                        """
                        [{"benchmark": "io.callqa.benchmarks.RuleAnalysisBenchmark.analyze",
                          "forks": 2, "warmupIterations": 2, "measurementIterations": 3,
                          "measurementTime": "1 s", "params": {"language": "ko"},
                          "primaryMetric": {"score": 5, "scoreUnit": "us/op",
                            "rawData": [[900.0, 1000.0, 5000.0], [800.0, 700.0, 750.0]]}},
                         {"benchmark": "io.callqa.benchmarks.FeatureExtractionBenchmark.extract",
                          "forks": 1, "params": {"call": "s-en-refund-02.wav"},
                          "primaryMetric": {"rawData": [[1.0]]},
                          "secondaryMetrics": {"audioSeconds": {"rawData": [[700.0, 800.0, 900.0]]}}}]
                        """);
        List<Figure> figures = BenchReport.jmhFigures(jmh);
        // Audio kernels come first whatever order JMH ran them in.
        assertThat(figures.get(0).name()).contains("s-en-refund-02.wav");
        assertThat(figures.get(0).values()).containsExactly(800.0);
        assertThat(figures.get(0).unit()).isEqualTo("x real time");
        assertThat(figures.get(1).name())
                .isEqualTo("rules + scorecard + summary, 10-min call (ko)");
        assertThat(figures.get(1).values()).containsExactly(1000.0, 750.0);
        assertThat(figures.get(1).unit()).isEqualTo("us/call");
    }

    @Test
    void liveLinesAreReadAsFiguresOrAsNumbersWithUnitsFromTheirKeys() throws Exception {
        List<Figure> flat =
                BenchReport.liveFigures(
                        "live",
                        "{\"calls\": 50, \"latency_ms\": {\"p50\": [12, 14, 13], \"p99\": 80},"
                                + " \"broker\": \"kafka\"}");
        assertThat(flat)
                .extracting(Figure::name)
                .containsExactly("live: calls", "live: latency_ms.p50", "live: latency_ms.p99");
        assertThat(flat.get(1).unit()).isEqualTo("ms");
        assertThat(flat.get(1).median()).isEqualTo(13.0);
        assertThat(flat.get(0).unit()).isEmpty();

        List<Figure> given =
                BenchReport.liveFigures(
                        "live",
                        "{\"figures\": [{\"name\": \"heap per live call\", \"unit\": \"kB\","
                                + " \"values\": [40, 42, 41, 39, 43]}]}");
        assertThat(given).singleElement().extracting(Figure::median).isEqualTo(41.0);

        assertThat(BenchReport.liveFigures("live", "not json"))
                .singleElement()
                .extracting(Figure::status)
                .asString()
                .startsWith("failed: not a JSON line");
    }

    @Test
    void missingStepsAreReportedNotInvented(@TempDir Path dir) throws Exception {
        BenchReport.writePart(
                dir.resolve("accuracy.json"),
                List.of(Figure.missing("accuracy: Bitext", "dataset absent")));
        Files.writeString(dir.resolve("recorded.failed"), "exit 1, see logs/recorded.log");
        Files.writeString(
                dir.resolve("live-latency.json"), "starting...\n{\"heap_per_call_kb\": 12}\n");
        List<Figure> all = BenchReport.collect(dir);
        assertThat(all)
                .extracting(f -> f.name() + " = " + (f.status() != null ? f.status() : f.median()))
                .containsExactly(
                        "JMH kernels = not run",
                        "end-to-end recorded mode = failed: exit 1, see logs/recorded.log",
                        "live: heap_per_call_kb = 12.0",
                        "live mode on 60-minute calls (alert p50/p95/p99, late in the call too) ="
                                + " not built",
                        "live per-utterance analysis at the 10th and 600th utterance of a 60-min"
                                + " call = not built",
                        "accuracy: Bitext = dataset absent",
                        "Vosk = not run");
    }
}
