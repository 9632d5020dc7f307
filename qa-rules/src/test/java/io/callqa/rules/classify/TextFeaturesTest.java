package io.callqa.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    @Test
    void wordsAreLowerCasedWithoutSpeakerTagsPunctuationOrDigits() {
        assertThat(TextFeatures.words("Customer: Where's order #4410?"))
                .containsExactly("wheres", "order", "0");
        assertThat(TextFeatures.words("상담원: 환불 처리됐습니다.")).containsExactly("환불", "처리됐습니다");
    }

    @Test
    void koreanSpellingsOfOneRequestShareTheStem() {
        Set<String> a = TextFeatures.of("환불해 주세요", "ko");
        Set<String> b = TextFeatures.of("환불좀", "ko");
        Set<String> c = TextFeatures.of("환불 요청", "ko");
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        shared.retainAll(c);
        assertThat(shared).contains("c=<환불", "c=환불", "j=환불");
    }

    @Test
    void koreanSpacingDoesNotChangeTheJoinedGrams() {
        Set<String> spaced = TextFeatures.of("환불해 주세요", "ko");
        Set<String> unspaced = TextFeatures.of("환불해주세요", "ko");
        assertThat(spaced).contains("j=해주세", "j=불해주");
        assertThat(unspaced).contains("j=해주세", "j=불해주");
    }

    @Test
    void englishTyposStillShareCharacterGrams() {
        Set<String> typo = TextFeatures.of("i want a reembursement", "en");
        Set<String> right = TextFeatures.of("reimbursement please", "en");
        typo.retainAll(right);
        assertThat(typo).contains("c=burse", "c=ment>");
    }

    @Test
    void emptyTextHasNoFeatures() {
        assertThat(TextFeatures.of("  ...  ", "en")).isEmpty();
    }
}
