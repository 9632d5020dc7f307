package io.callqa.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void englishAndKoreanHaveTheSameKeys() {
        assertThat(Messages.of("ko").keys()).isEqualTo(Messages.of("en").keys());
    }

    @Test
    void koreanIsReadAsUtf8() {
        assertThat(Messages.of("ko").get("calls.title")).isEqualTo("통화 목록");
        assertThat(Messages.of("ko").format("calls.count", 3)).isEqualTo("통화 3건");
    }

    @Test
    void theParameterWinsThenTheCookieThenTheBrowsersLanguages() {
        assertThat(Messages.pick("ko", "en", "en-US")).isEqualTo("ko");
        assertThat(Messages.pick(null, "ko", "en-US")).isEqualTo("ko");
        assertThat(Messages.pick("fr", null, "fr-FR,ko;q=0.8,en;q=0.5")).isEqualTo("ko");
        assertThat(Messages.pick(null, null, "de")).isEqualTo("en");
        assertThat(Messages.pick(null, null, "not a ; header ;;")).isEqualTo("en");
        assertThat(Messages.pick(null, null, null)).isEqualTo("en");
    }

    @Test
    void aMissingKeyShowsItself() {
        assertThat(Messages.of("en").get("no.such.key")).isEqualTo("no.such.key");
    }
}
