package io.callqa.rules.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.rules.pii.PiiRedactor;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Summaries of calls as a recognizer writes them (lowercase, no punctuation, numbers as words,
 * utterances cut at pauses), from several kinds of business, in English and Korean; and of the same
 * kind of call written with punctuation. The calls are written for this test.
 */
class RecognizerTextSummaryTest {

    private final CallSummarizer summarizer = new CallSummarizer();

    /** A call from lines {@code A|C start end text}, redacted as the analysis does. */
    private static CallTranscript call(
            String language, Map<String, String> metadata, String lines) {
        List<Utterance> us = new ArrayList<>();
        for (String line : lines.strip().split("\n")) {
            String[] f = line.strip().split(" ", 4);
            us.add(
                    new Utterance(
                            f[0].equals("A") ? Speaker.AGENT : Speaker.CUSTOMER,
                            Double.parseDouble(f[1]),
                            Double.parseDouble(f[2]),
                            f[3]));
        }
        CallTranscript raw =
                new CallTranscript(
                        "t-" + language,
                        language,
                        Optional.empty(),
                        metadata,
                        Map.of(Speaker.AGENT, "agent", Speaker.CUSTOMER, "customer"),
                        us,
                        JsonNodeFactory.instance.objectNode());
        return new PiiRedactor().redact(raw).transcript();
    }

    private static CallTranscript call(String language, String lines) {
        return call(language, Map.of(), lines);
    }

    private static final String ENERGY_REFUND =
            """
            A 0.0 3.1 thank you for calling northgate energy my name is priya how can i help
            C 3.6 5.0 hi yes i was charged twice for my
            C 5.3 7.2 gas bill this month and i want the extra payment back
            A 7.8 10.0 i'm sorry about that can i have your name and account number please
            C 10.4 13.0 it's daniel okafor four four seven two nine one
            A 13.5 15.0 thanks daniel you're verified
            A 15.3 19.9 okay i can see the duplicate payment i've refunded the second payment of sixty two pounds to your card
            C 20.5 21.5 oh brilliant thank you
            A 22.0 25.0 it will show on your statement within three to five working days
            A 25.5 27.0 is there anything else i can help with
            C 27.5 28.0 no that's all
            A 28.3 29.5 thanks for calling have a good day
            """;

    @Test
    void anUnpunctuatedRefundCallGetsTheProblemTheRefundAndWhatHappensNext() {
        CallSummary s = summarizer.summarize(call("en", ENERGY_REFUND));
        // The problem statement runs over two utterances cut at a pause.
        assertThat(s.reason())
                .isEqualTo(
                        "i was charged twice for my gas bill this month and i want the extra"
                                + " payment back");
        assertThat(s.action()).contains("refunded the second payment").doesNotContain("name");
        assertThat(s.nextStep()).contains("within three to five working days");
        assertThat(s.outcome()).isEqualTo("oh brilliant thank you");
        for (String part : List.of(s.reason(), s.action(), s.outcome(), s.nextStep())) {
            assertThat(part)
                    .doesNotContain("can i have your name")
                    .doesNotContain("four four seven")
                    .doesNotContain("daniel")
                    .doesNotContain("verified");
        }
        assertThat(s.keywords())
                .contains("payment")
                .doesNotContain("daniel", "okafor", "priya", "northgate", "energy", "four");
    }

    private static final String BROADBAND_FAULT =
            """
            A 0.0 2.5 good morning you're through to skyline broadband this is marcus speaking
            C 3.0 6.5 hello my internet keeps dropping out every evening since last
            C 6.8 7.6 tuesday
            A 8.0 10.5 sorry to hear that can you confirm your postcode and date of birth
            C 11.0 15.0 yeah it's l s six four q t and the twelfth of may nineteen eighty one
            A 15.5 17.0 thank you ingrid
            A 17.4 21.5 i've run a line test and found a fault at the cabinet so i've booked an engineer for thursday morning
            C 22.0 23.5 okay that's great thanks
            A 24.0 27.0 you'll get a text the day before with a time slot
            A 27.5 29.0 anything else i can do for you today
            C 29.5 30.0 no thanks bye
            """;

