package io.callqa.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void untrustedTextCannotOpenATagOrLeaveAnAttribute() {
        assertThat(Html.esc("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void redactionsBecomeTagsAndTheRestStaysEscaped() {
        assertThat(CallPage.redacted("It's [CARD] <b>"))
                .isEqualTo("It&#39;s <span class=\"redaction\">CARD</span> &lt;b&gt;");
    }

    @Test
    void searchHitMarksBecomeMarkElementsOnlyAroundEscapedText() {
        String fragment = "a <i>" + CallFilter.HIT_START + "환불" + CallFilter.HIT_END + "</i>";
        assertThat(CallListPage.marked(fragment)).isEqualTo("a &lt;i&gt;<mark>환불</mark>&lt;/i&gt;");
    }

    @Test
    void evidenceIsMarkedWhereItMatchedAndFailuresWinOverlaps() {
        String text = "I see two charges of <x> on [CARD]";
        String html =
                CallPage.highlighted(
                        text,
                        List.of(
                                new CallPage.Mark(10, 20, "empathy", false),
                                new CallPage.Mark(10, 17, "identity-verification", true),
                                new CallPage.Mark(28, 34, "pii-spoken", true)));
        assertThat(html)
                .isEqualTo(
                        "I see two <mark class=\"evidence ev-fail\""
                            + " data-rule=\"identity-verification\""
                            + " title=\"identity-verification\">charges</mark> of &lt;x&gt; on"
                            + " <mark class=\"evidence ev-fail\" data-rule=\"pii-spoken\""
                            + " title=\"pii-spoken\"><span class=\"redaction\">CARD</span></mark>");
    }
}
