package io.callqa.rules.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.rules.engine.CallAnalysis;
import io.callqa.rules.engine.CallAnalyzer;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import io.callqa.rules.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Redaction over whole conversations: split numbers, both speakers, words, long inputs. */
class ConversationRedactionTest {

    private final PiiRedactor redactor = new PiiRedactor();

    private static CallTranscript call(String language, Utterance... us) {
        return new CallTranscript(
                "c-" + language,
                language,
                Optional.empty(),
                Map.of(),
                Map.of(),
                List.of(us),
                JsonNodeFactory.instance.objectNode());
    }

    private static Utterance agent(double t, String text) {
        return new Utterance(Speaker.AGENT, t, t + 1.5, text);
    }

    private static Utterance customer(double t, String text) {
        return new Utterance(Speaker.CUSTOMER, t, t + 2.5, text);
    }

    private static List<String> texts(RedactedTranscript r) {
        return r.transcript().utterances().stream().map(Utterance::text).toList();
    }

    @Test
    void aCardReadInPiecesWithTheAgentAcknowledgingIsOneCard() {
        RedactedTranscript r =
                redactor.redact(
                        call(
                                "en",
                                agent(0, "can i have the card number"),
                                customer(2, "four one one one one one one one"),
                                agent(5, "okay go on"),
                                customer(6.5, "one one um one one one one one one")));
        assertThat(texts(r))
                .containsExactly("can i have the card number", "[CARD]", "okay go on", "[CARD]");
        assertThat(r.findings())
                .containsExactly(
                        new PiiFinding(PiiType.CARD, 1, Speaker.CUSTOMER),
                        new PiiFinding(PiiType.CARD, 3, Speaker.CUSTOMER));
    }

    @Test
    void withoutACueASplitLuhnValidCardIsStillFound() {
        RedactedTranscript r =
                redactor.redact(
                        call(
                                "en",
                                customer(0, "five five oh oh oh oh five five"),
                                agent(3, "uh huh"),
                                customer(4, "five five five five five five five nine")));
        assertThat(texts(r).get(0)).isEqualTo("[CARD]");
        assertThat(texts(r).get(2)).isEqualTo("[CARD]");
    }

    @Test
    void aCardWithOneMisheardDigitAfterACardCueIsStillRedacted() {
        // 4111 1111 1111 1112 fails the Luhn check; the cue says what it is.
        RedactedTranscript r =
                redactor.redact(
                        call(
                                "en",
                                agent(0, "what's the card number"),
                                customer(
                                        2,
                                        "four one one one one one one one one one one one one one"
                                                + " one two")));
        assertThat(texts(r).get(1)).isEqualTo("[CARD]");
        assertThat(r.findings()).extracting(PiiFinding::type).containsExactly(PiiType.CARD);
    }

    @Test
    void homophonesDoubleAndGroupReadings() {
        assertThat(
                        redactor.redact(
                                        call(
                                                "en",
                                                agent(0, "card number please"),
                                                customer(
                                                        2,
                                                        "for five three nine forty five thirty"
                                                                + " nine double eight won two to"
                                                                + " ate nine")))
                                .transcript()
                                .utterances()
                                .get(1)
                                .text())
                .isEqualTo("[CARD]");
    }

    @Test
    void cvvExpiryAccountAndRoutingAfterTheirCues() {
        RedactedTranscript r =
                redactor.redact(
                        call(
                                "en",
                                agent(0, "and the security code"),
                                customer(1.5, "seven three one"),
                                agent(4, "the expiration date"),
                                customer(5.5, "oh nine twenty eight"),
                                agent(8, "which account should the refund go to"),
                                customer(10, "account four four seven one nine oh two two"),
                                agent(13, "and the routing number"),
                                customer(15, "oh two one oh oh oh oh two one")));
        assertThat(texts(r))
                .containsExactly(
                        "and the security code",
                        "[CVV]",
                        "the expiration date",
                        "[EXPIRY]",
                        "which account should the refund go to",
                        "account [ACCOUNT]",
                        "and the routing number",
                        "[ROUTING]");
    }

