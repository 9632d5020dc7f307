package io.callqa.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallPageTest {

    private static final String PHRASE = "this call may be recorded";

    @Test
    void offsetsPointIntoTheOriginalTextWhenLowerCasingChangesItsLength() {
        // "İ" lower-cases to two chars: offsets from the lower-cased text would overrun.
        String text = "İ".repeat(40) + " " + PHRASE;
        int[] at = CallPage.locate(text, PHRASE);
        assertThat(text.substring(at[0], at[1])).isEqualTo(PHRASE);
        String dotted = "İstanbul office " + PHRASE;
        int[] i = CallPage.locate(dotted, "istanbul");
        assertThat(i).isNull(); // "İ" lower-cases to "i̇", which is not "i": no false stretch
        int[] whole = CallPage.locate(dotted, "i̇stanbul");
        assertThat(dotted.substring(whole[0], whole[1])).isEqualTo("İstanbul");
    }

    @Test
    void offsetsHoldForSharpSKoreanAndEmoji() {
        String german = "STRAßE und " + PHRASE;
        int[] g = CallPage.locate(german, "straße");
        assertThat(german.substring(g[0], g[1])).isEqualTo("STRAßE");
        String korean = "😀😀 고객님 이 통화는 녹음됩니다 감사합니다";
        int[] k = CallPage.locate(korean, "통화는 녹음됩니다");
        assertThat(korean.substring(k[0], k[1])).isEqualTo("통화는 녹음됩니다");
        String emoji = "👍🏽 ok " + PHRASE.toUpperCase(java.util.Locale.ROOT) + " 👍🏽";
        int[] e = CallPage.locate(emoji, PHRASE);
        assertThat(emoji.substring(e[0], e[1]))
                .isEqualTo(PHRASE.toUpperCase(java.util.Locale.ROOT));
        assertThat(CallPage.locate(emoji, "")).isNull();
        assertThat(CallPage.locate(emoji, "not there")).isNull();
    }

    @Test
    void aTranscriptWithFortyDottedCapitalIsBeforeEvidenceRenders() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode call = json.createObjectNode();
        String text = "İ".repeat(40) + " " + PHRASE;
        call.putArray("utterances")
                .addObject()
                .put("speaker", "agent")
                .put("start", 0.0)
                .put("end", 3.0)
                .put("text", text);
        ObjectNode result = call.putObject("qa").putArray("results").addObject();
        result.put("rule_id", "disclosure").put("passed", true);
        result.putArray("evidence").addObject().put("utterance", 0).put("matched", PHRASE);
        StringBuilder b = new StringBuilder();
        CallPage.transcript(b, Messages.of("en"), call);
        assertThat(b.toString())
                .contains("İ".repeat(40) + " <mark class=\"evidence ev-pass\"")
                .contains(">" + PHRASE + "</mark>");
    }

    @Test
    void marksOutsideTheTextAreSkippedNotThrown() {
        String html = CallPage.highlighted("short", List.of(new CallPage.Mark(2, 99, "r", true)));
        assertThat(html).isEqualTo("short");
    }
}
