package io.callqa.pipeline.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VoskResultsTest {

    @Test
    void readsWordsWithTimingsAndConfidence() {
        String json =
                """
                {
                  "result" : [{"conf" : 1.0, "end" : 1.02, "start" : 0.6, "word" : "i"},
                              {"conf" : 0.8, "end" : 1.5, "start" : 1.02, "word" : "want"},
                              {"conf" : 0.6, "end" : 2.1, "start" : 1.5, "word" : "refund"}],
                  "text" : "i want refund"
                }
                """;
        RecognizedUtterance u = VoskResults.parse(json, 10.0).orElseThrow();
        assertThat(u.text()).isEqualTo("i want refund");
        assertThat(u.start()).isCloseTo(10.6, within(1e-9));
        assertThat(u.end()).isCloseTo(12.1, within(1e-9));
        assertThat(u.confidence()).isCloseTo(0.8, within(1e-9));
        assertThat(u.words())
                .extracting(RecognizedWord::word)
                .containsExactly("i", "want", "refund");
    }

    @Test
    void readsKoreanWords() {
        String json =
                "{\"result\":[{\"conf\":0.9,\"end\":0.8,\"start\":0.2,\"word\":\"환불\"},"
                        + "{\"conf\":0.7,\"end\":1.4,\"start\":0.8,\"word\":\"해주세요\"}],"
                        + "\"text\":\"환불 해주세요\"}";
        assertThat(VoskResults.parse(json, 0).orElseThrow().text()).isEqualTo("환불 해주세요");
    }

    @Test
    void silenceIsNoUtterance() {
        assertThat(VoskResults.parse("{\"text\" : \"\"}", 0)).isEmpty();
        assertThat(VoskResults.parse("{\"result\": [], \"text\": \"\"}", 0)).isEmpty();
    }

    @Test
    void aResultThatIsNotJsonSaysSo() {
        assertThatThrownBy(() -> VoskResults.parse("{oops", 0))
                .hasMessage("Vosk returned a result that is not JSON: {oops");
    }
}
