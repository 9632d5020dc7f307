package io.callqa.rules.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callqa.rules.classify.TrainingDataException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bundled abuse corpus: enough of every kind per language, and bad lines named. */
class AbuseCorpusTest {

    @Test
    void everyKindHasEnoughExamplesPerLanguage() {
        Map<String, Integer> counts = new HashMap<>();
        for (AbuseExample e : AbuseCorpus.shipped().examples()) {
            String key = e.lang() + " " + e.kind().map(AbuseKind::id).orElse(e.group());
            counts.merge(key, 1, Integer::sum);
        }
        for (String lang : new String[] {"en", "ko"}) {
            for (AbuseKind k : AbuseKind.values()) {
                assertThat(counts.getOrDefault(lang + " " + k.id(), 0))
                        .as(lang + " " + k.id())
                        .isGreaterThanOrEqualTo(200);
            }
            assertThat(counts.getOrDefault(lang + " civil", 0))
                    .as(lang + " civil")
                    .isGreaterThanOrEqualTo(500);
            assertThat(counts.getOrDefault(lang + " ordinary", 0))
                    .as(lang + " ordinary")
                    .isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void bothStylesAndAHeldOutSplit() {
        AbuseCorpus c = AbuseCorpus.shipped();
        assertThat(c.examples()).anyMatch(e -> e.style().equals("asr"));
        assertThat(c.examples()).anyMatch(e -> e.style().equals("clean"));
        double share = c.heldOut().size() / (double) c.examples().size();
        assertThat(share).isBetween(0.15, 0.25);
        // Every variant of a seed stays on its seed's side.
        Map<String, Boolean> side = new HashMap<>();
        for (AbuseExample e : c.examples()) {
            Boolean before = side.putIfAbsent(e.template(), e.heldOut());
            assertThat(before == null || before == e.heldOut()).as(e.template()).isTrue();
        }
    }

    @Test
    void badLinesAreNamed() throws Exception {
        String good =
                "{\"text\":\"you moron\",\"kind\":\"insult\",\"group\":\"abuse\",\"lang\":\"en\","
                        + "\"style\":\"clean\",\"template\":\"t\",\"split\":\"train\"}\n";
        assertThat(read(good).examples().get(0).kind()).isEqualTo(Optional.of(AbuseKind.INSULT));
        assertThatThrownBy(() -> read(good + good.replace("insult", "slur")))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining(":2")
                .hasMessageContaining("slur");
        assertThatThrownBy(() -> read(good.replace("\"abuse\"", "\"civil\"")))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("group");
        assertThatThrownBy(() -> read("\n\n"))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("no examples");
    }

    private static AbuseCorpus read(String jsonl) throws Exception {
        return AbuseCorpus.read(new StringReader(jsonl), "mine.jsonl");
    }
}
