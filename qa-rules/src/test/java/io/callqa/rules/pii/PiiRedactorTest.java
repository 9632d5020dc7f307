package io.callqa.rules.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {

    private final PiiRedactor redactor = new PiiRedactor();

    private static void assertNoDigitsLeft(String text) {
        assertThat(text).doesNotContainPattern("[0-9]");
        assertThat(text.toLowerCase()).doesNotContain(" one ", " four ", "five five", "one one");
    }

    @Test
    void luhnAcceptsTestCardsOnly() {
        assertThat(PiiRedactor.luhn("4111111111111111")).isTrue();
        assertThat(PiiRedactor.luhn("5500005555555559")).isTrue();
        assertThat(PiiRedactor.luhn("4111111111111112")).isFalse();
    }

    @Test
    void writtenCardNumbersAreRedacted() {
        RedactedText r = redactor.redact("my card is 4111 1111 1111 1111, expiry soon");
        assertThat(r.text()).isEqualTo("my card is [CARD], expiry soon");
        assertThat(r.types()).containsExactly(PiiType.CARD);
        assertThat(redactor.redact("card 4111-1111-1111-1111.").text()).isEqualTo("card [CARD].");
        assertThat(redactor.redact("5500005555555559").text()).isEqualTo("[CARD]");
    }

    @Test
    void spokenCardNumbersAreRedacted() {
        RedactedText r =
                redactor.redact(
                        "It's four one one one, one one one one, one one one one, one one one"
                                + " one.");
        assertThat(r.text()).isEqualTo("It's [CARD].");
        assertNoDigitsLeft(r.text());
        // "oh" for zero, and "double".
        RedactedText oh =
                redactor.redact(
                        "five five oh oh, oh oh five five, double five five five, five five five"
                                + " nine");
        assertThat(oh.text()).isEqualTo("[CARD]");
    }

    @Test
    void aCardInsideALongerRunIsStillFound() {
        RedactedText r =
                redactor.redact(
                        "oh, four one one one, one one one one, one one one one, one one one one");
        assertThat(r.text()).isEqualTo("[CARD]");
    }

    @Test
    void luhnInvalidNumbersAreNotCards() {
        RedactedText r =
                redactor.redact("four one one one one one one one one one one one one one one two");
        assertThat(r.types()).doesNotContain(PiiType.CARD);
        assertThat(redactor.redact("4111 1111 1111 1112").types()).doesNotContain(PiiType.CARD);
    }

    @Test
    void koreanSpokenDigitsAreRedacted() {
        RedactedText r = redactor.redact("카드번호 불러 드릴게요. 오 오 공 공, 공 공 오 오, 오 오 오 오, 오 오 오 구.");
        assertThat(r.text()).isEqualTo("카드번호 불러 드릴게요. [CARD].");
        assertThat(r.types()).containsExactly(PiiType.CARD);
        assertThat(redactor.redact("사일일일 일일일일 일일일일 일일일일이요").text()).isEqualTo("[CARD]");
        // 영 for zero, and a phone number read with 공.
        RedactedText phone = redactor.redact("제 번호는 공일공 일이삼사 오육칠팔이에요");
        assertThat(phone.types()).containsExactly(PiiType.PHONE);
        assertThat(phone.text()).isEqualTo("제 번호는 [PHONE]");
    }

    @Test
    void shortNumbersLikeOrderNumbersAndPostcodesStay() {
        assertThat(redactor.redact("order four eight two two nine seven").types()).isEmpty();
        assertThat(redactor.redact("Daniel Okafor, six zero six one four.").types()).isEmpty();
        assertThat(redactor.redact("이민호요. 칠 칠 삼 공 이 일.").types()).isEmpty();
        assertThat(redactor.redact("삼만 구천 원이 두 번 승인됐네요").types()).isEmpty();
    }

    @Test
    void koreanResidentRegistrationNumbers() {
        RedactedText r = redactor.redact("주민번호는 900101-1234567 입니다");
        assertThat(r.text()).isEqualTo("주민번호는 [RRN] 입니다");
        assertThat(r.types()).containsExactly(PiiType.RRN);
        RedactedText spoken = redactor.redact("주민등록번호 구 공 공 일 공 일 이 삼 사 오 육 칠 팔");
        assertThat(spoken.types()).containsExactly(PiiType.RRN);
        assertNoDigitsLeft(spoken.text());
        assertThat(spoken.text()).doesNotContain("구 공 공");
    }

    @Test
    void phonesEmailsAndSsns() {
        assertThat(redactor.redact("call me on 555-123-4567 today").text())
                .isEqualTo("call me on [PHONE] today");
        assertThat(
                        redactor.redact("it's five five five, one two three, four five six seven")
                                .text())
                .isEqualTo("it's [PHONE]");
        assertThat(redactor.redact("mail jane.doe+x@example.co.uk please").text())
                .isEqualTo("mail [EMAIL] please");
        assertThat(redactor.redact("It's emily dot carter at example dot com.").text())
                .isEqualTo("It's [EMAIL].");
        assertThat(redactor.redact("my SSN is 123-45-6789").text()).isEqualTo("my SSN is [SSN]");
    }

    @Test
    void datesOfBirthOnlyWhenIntroducedAsSuch() {
        assertThat(
                        redactor.redact("My date of birth is July twenty second, nineteen ninety.")
                                .text())
                .isEqualTo("My date of birth is [DOB].");
        assertThat(redactor.redact("It ships on July twenty second.").types()).isEmpty();
        assertThat(redactor.redact("생년월일은 구십이년 칠월 오일이요").text()).isEqualTo("생년월일은 [DOB]이요");
    }

    @Test
    void transcriptRedactionUsesTheQuestionBeforeAndDropsRawExtras() {
        var extra = JsonNodeFactory.instance.objectNode().put("card", "4111111111111111");
        CallTranscript call =
                new CallTranscript(
                        "c-1",
                        "en",
                        Optional.empty(),
                        Map.of(),
                        Map.of(),
                        List.of(
                                new Utterance(Speaker.AGENT, 0, 2, "Your name and date of birth?"),
                                new Utterance(
                                        Speaker.CUSTOMER,
                                        2,
                                        4,
                                        "Omar Haddad, ninth of May, nineteen eighty one."),
                                new Utterance(Speaker.CUSTOMER, 4, 6, "Card 4111 1111 1111 1111.")),
                        extra);
        RedactedTranscript r = redactor.redact(call);
        assertThat(r.transcript().utterances().get(1).text()).isEqualTo("Omar Haddad, [DOB].");
        assertThat(r.transcript().utterances().get(2).text()).isEqualTo("Card [CARD].");
        assertThat(r.findings())
                .containsExactly(
                        new PiiFinding(PiiType.DOB, 1, Speaker.CUSTOMER),
                        new PiiFinding(PiiType.CARD, 2, Speaker.CUSTOMER));
        assertThat(r.transcript().extra().isEmpty()).isTrue();
    }

    @Test
    void detectionWithoutRedactionKeepsTheTextAndTypesCanBeLimited() {
        PiiRedactor off =
                new PiiRedactor(new PiiRedactor.Settings(false, Set.of(PiiType.values())));
        RedactedText r = off.redact("card 4111 1111 1111 1111");
        assertThat(r.text()).isEqualTo("card 4111 1111 1111 1111");
        assertThat(r.types()).containsExactly(PiiType.CARD);
        PiiRedactor cardsOnly =
                new PiiRedactor(new PiiRedactor.Settings(true, Set.of(PiiType.CARD)));
        assertThat(cardsOnly.redact("555-123-4567").text()).isEqualTo("555-123-4567");
    }
}
