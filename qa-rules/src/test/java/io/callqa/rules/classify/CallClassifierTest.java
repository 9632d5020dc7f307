package io.callqa.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallClassifierTest {

    private static final CallClassifier MODEL = CallClassifier.defaultModel();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "I sent the kettle back ten days ago and I'm still waiting for my money | refund",
                "please give me my money back for the cracked phone | refund",
                "the parcel tracking hasn't moved since Friday | shipping",
                "when will the courier drop off my new desk | shipping",
                "you took the payment from my card two times | billing",
                "could you email me last month's invoice | billing",
                "I can't sign in, I think I forgot my password | other",
                "what time does the Oxford Street store open on Sunday | other",
            })
    void classifiesEnglishUtterances(String text, String expected) {
        assertThat(MODEL.classify(text, "en").label()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "환불해 주세요 | refund",
                "환불좀 해줘요 | refund",
                "지난달에 반품한 운동화 환불 요청합니다 | refund",
                "주문한 의자 언제 도착하나요 | shipping",
                "택배가 아직도 안 왔어요 | shipping",
                "카드 결제가 두 번 됐네요 | billing",
                "세금계산서 발행 부탁드립니다 | billing",
                "비밀번호를 잊어버려서 로그인을 못 하고 있어요 | other",
                "명동점은 몇 시에 문 닫나요 | other",
            })
    void classifiesKoreanUtterances(String text, String expected) {
        assertThat(MODEL.classify(text, "ko").label()).isEqualTo(expected);
        assertThat(MODEL.classify(text, "auto").label()).isEqualTo(expected);
    }

    @Test
    void scoresCoverEveryCategoryAndSumToOne() {
        Classification c = MODEL.classify("where is my refund", "en");
        assertThat(MODEL.categories()).containsExactly("refund", "shipping", "billing", "other");
        assertThat(c.scores().keySet()).containsExactlyElementsOf(MODEL.categories());
        assertThat(c.scores().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-9));
        assertThat(c.confidence()).isEqualTo(c.scores().get(c.label()));
    }

    @Test
    void textWithNothingTheModelKnowsGetsTheCatchAllAndUniformScores() {
        Classification c = MODEL.classify("", "en");
        assertThat(c.label()).isEqualTo("other");
        assertThat(c.confidence()).isEqualTo(0.25);
    }

    @Test
    void anUnknownLanguageIsRejected() {
        assertThatThrownBy(() -> MODEL.classify("hola", "es"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en, ko or auto");
    }

    private static List<Utterance> call(Object... speakerAndText) {
        List<Utterance> out = new ArrayList<>();
        for (int i = 0; i < speakerAndText.length; i += 2) {
            out.add(
                    new Utterance(
                            (Speaker) speakerAndText[i], i, i + 1, (String) speakerAndText[i + 1]));
        }
        return out;
    }

    @Test
    void aCallIsAboutWhatTheCustomerAsksForNotTheProcedureAroundIt() {
        List<Utterance> u =
                call(
                        Speaker.AGENT, "Thanks for calling Acme, this is Sam, how can I help?",
                        Speaker.CUSTOMER,
                                "Hi, my package was supposed to come Tuesday and it's not here.",
                        Speaker.AGENT, "Sorry about that. Can I have your name and postcode?",
                        Speaker.CUSTOMER, "Dana Lee, 90210.",
                        Speaker.AGENT, "Thanks Dana, you're verified.",
                        Speaker.CUSTOMER, "Okay.",
                        Speaker.AGENT, "Is there anything else I can help you with today?",
                        Speaker.CUSTOMER, "No, that's everything, thanks. Bye.");
        assertThat(MODEL.classify(u, "en").label()).isEqualTo("shipping");
    }

    /**
     * Calls as a recognizer writes them (lowercase, no punctuation, numbers as words, cut at
     * pauses) from businesses outside retail, where procedure (greeting, recording notice, identity
     * check, closing) is most of the talk.
     */
    @Test
    void recognizerStyleCallsFromOtherBusinessesGetTheirTopic() {
        List<Utterance> energy =
                call(
                        Speaker.AGENT, "good morning you are through to the energy helpline",
                        Speaker.AGENT, "this call is recorded for quality",
                        Speaker.CUSTOMER, "hi my gas bill this quarter is nearly double",
                        Speaker.CUSTOMER, "what it normally is and we have not used more",
                        Speaker.AGENT, "can i take your account number and postcode",
                        Speaker.CUSTOMER, "four four one two nine eight",
                        Speaker.AGENT, "thank you you are verified",
                        Speaker.AGENT, "anything else i can help with today",
                        Speaker.CUSTOMER, "no thats all thanks bye");
        assertThat(MODEL.classify(energy, "en").label()).isEqualTo("billing");
        List<Utterance> insurance =
                call(
                        Speaker.AGENT, "안녕하세요 보험 고객센터입니다 통화는 녹음됩니다",
                        Speaker.CUSTOMER, "지난달에 여행자 보험 해지했는데",
                        Speaker.CUSTOMER, "남은 보험료 언제 돌려받을 수 있어요",
                        Speaker.AGENT, "본인 확인 위해 성함과 생년월일 말씀해 주세요",
                        Speaker.CUSTOMER, "박민수 팔십칠 년 삼월 이일이요",
                        Speaker.AGENT, "네 확인되었습니다",
                        Speaker.AGENT, "더 궁금하신 점 있으세요",
                        Speaker.CUSTOMER, "아니요 감사합니다");
        assertThat(MODEL.classify(insurance, "ko").label()).isEqualTo("refund");
        List<Utterance> outage =
                call(
                        Speaker.AGENT, "hello thanks for calling how can i help",
                        Speaker.CUSTOMER, "our internet has been down since last night",
                        Speaker.CUSTOMER, "can you send someone to look at the line",
                        Speaker.AGENT, "can i take your name and date of birth",
                        Speaker.CUSTOMER, "sure its ellis grant tenth of june nineteen eighty",
                        Speaker.AGENT, "thank you ive booked an engineer for tomorrow",
                        Speaker.AGENT, "thanks for calling goodbye");
        assertThat(MODEL.classify(outage, "en").label()).isEqualTo("other");
    }

    @Test
    void theCustomerOutweighsTheAgentAndEarlyOutweighsLate() {
        List<Utterance> customerFirst =
                call(
                        Speaker.CUSTOMER, "I was charged twice for my order",
                        Speaker.AGENT, "the refund for that will take five days");
        assertThat(MODEL.classify(customerFirst, "en").label()).isEqualTo("billing");
        List<Utterance> early =
                call(
                        Speaker.CUSTOMER, "I want a refund for the broken lamp",
                        Speaker.CUSTOMER, "okay",
                        Speaker.CUSTOMER, "right",
                        Speaker.CUSTOMER, "sure",
                        Speaker.CUSTOMER, "fine",
                        Speaker.CUSTOMER, "and also, can I pay by PayPal next time?");
        assertThat(MODEL.classify(early, "en").label()).isEqualTo("refund");
    }

    @Test
    void aKoreanCallIsClassifiedToo() {
        List<Utterance> u =
                call(
                        Speaker.AGENT, "네 고객님 상담원 김민지입니다. 무엇을 도와드릴까요?",
                        Speaker.CUSTOMER, "지난주에 결제했는데 카드에서 두 번 빠져나갔어요.",
                        Speaker.AGENT, "확인해 보겠습니다. 성함 말씀해 주시겠어요?",
                        Speaker.CUSTOMER, "박지훈이요.",
                        Speaker.AGENT, "네 확인됐습니다. 더 도와드릴 일 있으실까요?",
                        Speaker.CUSTOMER, "아니요 감사합니다.");
        assertThat(MODEL.classify(u, "auto").label()).isEqualTo("billing");
    }

    @Test
    void aCustomWeightingIsUsedAndValidated() {
        List<Utterance> u =
                call(
                        Speaker.AGENT, "your parcel is with the courier",
                        Speaker.CUSTOMER, "I want a refund");
        CallWeighting agentOnly = new CallWeighting(0.0, 1.0, 3.0, 0.1, "other", 0.5);
        assertThat(MODEL.classify(u, "en", agentOnly).label()).isEqualTo("shipping");
        assertThat(MODEL.classify(u, "en").label()).isEqualTo("refund");
        assertThatThrownBy(() -> new CallWeighting(1, 0.4, 3, 0.1, "other", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallWeighting(1, 0.4, 0, 0.1, "other", 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestForMoneyBackMakesARefundCallWhateverCausedIt() {
        CallWeighting noRequestWeight = new CallWeighting(1.0, 0.6, 12.0, 0.1, "other", 0.15);
        List<Utterance> en =
                call(
                        Speaker.AGENT, "thanks for calling how can i help",
                        Speaker.CUSTOMER, "my gym took the monthly fee off my card two times",
                        Speaker.AGENT, "i can see two payments of forty pounds on the first",
                        Speaker.CUSTOMER, "so i want the second one back please",
                        Speaker.AGENT, "of course i'm sending that back to your card now");
        List<Utterance> ko =
                call(
                        Speaker.AGENT, "네 고객센터입니다 무엇을 도와드릴까요",
                        Speaker.CUSTOMER, "이번 달 통신 요금이 두 번 출금됐어요",
                        Speaker.AGENT, "네 확인해 보니 같은 금액이 두 번 청구됐네요",
                        Speaker.CUSTOMER, "한 번 나간 건 돌려받고 싶어요",
                        Speaker.AGENT, "네 중복 출금된 금액은 환불 처리해 드리겠습니다");
        for (List<Utterance> u : List.of(en, ko)) {
            assertThat(MODEL.classify(u, "auto").label()).isEqualTo("refund");
        }
        assertThat(MODEL.classify(en, "en", noRequestWeight).label()).isNotEqualTo("refund");
        assertThatThrownBy(() -> new CallWeighting(1, 0.4, 3, 0.1, "other", 0.5, "refund", 0.7, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changingContactDetailsOnAnAccountIsNotShippingOrBilling() {
        List<Utterance> en =
                call(
                        Speaker.AGENT, "good morning you're through to customer accounts",
                        Speaker.CUSTOMER,
                                "hi we moved last month so the address you have for me is old",
                        Speaker.AGENT, "no problem what's the new one",
                        Speaker.CUSTOMER, "fourteen mill lane and my email changed as well",
                        Speaker.AGENT, "done both are updated on your profile");
        List<Utterance> ko =
                call(
                        Speaker.AGENT, "네 고객센터입니다",
                        Speaker.CUSTOMER, "이사를 해서 등록된 주소를 바꾸려고요",
                        Speaker.AGENT, "새 주소 말씀해 주세요",
                        Speaker.CUSTOMER, "그리고 휴대폰 번호도 바뀌었어요",
                        Speaker.AGENT, "주소와 연락처 모두 변경해 드렸습니다");
        for (List<Utterance> u : List.of(en, ko)) {
            assertThat(MODEL.classify(u, "auto").label()).isEqualTo("other");
        }
    }

    @Test
    void aSentenceTheRecognizerCutAtAPauseIsClassifiedAsOneTurn() {
        Utterance en = new Utterance(Speaker.AGENT, 0, 3, "thanks for calling how can i help");
        List<Utterance> whole =
                List.of(
                        en,
                        new Utterance(
                                Speaker.CUSTOMER,
                                4,
                                9,
                                "i'd like to add my husband as a second driver on the hire car"));
        List<Utterance> cut =
                List.of(
                        en,
                        new Utterance(
                                Speaker.CUSTOMER, 4, 6.5, "i'd like to add my husband as a second"),
                        new Utterance(Speaker.CUSTOMER, 6.9, 9, "driver on the hire car"));
        assertThat(MODEL.classify(cut, "en").scores())
                .isEqualTo(MODEL.classify(whole, "en").scores());
        Utterance ko = new Utterance(Speaker.AGENT, 0, 2, "네 고객센터입니다");
        assertThat(
                        MODEL.classify(
                                        List.of(
                                                ko,
                                                new Utterance(Speaker.CUSTOMER, 3, 4, "카드가 아직"),
                                                new Utterance(Speaker.CUSTOMER, 4.5, 6, "안 왔어요")),
                                        "ko")
                                .scores())
                .isEqualTo(
                        MODEL.classify(
                                        List.of(
                                                ko,
                                                new Utterance(
                                                        Speaker.CUSTOMER, 3, 6, "카드가 아직 안 왔어요")),
                                        "ko")
                                .scores());
        // Without turns (gap 0) the fragments are classified apart, and the call scores differ.
        CallWeighting apart =
                new CallWeighting(1.0, 0.6, 12.0, 0.1, "other", 0.15, "refund", 0.7, 10.0, 0.0);
        assertThat(MODEL.classify(cut, "en", apart).scores())
                .isNotEqualTo(MODEL.classify(whole, "en").scores());
        assertThatThrownBy(
                        () ->
                                new CallWeighting(
                                        1, 0.6, 12, 0.1, "other", 0.15, "refund", 0.7, 10, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("turnGap");
    }

    @Test
    void redactionPlaceholdersAreNotWords() {
        // The classifier runs on redacted calls: "[CARD]" must not read as talk about a card.
        assertThat(MODEL.classify("[CARD] [DOB]", "en").scores())
                .isEqualTo(MODEL.classify("", "en").scores());
        assertThat(MODEL.classify("the old one was [CARD] is that one cancelled", "en").scores())
                .isEqualTo(MODEL.classify("the old one was is that one cancelled", "en").scores());
        assertThat(MODEL.classify("카드번호는 [CARD]이에요", "ko").scores())
                .isEqualTo(MODEL.classify("카드번호는 이에요", "ko").scores());
    }

    @Test
    void aCallWithoutSpeechIsTheCatchAll() {
        assertThat(MODEL.classify(List.of(), "en").label()).isEqualTo("other");
    }

    @Test
    void aWrittenModelReadsBackWithTheSamePredictions() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MODEL.write(out);
        CallClassifier copy = CallClassifier.read(new ByteArrayInputStream(out.toByteArray()));
        for (TrainingExample e : TrainingCorpus.shipped().heldOut()) {
            assertThat(copy.classify(e.text(), e.lang()))
                    .isEqualTo(MODEL.classify(e.text(), e.lang()));
        }
    }

    @Test
    void aFileThatIsNotAModelIsRejected() {
        byte[] junk = "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CallClassifier.read(new ByteArrayInputStream(junk)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a callqa classifier model");
    }

    /**
     * The shipped model must be what the shipped corpus and seed produce, so that anyone can
     * rebuild it (see README, "Call classifier").
     */
    @Test
    void retrainingFromTheShippedCorpusReproducesTheShippedModel() {
        TrainingCorpus corpus = TrainingCorpus.shipped();
        CallClassifier retrained =
                CallClassifier.train(corpus.training(), CallClassifier.DEFAULT_SEED);
        for (TrainingExample e : corpus.examples()) {
            Classification a = retrained.classify(e.text(), e.lang());
            Classification b = MODEL.classify(e.text(), e.lang());
            assertThat(a.label()).as(e.text()).isEqualTo(b.label());
            for (String category : MODEL.categories()) {
                assertThat(a.scores().get(category))
                        .isCloseTo(b.scores().get(category), within(1e-9));
            }
        }
    }

    @Test
    void heldOutAccuracyPerLanguage() {
        TrainingCorpus corpus = TrainingCorpus.shipped();
        for (String lang : List.of("en", "ko")) {
            ClassifierEvaluation ev =
                    ClassifierEvaluation.of(
                            MODEL,
                            corpus.heldOut().stream().filter(e -> e.lang().equals(lang)).toList());
            System.out.printf(
                    Locale.ROOT, "held-out %s: %s%n%s", lang, ev.summary(), ev.confusionTable());
            assertThat(ev.accuracy()).isGreaterThanOrEqualTo(0.9);
            assertThat(ev.macroF1()).isGreaterThanOrEqualTo(0.9);
        }
    }
}
