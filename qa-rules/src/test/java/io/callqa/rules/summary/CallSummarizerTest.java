package io.callqa.rules.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.rules.pii.PiiRedactor;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CallSummarizerTest {

    private static CallTranscript sample(String id) throws Exception {
        CallTranscript raw = new TranscriptReader().read(Path.of("../samples/" + id + ".json"));
        return new PiiRedactor().redact(raw).transcript();
    }

    @Test
    void summarizesReasonActionOutcomeAndNextStepInEnglish() throws Exception {
        CallSummary s = new CallSummarizer().summarize(sample("s-en-shipping-02"));
        assertThat(s.reason())
                .isEqualTo("My order was due on Tuesday, and it still says processing.");
        assertThat(s.nextStep()).isEqualTo("It ships today, and you'll have it by Friday.");
        assertThat(s.text()).startsWith("Reason: My order was due").contains("Next step: ");
        assertThat(s.keywords()).contains("order", "hold").doesNotContain("helen", "jordan", "the");
    }

    @Test
    void summarizesInKorean() throws Exception {
        CallSummary s = new CallSummarizer().summarize(sample("s-ko-shipping-01"));
        assertThat(s.reason()).isEqualTo("월요일에 주문한 전자레인지가 아직 배송이 안 돼서요.");
        assertThat(s.action()).isEqualTo("내일 오전에 배송될 예정입니다.");
        assertThat(s.text()).startsWith("문의: ").contains("조치: ");
        assertThat(s.keywords()).contains("배송").doesNotContain("김수진");
    }

    @Test
    void isDeterministicAndUsesRedactedText() throws Exception {
        CallTranscript call = sample("s-en-billing-01");
        CallSummary first = new CallSummarizer().summarize(call);
        for (int i = 0; i < 5; i++) {
            assertThat(new CallSummarizer().summarize(call)).isEqualTo(first);
        }
        assertThat(first.text()).doesNotContain("four one one one");
        assertThat(String.join(" ", first.keywords())).doesNotContain("one");
    }
}