    @Test
    void identityAnswersAndMissedNamesStayOutOfABroadbandFaultSummary() {
        CallSummary s = summarizer.summarize(call("en", BROADBAND_FAULT));
        assertThat(s.reason())
                .isEqualTo("my internet keeps dropping out every evening since last tuesday");
        assertThat(s.action()).contains("booked an engineer");
        assertThat(s.nextStep()).isEqualTo("you'll get a text the day before with a time slot");
        assertThat(s.outcome()).isEqualTo("okay that's great thanks");
        assertThat(s.text()).doesNotContain("postcode").doesNotContain("nineteen eighty");
        assertThat(s.keywords()).doesNotContain("ingrid", "marcus", "skyline", "twelfth", "may");
    }

    @Test
    void theSameCallWrittenWithPunctuationGetsTheSameParts() {
        CallSummary s =
                summarizer.summarize(
                        call(
                                "en",
                                """
                                A 0.0 2.5 Good morning, you're through to Skyline Broadband, this is Marcus speaking.
                                C 3.0 7.6 Hello. My internet keeps dropping out every evening since last Tuesday.
                                A 8.0 10.5 Sorry to hear that. Can you confirm your postcode and date of birth?
                                C 11.0 15.0 Yeah, it's LS6 4QT, and the twelfth of May, 1981.
                                A 15.5 21.5 Thank you, Ingrid. I've run a line test and found a fault at the cabinet, so I've booked an engineer for Thursday morning.
                                C 22.0 23.5 Okay, that's great, thanks.
                                A 24.0 27.0 You'll get a text the day before with a time slot.
                                A 27.5 29.0 Anything else I can do for you today?
                                C 29.5 30.0 No thanks, bye.
                                """));
        assertThat(s.reason())
                .isEqualTo("My internet keeps dropping out every evening since last Tuesday.");
        assertThat(s.action()).contains("booked an engineer");
        assertThat(s.nextStep()).isEqualTo("You'll get a text the day before with a time slot.");
        assertThat(s.keywords()).doesNotContain("ingrid", "marcus", "skyline");
    }

    private static final String KO_TELECOM_REFUND =
            """
            A 0.0 3.0 안녕하세요 한빛 통신 고객센터 이지은입니다 무엇을 도와드릴까요
            C 3.5 6.0 인터넷 요금이 이번 달에 두 번 청구 됐어요
            C 6.3 7.5 확인 좀 해 주세요
            A 8.0 10.5 네 본인 확인을 위해 성함과 생년월일 말씀해 주시겠어요
            C 11.0 14.0 박서준 팔십오년 칠월 이십일 일이요
            A 14.5 16.0 확인되었습니다 잠시만 기다려 주세요
            A 40.0 45.0 기다려 주셔서 감사합니다 중복 결제된 금액은 카드로 환불 처리해 드렸습니다
            C 45.5 46.5 아 네 감사합니다
            A 47.0 50.0 삼 영업일 이내에 카드사에서 취소될 예정입니다
            A 50.5 52.0 더 궁금하신 점 있으실까요
            C 52.5 53.0 아니요 없어요
            A 53.5 55.0 한빛 통신을 이용해 주셔서 감사합니다
            """;

    @Test
    void anUnpunctuatedKoreanRefundCallIsSummarizedWithoutTheIdentityAnswer() {
        CallSummary s = summarizer.summarize(call("ko", KO_TELECOM_REFUND));
        assertThat(s.reason()).isEqualTo("인터넷 요금이 이번 달에 두 번 청구 됐어요");
        assertThat(s.action()).isEqualTo("중복 결제된 금액은 카드로 환불 처리해 드렸습니다");
        assertThat(s.nextStep()).isEqualTo("삼 영업일 이내에 카드사에서 취소될 예정입니다");
        // The filler "아" is left out.
        assertThat(s.outcome()).isEqualTo("네 감사합니다");
        assertThat(s.text()).startsWith("문의: ").doesNotContain("성함").doesNotContain("팔십오년");
        assertThat(s.keywords()).contains("환불").doesNotContain("박서준", "한빛", "통신", "이지은", "팔십오년");
    }

