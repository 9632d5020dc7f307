package io.callqa.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionPolicyTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void deletesTimePartitionedAlertAndErrorIndicesAfterTheGivenDays() throws Exception {
        JsonNode policy = mapper.readTree(RetentionPolicy.ofDays(30).json()).path("policy");
        assertThat(policy.path("default_state").asText()).isEqualTo("keep");
        JsonNode keep = policy.path("states").path(0);
        assertThat(keep.path("actions")).isEmpty();
        assertThat(keep.path("transitions").path(0).path("state_name").asText())
                .isEqualTo("delete");
        assertThat(
                        keep.path("transitions")
                                .path(0)
                                .path("conditions")
                                .path("min_index_age")
                                .asText())
                .isEqualTo("30d");
        JsonNode delete = policy.path("states").path(1);
        assertThat(delete.path("name").asText()).isEqualTo("delete");
        assertThat(delete.path("actions").path(0).has("delete")).isTrue();
        assertThat(policy.path("ism_template").path(0).path("index_patterns"))
                .extracting(JsonNode::asText)
                .containsExactly("callqa-alerts-*", "callqa-errors-*", "callqa-assist-*");
    }

    @Test
    void neverTouchesTheSingleCallsIndex() {
        String json = RetentionPolicy.ofDays(7).json();
        assertThat(json).doesNotContain("callqa-calls", "callqa-reviews");
        assertThat(RetentionPolicy.INDEX_PATTERNS).allMatch(p -> p.endsWith("-*"));
    }

    @Test
    void theDescriptionTellsPoliciesWithOtherDaysApart() {
        assertThat(RetentionPolicy.ofDays(90).description())
                .isEqualTo(
                        "callqa retention v2: delete callqa-alerts-*, callqa-errors-* and"
                                + " callqa-assist-* indices 90 days after they were created");
        assertThat(RetentionPolicy.ofDays(1).effect()).contains(" 1 day after");
        assertThat(RetentionPolicy.ofDays(90).description())
                .isNotEqualTo(RetentionPolicy.ofDays(91).description());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 36_501})
    void daysOutsideOneToOneHundredYearsAreRefusedWithTheRange(int days) {
        assertThatThrownBy(() -> RetentionPolicy.ofDays(days))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "retention days must be a whole number of days from 1 to 36500, got "
                                + days);
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        assertThat(RetentionPolicy.ofDays(1).days()).isEqualTo(1);
        assertThat(RetentionPolicy.ofDays(RetentionPolicy.MAX_DAYS).days()).isEqualTo(36_500);
    }
}
