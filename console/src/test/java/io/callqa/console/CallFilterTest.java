package io.callqa.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallFilterTest {

    private static CallFilter filter(Map<String, String> params) {
        return new CallFilter(params::get);
    }

    @Test
    void unreadableParametersAreDroppedWithAMessage() {
        CallFilter f =
                filter(
                        Map.of(
                                "from",
                                "yesterday",
                                "qa_min",
                                "abc",
                                "qa_max",
                                "120",
                                "emotion",
                                "sad",
                                "sort",
                                "x",
                                "page",
                                "two"));
        assertThat(f.problems())
                .containsExactlyInAnyOrder(
                        "from: expected a date like 2026-11-02, got 'yesterday'",
                        "qa_min: expected a QA score from 0 to 100, got 'abc'",
                        "qa_max: expected a QA score from 0 to 100, got '120'",
                        "emotion: expected one of [agitated, calm, low], got 'sad'",
                        "sort: expected one of [agent, category, duration, qa_score, started_at],"
                                + " got 'x'",
                        "page: expected a page number, got 'two'");
        assertThat(f.given()).isEmpty();
        assertThat(f.query().toString()).isEqualTo("{\"bool\":{\"filter\":[],\"must_not\":[]}}");
    }

    @Test
    void theDateRangeIncludesTheLastDayAndScoresAreInclusive() {
        CallFilter f =
                filter(
                        Map.of(
                                "from",
                                "2026-11-02",
                                "to",
                                "2026-11-03",
                                "qa_min",
                                "40",
                                "qa_max",
                                "60.5"));
        String q = f.query().toString();
        assertThat(q)
                .contains(
                        "{\"range\":{\"started_at\":{\"gte\":\"2026-11-02T00:00:00Z\",\"lt\":\"2026-11-04T00:00:00Z\"}}}")
                .contains("{\"range\":{\"qa.score\":{\"gte\":40.0,\"lte\":60.5}}}");
    }

    @Test
    void textSearchesEnglishAndKoreanFieldsOfUtterancesAndSummary() {
        String q = filter(Map.of("q", "환불")).query().toString();
        assertThat(q)
                .contains("\"path\":\"utterances\"")
                .contains("\"fields\":[\"utterances.text\",\"utterances.text.cjk\"]")
                .contains("\"fields\":[\"summary\",\"summary.cjk\"]")
                .contains("\"operator\":\"and\"");
    }

    @Test
    void calmMeansNoAgitatedCustomerUtterance() {
        ObjectNode q = filter(Map.of("emotion", "calm")).query();
        assertThat(q.at("/bool/must_not/0/nested/query/bool/filter").toString())
                .isEqualTo(
                        "[{\"term\":{\"utterances.speaker\":\"customer\"}},{\"term\":{\"utterances.agitated\":true}}]");
    }

    @Test
    void pagesSortAndStayInsideTheOffsetWindow() {
        ObjectNode body =
                filter(Map.of("sort", "qa_score", "dir", "asc", "page", "3")).searchBody();
        assertThat(body.path("from").asInt()).isEqualTo(2 * CallFilter.PAGE_SIZE);
        assertThat(body.at("/sort/0").toString()).isEqualTo("{\"qa.score\":{\"order\":\"asc\"}}");
        assertThat(
                        filter(Map.of("page", "100000")).searchBody().path("from").asInt()
                                + CallFilter.PAGE_SIZE)
                .isLessThanOrEqualTo(10_000);
    }
}
