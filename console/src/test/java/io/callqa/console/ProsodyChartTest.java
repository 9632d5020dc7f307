package io.callqa.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProsodyChartTest {

    @Test
    void anUtteranceEndingAtThreeBillionSecondsDrawsABoundedAxis() {
        ObjectNode call = new ObjectMapper().createObjectNode();
        call.put("duration_s", 42.0);
        ArrayNode us = call.putArray("utterances");
        us.addObject()
                .put("speaker", "agent")
                .put("start", 1.0)
                .put("end", 4.0)
                .put("pitch_mean_hz", 180.0);
        us.addObject()
                .put("speaker", "customer")
                .put("start", 5.0)
                .put("end", 3e9)
                .put("pitch_mean_hz", 220.0)
                .put("energy_dbfs", Double.NaN);
        us.addObject()
                .put("speaker", "customer")
                .put("start", Double.POSITIVE_INFINITY)
                .put("end", Double.POSITIVE_INFINITY)
                .put("arousal", Double.NEGATIVE_INFINITY);
        call.putArray("alerts").addObject().put("t", 1e12).put("type", "silence");
        // A guard against the old endless loop, not a performance figure.
        String svg =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(20), () -> ProsodyChart.svg(call, Messages.of("en")));
        assertThat(ProsodyChart.axisLength(call)).isEqualTo(ProsodyChart.MAX_SECONDS);
        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity").endsWith("</svg>");
        assertThat(count(svg, "text-anchor=\"middle\">")).isBetween(2, 14);
        assertThat(svg.length()).isLessThan(20_000);
    }

    @Test
    void aNormalCallKeepsItsOwnLength() {
        ObjectNode call = new ObjectMapper().createObjectNode();
        call.put("duration_s", 95.0);
        call.putArray("utterances")
                .addObject()
                .put("speaker", "agent")
                .put("start", 0.0)
                .put("end", 90.0)
                .put("pitch_mean_hz", 150.0);
        assertThat(ProsodyChart.axisLength(call)).isEqualTo(95.0);
        assertThat(ProsodyChart.tickStep(95)).isEqualTo(10);
        assertThat(ProsodyChart.tickStep(ProsodyChart.MAX_SECONDS)).isEqualTo(7200);
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
