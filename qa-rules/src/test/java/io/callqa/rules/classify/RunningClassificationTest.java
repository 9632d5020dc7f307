package io.callqa.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningClassificationTest {

    private static final CallClassifier MODEL = CallClassifier.defaultModel();

    private static List<Utterance> call(String... lines) {
        List<Utterance> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Speaker s = i % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER;
            out.add(new Utterance(s, i * 5.0, i * 5.0 + 4, lines[i]));
        }
        return out;
    }

    @Test
    void afterEveryUtteranceItEqualsTheWholeCallClassificationSoFar() {
        for (var c :
                List.of(
                        call(
                                "thank you for calling how can I help",
                                "hi I was charged twice for my order and I want one refunded",
                                "sorry about that can I have your order number",
                                "it's four four one two",
                                "thanks you're verified I can see two payments",
                                "great thanks"),
                        call(
                                "안녕하세요 고객센터입니다",
                                "택배가 일주일째 안 와요",
                                "운송장 번호 말씀해 주세요",
                                "일 이 삼 사요",
                                "내일 배송 출발합니다"))) {
            String lang = c.get(0).text().startsWith("안녕") ? "ko" : "en";
            RunningClassification running = new RunningClassification(MODEL, lang);
            for (int i = 0; i < c.size(); i++) {
                running.add(c.get(i));
                Classification batch = MODEL.classify(c.subList(0, i + 1), lang);
                Classification live = running.current();
                assertThat(live.label()).isEqualTo(batch.label());
                for (String cat : MODEL.categories()) {
                    assertThat(live.scores().get(cat))
                            .as("%s after %d utterances", cat, i + 1)
                            .isCloseTo(batch.scores().get(cat), within(1e-9));
                }
            }
            assertThat(running.utterances()).isEqualTo(c.size());
        }
    }

    @Test
    void beforeAnyUtteranceTheCallIsTheResidualCategory() {
        Classification c = new RunningClassification(MODEL, "en").current();
        assertThat(c.label()).isEqualTo("other");
        assertThat(c.scores().values()).allSatisfy(v -> assertThat(v).isEqualTo(0.25));
    }

    @Test
    void anUnknownLanguageIsRefusedWithTheValue() {
        assertThatThrownBy(() -> new RunningClassification(MODEL, "fr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("language must be en or ko, got \"fr\"");
    }
}
