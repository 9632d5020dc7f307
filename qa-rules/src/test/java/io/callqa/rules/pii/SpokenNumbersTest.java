package io.callqa.rules.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.rules.pii.SpokenNumbers.Kind;
import org.junit.jupiter.api.Test;

class SpokenNumbersTest {

    @Test
    void englishDigitWordsHomophonesAndGroups() {
        assertThat(SpokenNumbers.read("oh").digits()).isEqualTo("0");
        assertThat(SpokenNumbers.read("nine").kind()).isEqualTo(Kind.DIGITS);
        assertThat(SpokenNumbers.read("for").kind()).isEqualTo(Kind.WEAK);
        assertThat(SpokenNumbers.read("for").digits()).isEqualTo("4");
        assertThat(SpokenNumbers.read("won").digits()).isEqualTo("1");
        assertThat(SpokenNumbers.read("ate").digits()).isEqualTo("8");
        assertThat(SpokenNumbers.read("forty").kind()).isEqualTo(Kind.TENS);
        assertThat(SpokenNumbers.read("nineteen").digits()).isEqualTo("19");
        assertThat(SpokenNumbers.read("double").kind()).isEqualTo(Kind.REPEAT);
        assertThat(SpokenNumbers.read("hello").kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void writtenAndFullWidthDigits() {
        assertThat(SpokenNumbers.read("4111").digits()).isEqualTo("4111");
        assertThat(SpokenNumbers.read("４１１１").digits()).isEqualTo("4111");
    }

    @Test
    void koreanDigitsNumeralsAndEndings() {
        assertThat(SpokenNumbers.read("공일공").digits()).isEqualTo("010");
        assertThat(SpokenNumbers.read("영").digits()).isEqualTo("0");
        assertThat(SpokenNumbers.read("오육칠팔이에요").digits()).isEqualTo("5678");
        assertThat(SpokenNumbers.read("일이삼에").digits()).isEqualTo("123");
        assertThat(SpokenNumbers.read("사십오").digits()).isEqualTo("45");
        SpokenNumbers.Reading man = SpokenNumbers.read("사만");
        assertThat(man.digits()).isEqualTo("40000");
        assertThat(man.quantity()).isTrue();
        assertThat(SpokenNumbers.read("셋").kind()).isEqualTo(Kind.WEAK);
        SpokenNumbers.Reading year = SpokenNumbers.read("구십이년");
        assertThat(year.kind()).isEqualTo(Kind.DATE_PART);
        assertThat(year.digits()).isEqualTo("92");
        assertThat(SpokenNumbers.read("칠월").digits()).isEqualTo("07");
        assertThat(SpokenNumbers.read("감사합니다").kind()).isEqualTo(Kind.NONE);
    }
}