    @Test
    void koreanSpacingErrorsAndAnAgentWhoAsksForAnAddressChange() {
        CallSummary s =
                summarizer.summarize(
                        call(
                                "ko",
                                """
                                A 0.0 2.5 안녕하세요 미래 보험 상담원 정하늘입니다
                                C 3.0 6.0 이사를해서 주소를 바꾸고 싶은데요
                                A 6.5 9.0 본인확인을 위해 성함과 생년월일을 말씀해주시겠어요
                                C 9.5 12.0 최유나 구십일년 이월 삼일이요
                                A 12.5 14.0 최유나 고객님 확인되었습니다
                                A 14.5 18.0 새 주소로 변경 등록해 드렸습니다
                                C 18.5 19.5 네 고마워요
                                A 20.0 23.0 변경된 증권은 내일 문자로 보내 드리겠습니다
                                A 23.5 25.0 더 도와드릴 일 있으실까요
                                C 25.5 26.0 아니요
                                """));
        assertThat(s.reason()).isEqualTo("이사를해서 주소를 바꾸고 싶은데요");
        assertThat(s.action()).isEqualTo("새 주소로 변경 등록해 드렸습니다");
        assertThat(s.nextStep()).isEqualTo("변경된 증권은 내일 문자로 보내 드리겠습니다");
        assertThat(s.outcome()).isEqualTo("네 고마워요");
        assertThat(s.keywords()).doesNotContain("최유나", "정하늘", "미래");
    }

    /**
     * The refund call as a telephone recognizer hears it: a word misheard ("charge" for "charged",
     * "the refund it" for "i've refunded"), a filler inserted, a word dropped.
     */
    @Test
    void wordErrorsDoNotMoveThePartsToTheIdentityCheck() {
        CallSummary s =
                summarizer.summarize(
                        call(
                                "en",
                                """
                                A 0.0 3.1 thank you for calling north gate energy my name is pria how can i help
                                C 3.6 5.0 hi yes i was charge twice for my
                                C 5.3 7.2 gas bill this month and uh i want extra payment back
                                A 7.8 10.0 sorry about that can i have your name and account number please
                                C 10.4 13.0 it's daniel oka for four four seven to nine one
                                A 13.5 15.0 thanks daniel you're verify
                                A 15.3 19.9 okay i can see the duplicate payment the refund it the second payment of sixty two pounds to your card
                                C 20.5 21.5 oh brilliant thank you
                                A 22.0 25.0 it will show on your statement within three to five working days
                                """));
        assertThat(s.reason()).startsWith("i was charge twice for my gas bill");
        assertThat(s.action()).contains("refund").doesNotContain("name");
        assertThat(s.nextStep()).contains("within three to five working days");
        assertThat(s.outcome()).isEqualTo("oh brilliant thank you");
        assertThat(s.text()).doesNotContain("daniel").doesNotContain("account number");
        assertThat(s.keywords()).doesNotContain("daniel", "oka", "pria");
    }

    @Test
    void koreanSyllableErrorsKeepThePartsApart() {
        CallSummary s =
                summarizer.summarize(
                        call(
                                "ko",
                                """
                                A 0.0 3.0 안녕하세요 한빛통신 고객 센터 이지은 입니다
                                C 3.5 6.0 인터넷 요금이 이번달에 두번 청구됬어요
                                A 8.0 10.5 본인 확인을 위해 성함 이랑 생년월일 말씀해 주시겠어요
                                C 11.0 14.0 박서준 팔십오 년 칠월 이십일일 이요
                                A 40.0 45.0 중복 결제된 금액은 카드로 환불 처리 해드렸습니다
                                C 45.5 46.5 네 감사합니다
                                A 47.0 50.0 삼영업일 이내에 카드사에서 취소 될 예정 입니다
                                """));
        assertThat(s.reason()).isEqualTo("인터넷 요금이 이번달에 두번 청구됬어요");
        assertThat(s.action()).isEqualTo("중복 결제된 금액은 카드로 환불 처리 해드렸습니다");
        assertThat(s.nextStep()).startsWith("삼영업일 이내에");
        assertThat(s.text()).doesNotContain("박서준").doesNotContain("생년월일");
        assertThat(s.keywords()).doesNotContain("박서준", "이지은");
    }

    static final String PHARMACY_REPEAT =
            """
            A 0.0 2.0 good afternoon greenleaf pharmacy this is sofia
            C 2.5 5.0 hello my repeat prescription for my inhaler
            C 5.3 6.5 hasn't arrived yet
            A 7.0 11.0 i can check that for you can i have your full name and date of birth
            C 11.5 15.0 it's margaret olsen the third of june nineteen fifty two
            A 15.5 20.0 thank you margaret the surgery approved it yesterday and it's been sent to the branch now
            C 20.5 21.5 oh lovely
            A 22.0 25.0 it will be ready to collect after two o'clock today
            C 25.5 26.0 thanks margaret
            """;

