package io.callqa.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrainingCorpusTest {

    private static TrainingCorpus read(String jsonl) throws Exception {
        return TrainingCorpus.read(new StringReader(jsonl), "data.jsonl");
    }

    @Test
    void readsExamplesAndSkipsBlankLines() throws Exception {
        TrainingCorpus c =
                read(
                        "{\"text\":\"where is my parcel\",\"label\":\"shipping\",\"lang\":\"en\"}\n"
                                + "\n"
                                + "{\"text\":\"환불해 주세요\",\"label\":\"refund\",\"lang\":\"ko\"}\n");
        assertThat(c.examples())
                .containsExactly(
                        new TrainingExample("where is my parcel", "shipping", "en"),
                        new TrainingExample("환불해 주세요", "refund", "ko"));
        assertThat(c.labels()).containsExactly("shipping", "refund");
    }

    @Test
    void badLinesNameTheFileTheLineAndTheProblem() {
        String ok = "{\"text\":\"a\",\"label\":\"refund\",\"lang\":\"en\"}\n";
        assertThatThrownBy(() -> read(ok + "{\"text\":\"b\",\"label\":\"refund\"\n"))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageStartingWith("data.jsonl:2: not valid JSON");
        assertThatThrownBy(() -> read(ok + "{\"text\":\"b\",\"label\":\"billing\"}\n"))
                .hasMessage("data.jsonl:2: missing \"lang\"");
        assertThatThrownBy(
                        () -> read(ok + "{\"text\":\"b\",\"label\":\"billing\",\"lang\":\"fr\"}"))
                .hasMessage("data.jsonl:2: \"lang\" must be \"en\" or \"ko\", got \"fr\"");
        assertThatThrownBy(
                        () -> read(ok + "{\"text\":\" \",\"label\":\"billing\",\"lang\":\"en\"}"))
                .hasMessage("data.jsonl:2: \"text\" is empty");
        assertThatThrownBy(
                        () -> read(ok + "{\"text\":\"b\",\"label\":\"Billing!\",\"lang\":\"en\"}"))
                .hasMessageStartingWith("data.jsonl:2: \"label\" must be lower-case");
        assertThatThrownBy(() -> read(ok + "[1,2]"))
                .hasMessage("data.jsonl:2: expected a JSON object");
        assertThatThrownBy(() -> read(ok + "{\"text\":7,\"label\":\"billing\",\"lang\":\"en\"}"))
                .hasMessage("data.jsonl:2: \"text\" must be a string");
        assertThatThrownBy(() -> read(ok)).hasMessageContaining("need at least two labels");
        assertThatThrownBy(() -> read("\n"))
                .hasMessage("data.jsonl:1: no training examples in the file");
    }

    @Test
    void theHeldOutSplitIsAboutAFifthAndFixedByTheText() {
        TrainingCorpus c = TrainingCorpus.shipped();
        double share = (double) c.heldOut().size() / c.examples().size();
        assertThat(share).isBetween(0.15, 0.25);
        TrainingExample e = c.heldOut().get(0);
        assertThat(new TrainingExample(e.text(), "other", "en").heldOut()).isTrue();
        assertThat(c.training()).doesNotContainAnyElementsOf(c.heldOut());
    }

    @Test
    void theShippedCorpusHasEnoughDistinctExamplesPerCategoryAndLanguage() {
        List<TrainingExample> all = TrainingCorpus.shipped().examples();
        Map<String, Long> counts =
                all.stream()
                        .collect(
                                Collectors.groupingBy(
                                        e -> e.lang() + "/" + e.label(), Collectors.counting()));
        assertThat(counts).hasSize(8);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(300));
        Set<String> normalised = new HashSet<>();
        for (TrainingExample e : all) {
            assertThat(normalised.add(String.join(" ", TextFeatures.words(e.text()))))
                    .as("duplicate: %s", e.text())
                    .isTrue();
        }
    }
}
