package io.callqa.rules.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching of lexicon terms: masks, leetspeak, spelled-out letters, Korean spacing, exceptions. */
class AbuseLexiconTest {

    private static final AbuseLexicon EN = AbuseLexicon.defaults("en");
    private static final AbuseLexicon KO = AbuseLexicon.defaults("ko");

    private static List<String> terms(AbuseLexicon lexicon, String text) {
        return lexicon.find(text).stream().map(AbuseLexicon.Hit::term).toList();
    }

    @Test
    void aMaskedWordStandsForTheFirstTermItFits() {
        assertThat(terms(EN, "what the f*** is this")).containsExactly("fuck*");
        assertThat(terms(EN, "s***")).containsExactly("shit");
        assertThat(terms(EN, "you a**hole")).containsExactly("asshole*");
        assertThat(terms(KO, "씨X")).containsExactly("씨발");
        assertThat(terms(KO, "ㅆㅂ")).containsExactly("씨발");
        assertThat(terms(KO, "개XX")).containsExactly("개새끼");
    }

    @Test
    void leetspeakAndSpelledOutLetters() {
        assertThat(terms(EN, "a$$hole")).contains("asshole*");
        assertThat(terms(EN, "b!tch")).contains("bitch");
        assertThat(terms(EN, "sh1t")).contains("shit");
        assertThat(terms(EN, "f-u-c-k")).contains("fuck*");
        assertThat(terms(EN, "you f u c k i n g liar")).contains("fuck*");
    }

    @Test
    void ordinaryWordsAreNotMasks() {
        for (String text :
                List.of(
                        "fix the box",
                        "taxi to the hotel",
                        "six boxes of tissues",
                        "hello shell class",
                        "assess the grass",
                        "i x-rayed the parcel",
                        "4 x 4 rental",
                        "the item x y z")) {
            assertThat(EN.find(text)).as(text).isEmpty();
        }
        assertThat(terms(EN, "fxck")).containsExactly("fuck*");
    }

    @Test
    void koreanIgnoresSpacingButKnowsHarmlessWords() {
        assertThat(terms(KO, "씨 발")).contains("씨발");
        assertThat(terms(KO, "가 만 안 둬")).contains("가만안둬");
        assertThat(KO.find("질병 신고")).isEmpty();
        assertThat(KO.find("재발급 신청 시 발급 수수료")).isEmpty();
        assertThat(KO.find("오류 시 발생하는 문제")).isEmpty();
        // A harmless word nearby does not hide the term itself.
        assertThat(terms(KO, "질병 신고하려는데 이 병신아")).contains("병신");
    }

    @Test
    void displayMasksOffensiveWordsOnly() {
        assertThat(EN.find("son of a bitch").stream().map(AbuseLexicon.Hit::display))
                .contains("son of a b****");
        assertThat(EN.find("i will kill you").stream().map(AbuseLexicon.Hit::display))
                .contains("kill you");
        assertThat(KO.find("병신").get(0).display()).isEqualTo("병*");
    }

    @Test
    void badLexiconLinesAreNamed() {
        assertThatThrownBy(
                        () ->
                                AbuseLexicon.read(
                                        new StringReader(
                                                "# ok\ninsult strong moron\nslur strong x\n"),
                                        "mine.txt",
                                        "en"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mine.txt:3")
                .hasMessageContaining("slur strong x");
        assertThatThrownBy(
                        () -> AbuseLexicon.read(new StringReader("# nothing\n"), "empty.txt", "en"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no terms");
        assertThatThrownBy(() -> AbuseLexicon.defaults("fr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"fr\"");
    }
}
