package io.callqa.rules.acts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callqa.rules.classify.TrainingDataException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActCorpusTest {

    private static final ActCorpus SHIPPED = ActCorpus.shipped();

    @Test
    void everyActHasAtLeast150ExamplesPerLanguageInBothStyles() {
        for (String lang : List.of("en", "ko")) {
            for (DialogueAct act : DialogueAct.values()) {
                List<ActExample> of =
                        SHIPPED.examples().stream()
                                .filter(e -> e.lang().equals(lang) && e.has(act))
                                .toList();
                assertThat(of).as(act + " " + lang).hasSizeGreaterThanOrEqualTo(150);
                assertThat(of.stream().filter(e -> e.style().equals("asr")).count())
                        .as(act + " " + lang + " recognizer-style")
                        .isGreaterThanOrEqualTo(50);
                assertThat(of.stream().filter(e -> e.style().equals("clean")).count())
                        .as(act + " " + lang + " written")
                        .isGreaterThanOrEqualTo(50);
            }
        }
    }

    @Test
    void aSeedNeverStraddlesTheSplit() {
        Map<String, Boolean> split = new HashMap<>();
        for (ActExample e : SHIPPED.examples()) {
            Boolean before = split.putIfAbsent(e.template(), e.heldOut());
            assertThat(before == null || before == e.heldOut()).as(e.template()).isTrue();
        }
        double share = (double) SHIPPED.heldOut().size() / SHIPPED.examples().size();
        assertThat(share).isBetween(0.12, 0.28);
    }

    @Test
    void theCorpusHasNoSampleCallCompany() {
        for (ActExample e : SHIPPED.examples()) {
            String t = e.text().toLowerCase(Locale.ROOT);
            assertThat(t).doesNotContain("acme", "애크미");
        }
    }

    @Test
    void theCorpusHasNoDuplicateLines() {
        Set<String> seen = new HashSet<>();
        long duplicates =
                SHIPPED.examples().stream()
                        .filter(e -> !seen.add(e.lang() + "|" + e.text()))
                        .count();
        assertThat(duplicates).isLessThan(SHIPPED.examples().size() / 50);
    }

    @Test
    void aGoodLineIsRead() throws Exception {
        ActCorpus c =
                ActCorpus.read(
                        new StringReader(
                                "{\"text\":\"hi, this is Sam\",\"acts\":[\"greeting\","
                                        + "\"self-introduction\"],\"lang\":\"en\",\"style\":"
                                        + "\"clean\",\"template\":\"t1\",\"split\":\"test\"}\n\n"),
                        "x.jsonl");
        assertThat(c.examples()).hasSize(1);
        ActExample e = c.examples().get(0);
        assertThat(e.acts())
                .containsExactlyInAnyOrder(DialogueAct.GREETING, DialogueAct.SELF_INTRODUCTION);
        assertThat(e.heldOut()).isTrue();
        assertThat(c.training()).isEmpty();
    }

    @Test
    void badLinesAreNamedWithTheirProblem() {
        String good =
                "{\"text\":\"bye\",\"acts\":[\"farewell\"],\"lang\":\"en\",\"style\":\"asr\","
                        + "\"template\":\"t\",\"split\":\"train\"}\n";
        assertProblem(good + "not json\n", "x.jsonl:2: not valid JSON");
        assertProblem(good.replace("farewell", "goodbye"), "x.jsonl:1: unknown dialogue act");
        assertProblem(good.replace("\"en\"", "\"fr\""), "\"lang\" must be");
        assertProblem(good.replace("\"asr\"", "\"typed\""), "\"style\" must be");
        assertProblem(good.replace("\"train\"", "\"dev\""), "\"split\" must be");
        assertProblem(good.replace("[\"farewell\"]", "[]"), "\"acts\" must be a non-empty array");
        assertProblem(
                good.replace("[\"farewell\"]", "[\"farewell\",\"other\"]"),
                "\"other\" cannot be combined");
        assertProblem(good.replace("\"text\":\"bye\",", ""), "missing \"text\"");
        assertProblem("\n\n", "no examples");
    }

    private static void assertProblem(String jsonl, String message) {
        assertThatThrownBy(() -> ActCorpus.read(new StringReader(jsonl), "x.jsonl"))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining(message);
    }
}