    @Test
    void koreanResidentRegistrationNumbersSplitOrWithoutACue() {
        RedactedTranscript split =
                redactor.redact(
                        call(
                                "ko",
                                agent(0, "주민등록번호 앞자리 말씀해 주세요"),
                                customer(2, "구공공일공일이요"),
                                agent(4, "뒷자리도 부탁드립니다"),
                                customer(6, "일 이 삼 사 오 육 칠")));
        assertThat(texts(split).get(1)).isEqualTo("[RRN]");
        assertThat(texts(split).get(3)).isEqualTo("[RRN]");
        assertThat(redactor.redact("구공공일공일 다시 이삼사오육칠팔").text()).isEqualTo("[RRN]");
        assertThat(redactor.redact("900101-2345678").text()).isEqualTo("[RRN]");
        assertThat(redactor.redact("９００１０１－２３４５６７８").types()).containsExactly(PiiType.RRN);
    }

    @Test
    void koreanCardsAndAccountsAcrossUtterances() {
        RedactedTranscript r =
                redactor.redact(
                        call(
                                "ko",
                                agent(0, "카드번호 불러 주세요"),
                                customer(2, "사일일일 일일일일"),
                                agent(4, "네"),
                                customer(5, "일일일일 일일일일이요"),
                                agent(8, "환불받으실 계좌번호도 부탁드립니다"),
                                customer(10, "일일공 다시 사오칠 다시 팔구공일이삼")));
        assertThat(texts(r))
                .containsExactly(
                        "카드번호 불러 주세요", "[CARD]", "네", "[CARD]", "환불받으실 계좌번호도 부탁드립니다", "[ACCOUNT]");
    }

