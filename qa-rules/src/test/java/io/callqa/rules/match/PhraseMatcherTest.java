package io.callqa.rules.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private final PhraseMatcher matcher = new PhraseMatcher(MatchSettings.DEFAULTS);

    @Test
    void stemmerJoinsInflectedForms() {
        assertThat(EnglishStemmer.stem("recorded")).isEqualTo(EnglishStemmer.stem("recording"));
        assertThat(EnglishStemmer.stem("records")).isEqualTo("record");
        assertThat(EnglishStemmer.stem("apologized")).isEqualTo(EnglishStemmer.stem("apologize"));
        assertThat(EnglishStemmer.stem("guaranteed")).isEqualTo(EnglishStemmer.stem("guarantees"));
        assertThat(EnglishStemmer.stem("verified")).isEqualTo(EnglishStemmer.stem("verify"));
        assertThat(EnglishStemmer.stem("stopped")).isEqualTo("stop");
        assertThat(EnglishStemmer.stem("calls")).isEqualTo("call");
    }

    @Test
    void matchesAcrossCaseInflectionAndPunctuation() {
        PhraseMatch m =
                matcher.find("Hi! Calls are RECORDED, for quality.", "call is recorded")
                        .orElse(null);
        assertThat(m).isNull();
        m =
                matcher.find("Hi! Calls are RECORDED, for quality.", "calls are recorded")
                        .orElseThrow();
        assertThat(m.matched()).isEqualTo("Calls are RECORDED");
        assertThat(m.start()).isEqualTo(4);
        assertThat(matcher.find("this call is being recorded", "this call is recorded"))
                .isPresent();
    }

    @Test
    void allowsAFewExtraWordsBetweenPhraseWords() {
        assertThat(matcher.find("this call may well be recorded", "this call may be recorded"))
                .isPresent();
        assertThat(
                        matcher.find(
                                "this call may, as you know, sometimes be recorded",
                                "this call may be recorded"))
                .isEmpty();
        PhraseMatcher strict = new PhraseMatcher(new MatchSettings(0.8, 0));
        assertThat(strict.find("this call may well be recorded", "this call may be recorded"))
                .isEmpty();
    }

    @Test
    void fuzzyThresholdDecidesWhetherAsrSlipsMatch() {
        // "recordid" vs "recorded": one substitution in eight letters.
        assertThat(matcher.find("this call may be recordid", "this call may be recorded"))
                .isPresent();
        PhraseMatcher exact = new PhraseMatcher(new MatchSettings(1.0, 2));
        assertThat(exact.find("this call may be recordid", "this call may be recorded")).isEmpty();
        PhraseMatcher loose = new PhraseMatcher(MatchSettings.DEFAULTS.withFuzzyThreshold(0.6));
        assertThat(loose.find("I garantee it", "I guarantee")).isPresent();
        assertThat(matcher.find("I garantee it", "I guarantee")).isPresent();
        assertThat(matcher.find("I grant you that", "I guarantee")).isEmpty();
    }

    @Test
    void shortWordsAndContractionsMustMatchExactly() {
        assertThat(matcher.find("you're verified", "your balance")).isEmpty();
        assertThat(matcher.find("the balance is ten", "your balance is")).isEmpty();
        assertThat(matcher.find("thanks, you're verified", "you're verified")).isPresent();
        assertThat(matcher.find("I'm so sorry", "I'm sorry")).isPresent();
    }

    @Test
    void findAnyReturnsTheLeftmostAlternative() {
        PhraseMatch m =
                matcher.findAny(
                                "I'm sorry, I understand how upsetting that is",
                                List.of("I understand how", "I'm sorry"))
                        .orElseThrow();
        assertThat(m.phrase()).isEqualTo("I'm sorry");
    }

    @Test
    void koreanIgnoresSpacingAndParticles() {
        for (String said : List.of("환불해 주세요", "환불해주세요", "환불 좀 해 주세요", "빨리 환불좀 해주세요!")) {
            assertThat(matcher.find(said, "환불해 주세요")).as(said).isPresent();
        }
        assertThat(matcher.find("한 건은 환불 요청하려고요", "환불 요청")).isPresent();
        assertThat(matcher.find("한 건은 환불요청 드려요", "환불 요청")).isPresent();
        assertThat(matcher.find("환불은 안 됩니다", "환불 요청")).isEmpty();
        PhraseMatch m = matcher.find("이 통화는 녹음될 수 있습니다.", "녹음될 수 있습니다").orElseThrow();
        assertThat(m.matched()).isEqualTo("녹음될 수 있습니다");
        assertThat(matcher.find("책임자연결해주세요!", "책임자 연결")).isPresent();
        assertThat(matcher.find("애크미 리테일을 이용해 주셔서", "애크미 리테일")).isPresent();
    }

    @Test
    void koreanToleratesOneJamoSlipInLongWords() {
        // 녹음될 vs 녹음됩: one final consonant differs.
        assertThat(matcher.find("통화가 녹음됩 수 있습니다", "녹음될 수 있습니다")).isPresent();
        assertThat(
                        new PhraseMatcher(new MatchSettings(1.0, 2))
                                .find("통화가 녹음됩 수 있습니다", "녹음될 수 있습니다"))
                .isEmpty();
        // Two-syllable words must match exactly.
        assertThat(matcher.find("한불 요청", "환불 요청")).isEmpty();
    }

    @Test
    void koreanStemsKeepMeaningfulParticlesAndShortWords() {
        assertThat(KoreanText.stem("감사합니다")).isEqualTo("감사");
        assertThat(KoreanText.stem("아직도")).isEqualTo("아직도");
        assertThat(KoreanText.stem("화가")).isEqualTo("화가");
        assertThat(KoreanText.stem("좀")).isEmpty();
        assertThat(matcher.find("아직 배송이 안 돼서요", "아직도")).isEmpty();
    }

    private final PhraseMatcher tolerant = new PhraseMatcher(new MatchSettings(0.8, 2, 0.75, 2, 3));

    @Test
    void numberWordsAndDigitsAreTheSame() {
        assertThat(matcher.find("the balance is twenty nine dollars", "balance is 29")).isPresent();
        assertThat(matcher.find("the balance is 29 dollars", "balance is twenty nine")).isPresent();
        assertThat(matcher.find("two hundred and sixty dollars", "260 dollars")).isPresent();
        assertThat(matcher.find("the balance is twenty dollars", "balance is 29")).isEmpty();
        assertThat(matcher.find("잔액은 이십구 만 원입니다", "잔액은 29")).isPresent();
        assertThat(matcher.find("잔액은 29 만 원입니다", "잔액은 이십구")).isPresent();
        assertThat(matcher.find("잔액은 삼십 만 원입니다", "잔액은 이십구")).isEmpty();
    }

    @Test
    void fillersAreIgnored() {
        PhraseMatcher noGap = new PhraseMatcher(new MatchSettings(0.8, 0));
        assertThat(noGap.find("this call uh may be um recorded", "this call may be recorded"))
                .isPresent();
        assertThat(noGap.find("녹음 어 될 수 음 있습니다", "녹음될 수 있습니다")).isPresent();
    }

    @Test
    void wordsThatSoundAlikeMatchInLongerPhrases() {
        PhraseMatch m =
                matcher.find(
                                "thank you for calling harper value national bank",
                                "Harper Valley National Bank")
                        .orElseThrow();
        assertThat(m.matched()).isEqualTo("harper value national bank");
        assertThat(m.strength()).isLessThan(1.0).isGreaterThan(0.9);
        assertThat(
                        matcher.find(
                                "thank you for calling harper value",
                                "Harper Valley National Bank"))
                .isEmpty();
        // Function words never match by sound: "youre" and "your" share a code.
        assertThat(matcher.find("you're verified the balance is ten", "your balance is")).isEmpty();
    }

    @Test
    void mostWordsInOrderAreEnoughForALongPhrase() {
        String phrase = "this call may be recorded for quality and training purposes";
        String dropped = "this call may be for quality and training purposes";
        assertThat(matcher.find(dropped, phrase)).isEmpty();
        PhraseMatch m = tolerant.find(dropped, phrase).orElseThrow();
        assertThat(m.strength()).isEqualTo(0.9);
        // Short phrases still need every word: "speak to a" is not "speak to a manager".
        assertThat(tolerant.find("i want to speak to a", "speak to a manager")).isEmpty();
        // The words found must include enough content words.
        assertThat(tolerant.find("I've got your account up", "I've verified your account"))
                .isEmpty();
        assertThat(tolerant.find("녹음될 수 있습니다 품질 향상", "이 통화는 품질 향상을 위해 녹음될 수 있습니다")).isEmpty();
        assertThat(tolerant.find("통화는 품질 향상을 위해 녹음될 수 있습니다", "이 통화는 품질 향상을 위해 녹음될 수 있습니다"))
                .isPresent();
        assertThat(tolerant.find("통화는 품질 위해 녹음될 수 있습니다", "통화는 품질 향상을 위해 녹음될 수 있습니다")).isPresent();
    }

    @Test
    void aPhraseCutAcrossUtterancesMatchesInAStream() {
        List<SpokenText> stream =
                List.of(
                        SpokenText.of("is there anything else i can"),
                        SpokenText.of("help you with today"));
        PhraseMatch m = matcher.find(stream, "anything else I can help you with").orElseThrow();
        assertThat(m.part()).isZero();
        assertThat(m.start()).isEqualTo(9);
        assertThat(m.matched()).isEqualTo("anything else i can help you with");
        assertThat(m.words())
                .extracting(PhraseMatch.WordRef::part)
                .containsExactly(0, 0, 0, 0, 1, 1, 1);
        assertThat(m.words().get(4).word()).isZero();
        List<SpokenText> ko = List.of(SpokenText.of("더 도와 드릴"), SpokenText.of("일은 없으실까요"));
        assertThat(matcher.find(ko, "더 도와드릴 일")).isPresent();
        assertThat(
                        matcher.find(
                                "is there anything else i can",
                                "anything else I can help you with"))
                .isEmpty();
    }
}