    @Test
    void anActionCueBeforeTheIdentityQuestionDoesNotMakeTheAnswerTheOutcome() {
        CallSummary s = summarizer.summarize(call("en", PHARMACY_REPEAT));
        assertThat(s.reason())
                .isEqualTo("my repeat prescription for my inhaler hasn't arrived yet");
        // The thanks that addresses the customer by name is not part of the action.
        assertThat(s.action())
                .isEqualTo(
                        "the surgery approved it yesterday and it's been sent to the branch now");
        assertThat(s.outcome()).isEqualTo("oh lovely");
        assertThat(s.nextStep()).isEqualTo("it will be ready to collect after two o'clock today");
        assertThat(s.keywords()).doesNotContain("margaret", "olsen", "sofia", "greenleaf");
    }

    @Test
    void placeholdersAndDigitStringsAreNeverPartsOrKeywords() {
        CallSummary s =
                summarizer.summarize(
                        call(
                                "en",
                                """
                                A 0.0 2.0 hello you're through to the bookings desk this is tom
                                C 2.5 6.0 hi i need to move my flight to madrid to next friday
                                A 6.5 8.0 what's the booking reference
                                C 8.5 11.0 it's x k seven four nine two
                                A 11.5 13.5 and the card number for the change fee please
                                C 14.0 19.0 four one one one one one one one one one one one one one one one
                                A 19.5 24.0 i've rebooked you on the friday morning flight to madrid
                                C 24.5 25.0 perfect thanks
                                A 25.5 28.0 we'll email the new ticket within the hour
                                """));
        assertThat(s.reason()).isEqualTo("i need to move my flight to madrid to next friday");
        assertThat(s.action())
                .isEqualTo("i've rebooked you on the friday morning flight to madrid");
        assertThat(s.nextStep()).isEqualTo("we'll email the new ticket within the hour");
        assertThat(s.text()).doesNotContain("[").doesNotContain("seven four");
        assertThat(s.keywords()).noneMatch(k -> k.contains("[") || k.matches(".*card.*"));
        assertThat(s.keywords()).contains("flight", "madrid").doesNotContain("tom");
    }

    @Test
    void theBrandFromTheCallsMetadataIsNeverAKeyword() {
        CallSummary s =
                summarizer.summarize(
                        call(
                                "en",
                                Map.of("brand", "Bluewave Water"),
                                """
                                A 0.0 2.0 hello bluewave water
                                C 2.5 6.0 hi there's no water pressure at my house since this morning
                                A 6.5 10.0 there's a burst main in your street and our crew is fixing the main now
                                C 10.5 11.0 okay
                                A 11.5 14.0 the water will be back on by six this evening
                                C 14.5 15.0 thanks bluewave
                                """));
        assertThat(s.keywords()).contains("main").doesNotContain("bluewave");
        assertThat(s.reason())
                .isEqualTo("there's no water pressure at my house since this morning");
        assertThat(s.nextStep()).isEqualTo("the water will be back on by six this evening");
    }

    /** "anything else" asked before the agent acts does not end the search for the outcome. */
    @Test
    void anEarlyAnythingElseBeforeTheActionIsNoClosing() {
        CallSummary s =
                summarizer.summarize(
                        call(
                                "en",
                                """
                                A 0.0 2.0 hello parcel line this is kim
                                C 2.5 5.0 hi my parcel was sent to the wrong depot
                                A 5.5 7.0 anything else on the order
                                C 7.5 8.0 no just that
                                A 8.5 12.0 i've rerouted the parcel to your local depot
                                C 12.5 13.0 okay great
                                A 13.5 16.0 it will arrive on monday
                                """));
        assertThat(s.reason()).isEqualTo("my parcel was sent to the wrong depot");
        assertThat(s.action()).isEqualTo("i've rerouted the parcel to your local depot");
        assertThat(s.outcome()).isEqualTo("okay great");
        assertThat(s.nextStep()).isEqualTo("it will arrive on monday");
    }

    @Test
    void theLexiconsAndTheCodeNameNoCompany() throws Exception {
        for (Path f :
                List.of(
                        Path.of("src/main/resources/io/callqa/rules/summary/en.txt"),
                        Path.of("src/main/resources/io/callqa/rules/summary/ko.txt"),
                        Path.of("src/main/java/io/callqa/rules/summary/CallSummarizer.java"))) {
            String text = Files.readString(f, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            assertThat(text).as(f.toString()).doesNotContain("acme", "애크미", "리테일");
            assertThat(text).as(f.toString()).doesNotContainPattern("\\bretail\\b");
        }
    }
}
