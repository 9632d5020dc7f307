package io.callqa.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordErrorRateTest {

    @Test
    void countsSubstitutionsDeletionsAndInsertionsOverReferenceWords() {
        WordErrorRate wer = new WordErrorRate();
        // "sent" for "send" (substitution), "it" dropped (deletion), "uh" added (insertion).
        wer.add("I want to send it back.", "uh I want to sent back");
        assertThat(wer.referenceWords()).isEqualTo(6);
        assertThat(wer.rate()).isEqualTo(3.0 / 6);
    }

    @Test
    void ignoresCaseAndPunctuationAndPoolsPairs() {
        WordErrorRate wer = new WordErrorRate();
        wer.add("Hi, I'm calling about my REFUND.", "hi im calling about my refund");
        wer.add("환불해 주세요", "환불해 주세요");
        assertThat(wer.rate()).isZero();
        assertThat(wer.referenceWords()).isEqualTo(8);
    }

    @Test
    void noReferenceWordsIsNotARate() {
        assertThat(new WordErrorRate().rate()).isNaN();
    }
}
