package io.callqa.rules.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled detector on utterances written for this test: masked forms, Korean spacing, civil
 * complaints and harmless look-alikes, the agent's words, and hostile input.
 */
class AbuseDetectorTest {

    private static final AbuseDetector DETECTOR = AbuseDetector.defaults();

    private static Optional<AbuseFinding> customer(String text, String lang) {
        return DETECTOR.inspect(new Utterance(Speaker.CUSTOMER, 1.5, 3.0, text), lang);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|what the f*** is this charge",
                "en|this f*ck1ng app logged me out",
                "en|you f**king liar",
                "en|s.h.i.t service from start to end",
                "en|total sh1t, the lot of it",
                "en|it's f u c k i n g broken again",
                "en|fxck this, cancel it",
                "en|the parcel is b*llsh*t late",
                "ko|씨X 또 안 되네",
                "ko|ㅅㅂ 택배 언제 와",
                "ko|시X 장난하냐 지금",
                "ko|ㅆㅂ 요금이 왜 이래",
                "ko|씨 발 진짜 너무하네",
                "ko|시.발 또 끊겼어",
            })
    void maskedAndSpelledOutProfanityIsFound(String lang, String text) {
        Optional<AbuseFinding> f = customer(text, lang);
        assertThat(f).as(text).isPresent();
        assertThat(f.get().kind()).as(text).isEqualTo(AbuseKind.PROFANITY);
        assertThat(f.get().confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(f.get().evidence()).as(text).isNotEmpty().allMatch(e -> e.contains("*"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "이 개새끼야 빨리 해|insult",
                "이 개 새 끼 야 빨리 해|insult",
                "이개새끼야빨리해|insult",
                "병 신 같은 소리 하네|insult",
                "이병신아 요금 돌려줘|insult",
                "씨발놈들 전화 좀 받아|profanity",
                "씨 발 놈 들 전화 좀 받아|profanity",
                "찾아가서 죽여 버린다|threat",
                "찾아가서죽여버린다|threat",
            })
    void koreanSpacingDoesNotMatter(String text, String kind) {
        Optional<AbuseFinding> f = customer(text, "ko");
        assertThat(f).as(text).isPresent();
        assertThat(f.get().kind().id()).as(text).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|This is ridiculous, I want my money back.",
                "en|I am absolutely livid, that's the third missed delivery this month.",
                "en|I'm going to report this to the energy ombudsman.",
                "en|What the hell is this extra charge on my statement?",
                "en|The damn router drops out every evening.",
                "en|i'm so angry right now i could scream",
                "en|this is the worst service i have ever had",
                "en|I'll take you to the small claims court if I have to.",
                "ko|정말 화가 나네요 환불해 주세요",
                "ko|세 번째 전화인데 아직도 해결이 안 됐어요 너무하시네요",
                "ko|소비자원에 정식으로 민원 넣겠습니다",
                "ko|진짜 어이가 없어서 말이 안 나오네요",
                "ko|답답해서 미치겠어요 빨리 처리해 주세요",
                "ko|젠장 또 끊겼네요",
            })
    void angryButCivilComplaintsAreNotAbuse(String lang, String text) {
        assertThat(customer(text, lang)).as(text).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|I need to assess the damage to the cocktail cabinet.",
                "en|My doctor at the Scunthorpe surgery sent the referral.",
                "en|Can you fix the box, the taxi dropped it.",
                "en|Hello, I'm calling about the shell suit I ordered.",
                "ko|질병 신고는 어디서 하나요",
                "ko|신청 시 발급 수수료가 있나요",
                "ko|휴대폰 전원이 꺼져 있었어요",
                "ko|시발역에서 출발하는 기차 표요",
                "ko|새끼손가락 골절로 보험금 청구하려고요",
                "ko|강아지랑 개 같이 탈 수 있나요",
            })
    void harmlessLookAlikesAreNotAbuse(String lang, String text) {
        assertThat(customer(text, lang)).as(text).isEmpty();
    }

    @Test
    void theAgentsWordsNeverCount() {
        Utterance agent = new Utterance(Speaker.AGENT, 0, 2, "you fucking idiot, 씨발");
        assertThat(DETECTOR.inspect(agent, "en")).isEmpty();
        CallTranscript call =
                call(
                        "en",
                        new Utterance(Speaker.AGENT, 0, 2, "I won't accept being called a moron."),
                        new Utterance(Speaker.CUSTOMER, 3, 5, "Sorry, I want the refund please."),
                        new Utterance(Speaker.AGENT, 6, 8, "Shit happens, I'll sort it."));
        assertThat(DETECTOR.detect(call)).isEmpty();
    }

    @Test
    void detectNumbersTheUtterancesOfTheCall() {
        CallTranscript call =
                call(
                        "ko",
                        new Utterance(Speaker.AGENT, 0, 2, "고객센터입니다 무엇을 도와드릴까요"),
                        new Utterance(Speaker.CUSTOMER, 2.5, 4, "요금이 너무 많이 나왔어요"),
                        new Utterance(Speaker.AGENT, 4.5, 6, "확인해 보겠습니다"),
                        new Utterance(Speaker.CUSTOMER, 6.5, 8, "씨발 빨리 좀 해"));
        List<AbuseFinding> found = DETECTOR.detect(call);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).utterance()).isEqualTo(3);
        assertThat(found.get(0).t()).isEqualTo(6.5);
        assertThat(found.get(0).kind()).isEqualTo(AbuseKind.PROFANITY);
        assertThat(found.get(0).evidence()).containsExactly("씨*");
        assertThat(DETECTOR.detect(call)).isEqualTo(found);
    }

    @Test
    void evidenceMasksTheWordsItNames() {
        AbuseFinding f = customer("you fucking moron", "en").orElseThrow();
        assertThat(f.kind()).isEqualTo(AbuseKind.INSULT);
        assertThat(f.evidence()).contains("m****", "f***").noneMatch(e -> e.contains("fuck"));
        AbuseFinding threat =
                customer("i know where you live and i will kill you", "en").orElseThrow();
        assertThat(threat.kind()).isEqualTo(AbuseKind.THREAT);
        assertThat(threat.evidence()).contains("kill you");
    }

    @Test
    void recognizerTextIsFoundToo() {
        assertThat(customer("um you stupid cow just fix my bill", "en"))
                .map(AbuseFinding::kind)
                .contains(AbuseKind.INSULT);
        assertThat(customer("what are you wearing right now darling", "en"))
                .map(AbuseFinding::kind)
                .contains(AbuseKind.SEXUAL_HARASSMENT);
        assertThat(customer("어 너희 사무실 찾아가서 다 죽여버린다", "ko"))
                .map(AbuseFinding::kind)
                .contains(AbuseKind.THREAT);
        assertThat(customer("지금 뭐입고있어 목소리섹시하네", "ko"))
                .map(AbuseFinding::kind)
                .contains(AbuseKind.SEXUAL_HARASSMENT);
    }

    @Test
    void languageIsDetectedOrRejected() {
        assertThat(DETECTOR.inspect("씨발 진짜", "auto", 0)).isPresent();
        assertThat(DETECTOR.inspect("you fucking liar", null, 0)).isPresent();
        assertThatThrownBy(() -> DETECTOR.inspect("hello", "fr", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"fr\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "\u0000\u0001\u0002",
                "!!!???...",
                "\uD800 lone surrogate",
                "🙂🙂🙂"
            })
    void oddInputIsNotAbuse(String text) {
        assertThat(DETECTOR.inspect(text, "en", 0)).isEmpty();
        assertThat(DETECTOR.inspect(text, "ko", 0)).isEmpty();
    }

    @Test
    void oversizedInputIsBoundedAndDoesNotCrash() {
        StringBuilder big = new StringBuilder();
        Random rnd = new Random(7);
        while (big.length() < 1_000_000) {
            big.append((char) ('a' + rnd.nextInt(26)));
            big.append(rnd.nextInt(5) == 0 ? " " : "");
        }
        long t0 = System.nanoTime();
        assertThat(DETECTOR.inspect(big.toString(), "en", 0)).isNotNull();
        assertThat(DETECTOR.inspect(big.toString(), "ko", 0)).isNotNull();
        assertThat(DETECTOR.inspect("f u c k ".repeat(100_000), "en", 0)).isPresent();
        assertThat(DETECTOR.inspect("ㅅ".repeat(200_000), "ko", 0)).isNotNull();
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds").isLessThan(10);
    }

    @Test
    void noticesAreBundledPerLanguageAndConfigurable() {
        assertThat(DETECTOR.notice("en")).contains("end the call");
        assertThat(DETECTOR.notice("ko")).contains("산업안전보건법").contains("통화를 종료");
        AbuseDetector mine = DETECTOR.withNotice("en", "Please stop, or I will end this call.");
        assertThat(mine.notice("en")).isEqualTo("Please stop, or I will end this call.");
        assertThat(mine.notice("ko")).isEqualTo(DETECTOR.notice("ko"));
        assertThatThrownBy(() -> DETECTOR.withNotice("en", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> DETECTOR.notice("de"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DETECTOR.withThresholds(1.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..1");
    }

    private static CallTranscript call(String lang, Utterance... us) {
        return new CallTranscript(
                "t-" + lang,
                lang,
                Optional.empty(),
                Map.of(),
                Map.of(),
                List.of(us),
                JsonNodeFactory.instance.objectNode());
    }
}
