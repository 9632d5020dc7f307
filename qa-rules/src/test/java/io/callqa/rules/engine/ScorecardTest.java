package io.callqa.rules.engine;

import static io.callqa.rules.engine.CallFixtures.pack;
import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.rules.pack.Rule;
import io.callqa.rules.pack.RulePack;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    private static RulePack rules() throws Exception {
        StringBuilder sb = new StringBuilder();
        String[][] rules = {
            {"q1", "quality", "30"},
            {"q2", "quality", "10"},
            {"q3", "quality", "60"},
            {"c1", "compliance", "50"}
        };
        for (String[] r : rules) {
            sb.append(
                    """
                      - id: %s
                        type: phrase-absent
                        kind: %s
                        severity: medium
                        weight: %s
                        description: rule %s
                        phrases: [x]
                    """
                            .formatted(r[0], r[1], r[2], r[0]));
        }
        return pack(sb.toString());
    }

    private static RuleResult result(Rule rule, Outcome o) {
        return new RuleResult(rule, o, List.of(), "because");
    }

    @Test
    void scoreIsThePassedShareOfApplicableQualityWeight() throws Exception {
        List<Rule> r = rules().rules();
        Scorecard s =
                Scorecard.of(
                        List.of(
                                result(r.get(0), Outcome.PASSED),
                                result(r.get(1), Outcome.FAILED),
                                result(r.get(2), Outcome.NOT_APPLICABLE),
                                result(r.get(3), Outcome.PASSED)));
        // 30 of 40 applicable quality weight; q3 does not count, c1 never does.
        assertThat(s.score()).isEqualTo(75.0);
        assertThat(s.compliancePassed()).isTrue();
        assertThat(s.explanation()).containsExactly("-25.0 points: q2 (medium): because");
    }

    @Test
    void anyFailedComplianceRuleFailsTheCallWhateverTheScore() throws Exception {
        List<Rule> r = rules().rules();
        Scorecard s =
                Scorecard.of(
                        List.of(
                                result(r.get(0), Outcome.PASSED),
                                result(r.get(1), Outcome.PASSED),
                                result(r.get(2), Outcome.FAILED),
                                result(r.get(3), Outcome.FAILED)));
        assertThat(s.score()).isEqualTo(40.0);
        assertThat(s.compliancePassed()).isFalse();
        assertThat(s.explanation())
                .containsExactly(
                        "-60.0 points: q3 (medium): because",
                        "compliance failed: c1 (medium): because");
    }

    @Test
    void noApplicableQualityRuleScoresFullMarks() throws Exception {
        List<Rule> r = rules().rules();
        Scorecard s = Scorecard.of(List.of(result(r.get(0), Outcome.NOT_APPLICABLE)));
        assertThat(s.score()).isEqualTo(100.0);
        assertThat(Scorecard.of(List.of()).score()).isEqualTo(100.0);
    }
}