    @Test
    void pricesDurationsCountsAndOrderNumbersStayReadable() {
        for (String text :
                List.of(
                        "that was one hundred and twenty nine dollars",
                        "it takes three to five business days",
                        "배송은 삼 일에서 오 일 걸려요",
                        "사만 구천 원이 두 번 결제됐어요",
                        "my order number is four eight two two nine seven one",
                        "i called four times on the second of may")) {
            assertThat(redactor.redact(text).types()).as(text).isEmpty();
        }
        RedactedTranscript r =
                redactor.redact(
                        call(
                                "en",
                                agent(0, "what card did you use"),
                                customer(2, "the visa it was charged forty five dollars")));
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void namesAfterASelfIntroductionForCustomersOnly() {
        RedactedTranscript r =
                redactor.redact(
                        call(
                                "en",
                                agent(0, "hi this is sam how can i help"),
                                customer(2, "hi my name is priya nguyen")));
        assertThat(texts(r))
                .containsExactly("hi this is sam how can i help", "hi my name is [NAME]");
        assertThat(redactor.redact("성함은 박서연입니다").text()).isEqualTo("성함은 [NAME]입니다");
        assertThat(redactor.redact("저는 최도윤이에요").text()).isEqualTo("저는 [NAME]이에요");
        assertThat(redactor.redact("this is ridiculous").types()).isEmpty();
        assertThat(redactor.redact("저는 괜찮습니다").types()).isEmpty();
    }

    @Test
    void emailsWrittenSpelledAndSaidAndIbans() {
        assertThat(redactor.redact("it's j o h n at example dot com").text())
                .isEqualTo("it's [EMAIL]");
        assertThat(redactor.redact("mia 점 silva 골뱅이 example 점 com 이에요").text())
                .isEqualTo("[EMAIL] 이에요");
        assertThat(redactor.redact("my IBAN is GB82 WEST 1234 5698 7654 32").text())
                .isEqualTo("my IBAN is [IBAN]");
        assertThat(redactor.redact("DE89370400440532013000").types()).containsExactly(PiiType.IBAN);
    }

    @Test
    void recognizedWordsInsideARedactedStretchBecomeThePlaceholder() {
        List<Word> words =
                List.of(
                        new Word("my", 1.0, 1.2, 0.9),
                        new Word("card", 1.2, 1.5, 0.8),
                        new Word("is", 1.5, 1.6, 0.9),
                        new Word("four", 1.6, 1.9, 0.7),
                        new Word("one", 1.9, 2.1, 0.6),
                        new Word("one", 2.1, 2.3, 0.5),
                        new Word("one", 2.3, 2.5, 0.9));
        StringBuilder text = new StringBuilder("my card is four one one one");
        List<Word> all = new ArrayList<>(words);
        double t = 2.5;
        for (int i = 0; i < 12; i++) {
            all.add(new Word("one", t, t + 0.2, 0.8));
            text.append(" one");
            t += 0.2;
        }
        Utterance u = new Utterance(Speaker.CUSTOMER, 1.0, t, text.toString(), 0.8, all);
        RedactedTranscript r = redactor.redact(call("en", u));
        Utterance out = r.transcript().utterances().get(0);
        assertThat(out.text()).isEqualTo("my card is [CARD]");
        assertThat(out.words()).hasSize(all.size());
        assertThat(out.words().subList(0, 3)).isEqualTo(all.subList(0, 3));
        for (int i = 3; i < all.size(); i++) {
            Word w = out.words().get(i);
            assertThat(w.w()).isEqualTo("[CARD]");
            assertThat(w.start()).isEqualTo(all.get(i).start());
            assertThat(w.end()).isEqualTo(all.get(i).end());
            assertThat(w.conf()).isEqualTo(all.get(i).conf());
        }
        assertThat(out.confidence()).isEqualTo(0.8);
    }

    @Test
    void aSplitCardFailsPiiSpokenAndRaisesThePiiAlert() throws Exception {
        CallTranscript c =
                call(
                        "en",
                        agent(0, "can i take the card number"),
                        customer(2, "four five three nine one four eight eight"),
                        agent(5, "okay"),
                        customer(6, "oh three four three six four six seven"));
        assertThat(PiiRedactor.luhn("4539148803436467")).isTrue();
        CallAnalysis a = new CallAnalyzer(new RulePackLoader().loadDefault("en")).analyze(c);
        assertThat(a.results())
                .filteredOn(res -> res.rule().id().equals("pii-spoken"))
                .singleElement()
                .satisfies(res -> assertThat(res.failed()).isTrue());
        assertThat(a.alerts()).extracting(al -> al.type()).contains("pii");
        assertThat(a.call().utterances().get(1).text()).isEqualTo("[CARD]");
        assertThat(a.call().utterances().get(3).text()).isEqualTo("[CARD]");
    }

    @Test
    void piiFoundListsEveryTypeAndAgentNamesWhenAsked() throws Exception {
        CallTranscript c =
                call(
                        "en",
                        agent(0, "hi this is sam"),
                        customer(1, "hi my name is lucas brooks"),
                        agent(3, "the card number please"),
                        customer(
                                4,
                                "four five three nine one four eight eight oh three four three six"
                                        + " four six seven"),
                        agent(8, "and the security code"),
                        customer(9, "one two three"),
                        agent(11, "the expiry date"),
                        customer(12, "oh nine twenty eight"));
        CallAnalysis a = new CallAnalyzer(new RulePackLoader().loadDefault("en")).analyze(c);
        List<String> types = new ArrayList<>();
        a.pii().forEach(f -> types.add(f.type().id()));
        assertThat(types).containsExactly("name", "card", "cvv", "expiry");
        PiiRedactor agents =
                new PiiRedactor(
                        new PiiRedactor.Settings(
                                true,
                                java.util.Set.of(PiiType.values()),
                                java.util.Set.of(Speaker.AGENT)));
        assertThat(texts(agents.redact(c)).subList(0, 2))
                .containsExactly("hi this is [NAME]", "hi my name is lucas brooks");
    }

    @Test
    void aFortyKilobyteWordIsReadWithoutHarm() {
        String word = "a".repeat(40_000);
        RedactedText r = redactor.redact("my email is " + word + " and card 4111 1111 1111 1111");
        assertThat(r.text()).isEqualTo("my email is " + word + " and card [CARD]");
        String digits = "7".repeat(40_000);
        assertThat(redactor.redact(digits + "@").types()).isEmpty();
        assertThat(redactor.redact("x@" + "b.".repeat(20_000)).text()).startsWith("[EMAIL]");
    }

    @Test
    void thousandsOfNumberWordsAfterADateOfBirthCueDoNotOverflow() {
        String run = "one two three four five six seven eight nine ".repeat(1_000).strip();
        RedactedText r = redactor.redact("my date of birth is " + run);
        assertThat(r.text()).isEqualTo("my date of birth is [DOB]");
        assertThat(r.types()).containsExactly(PiiType.DOB);
        RedactedText ko = redactor.redact("생년월일은 " + "일 이 삼 ".repeat(3_000).strip());
        assertThat(ko.text()).isEqualTo("생년월일은 [DOB]");
    }
}
