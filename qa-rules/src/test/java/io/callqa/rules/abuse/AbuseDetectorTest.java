package io.callqa.rules.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbuseDetectorTest {

    private final AbuseDetector detector = AbuseDetector.defaults();

    private Optional<AbuseFinding> find(String text, String lang) {
        return detector.find(3, 12.5, text, lang);
    }

    /** Written and recognizer-style (lowercase, no punctuation, spacing changed) forms. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|You're a complete idiot, do you know that?|insult",
                "en|youre a complete idiot do you know that|insult",
                "en|F*** you, just fix it.|profanity",
                "en|listen you f*cking clown|insult",
                "en|this is sh1t and you are a sh1t|profanity",
                "en|fuck you and your company|profanity",
                "en|I know where you live.|threat",
                "en|i know where you live|threat",
                "en|what are you wearing right now|sexual",
                "ko|씨X 당신 뭐하는 거야|profanity",
                "ko|ㅅㅂ 진짜|profanity",
                "ko|야 이 병신아 제대로 해|insult",
                "ko|야 이 병 신 아 제대로 해|insult",
                "ko|너 진짜 멍청하구나|insult",
                "ko|집 찾아가서 가만 안 둬|threat",
                "ko|집찾아 가서 가만 안둬|threat",
                "ko|목소리 섹시하네요|sexual",
                "ko|개새X야|insult",
            })
    void findsAbuse(String lang, String text, String kind) {
        Optional<AbuseFinding> f = find(text, lang);
        assertThat(f).as(text).isPresent();
        assertThat(f.get().kind().id()).as(text).isEqualTo(kind);
        assertThat(f.get().utterance()).isEqualTo(3);
        assertThat(f.get().t()).isEqualTo(12.5);
        assertThat(f.get().terms()).isNotEmpty();
        assertThat(f.get().confidence()).isBetween(0.0, 1.0);
        assertThat(f.get().text()).isEqualTo(text);
    }

    /** Angry but civil, quoting, self-blame, product blame and short replies. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|This is ridiculous, I want a refund now!",
                "en|i am furious i want a refund now",
                "en|The last agent called me an idiot.",
                "en|the last agent called me an idiot",
                "en|I'm such an idiot, I forgot my password.",
                "en|you know im such an idiot i forgot my password",
                "en|this stupid app keeps crashing",
                "en|you and your stupid app",
                "en|no you're a star",
                "en|i will sue you if this is not fixed",
                "en|you guys are killing me with these fees",
                "en|are you kidding me this is unacceptable",
                "ko|이거 너무 화나네요 당장 환불해 주세요",
                "ko|이거너무화나네요 당장환불해주세요",
                "ko|지난번 상담원이 저보고 바보라고 했어요",
                "ko|제가 바보같이 비밀번호를 잊어버렸어요",
                "ko|이 앱 진짜 쓰레기네요",
                "ko|이거 완전 쓰레기야",
                "ko|당신네 회사 서비스 정말 최악이에요",
                "ko|여기가 시발점이에요",
                "ko|네 알겠습니다",
            })
    void leavesCivilAlone(String lang, String text) {
        assertThat(find(text, lang)).as(text).isEmpty();
    }

    @Test
    void classifierScoresAbuseAboveCivil() {
        assertThat(detector.probability("you stupid moron", "en"))
                .isGreaterThan(detector.probability("can you check again please", "en"));
        assertThat(detector.probability("씨발 당신 미쳤어", "ko"))
                .isGreaterThan(detector.probability("다시 확인해 주시겠어요", "ko"));
    }

    @Test
    void badLexiconLineIsNamed() {
        assertThatThrownBy(() -> AbuseDetector.lexicon(List.of("rude\tidiot"), "x.txt", false))
                .hasMessageContaining("x.txt line 1")
                .hasMessageContaining("unknown abuse kind \"rude\"");
        assertThatThrownBy(() -> AbuseDetector.corpus(List.of("abuse\ten")))
                .hasMessageContaining("abuse corpus line 1");
    }
}
