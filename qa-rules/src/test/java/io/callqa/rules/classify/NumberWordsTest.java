package io.callqa.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberWordsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "i paid eleven ninety nine on the twelfth | i paid 0 on the twelfth",
                "three to five working days | 0 to 0 working days",
                "two hundred and forty pounds | 0 pounds",
                "it is four nine two nine | it is 0",
                "one moment please | one moment please",
                "no one and nothing else | no one and nothing else",
                "이십구 일에 결제했어요 | 0 일에 결제했어요",
                "삼만 오천원 환불해 주세요 | 0 0원 환불해 주세요",
                "천천히 말씀해 주세요 만약 백화점이면 | 천천히 말씀해 주세요 만약 백화점이면",
                "이 일 때문에 전화했어요 | 이 일 때문에 전화했어요",
            })
    void spokenNumbersFoldAndOrdinaryWordsStay(String text, String expected) {
        assertThat(NumberWords.fold(text)).isEqualTo(expected);
    }

    @Test
    void spokenAndWrittenAmountsGiveTheSameFeatures() {
        assertThat(TextFeatures.of(NumberWords.fold("charged twenty nine pounds twice"), "en"))
                .isEqualTo(TextFeatures.of(NumberWords.fold("charged 29 pounds twice"), "en"));
    }
}
