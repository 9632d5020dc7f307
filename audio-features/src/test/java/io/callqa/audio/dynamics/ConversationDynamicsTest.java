package io.callqa.audio.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.callqa.audio.dynamics.ConversationDynamics.Interruption;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationDynamicsTest {

    private static SpeechSegment seg(double start, double end) {
        return new SpeechSegment(start, end);
    }

    @Test
    void measuresTalkTimeOvertalkAndInterruptionsOfAKnownConversation() {
        // Agent 1-5, customer cuts in at 4.2 and talks to 9, agent again 9.5-12 and 50-55.
        List<SpeechSegment> agent = List.of(seg(1, 5), seg(9.5, 12), seg(50, 55));
        List<SpeechSegment> customer = List.of(seg(4.2, 9), seg(12.2, 14));
        ConversationDynamics d =
                ConversationDynamics.measure(agent, customer, 60, DynamicsSettings.DEFAULTS);

        assertThat(d.durationS()).isCloseTo(59, within(1e-9));
        assertThat(d.agentTalkS()).isCloseTo(4 + 2.5 + 5, within(1e-9));
        assertThat(d.customerTalkS()).isCloseTo(4.8 + 1.8, within(1e-9));
        assertThat(d.agentTalkRatio()).isCloseTo(11.5 / 18.1, within(1e-9));
        assertThat(d.overtalkS()).isCloseTo(0.8, within(1e-9));
        assertThat(d.interruptions()).hasSize(1);
        Interruption i = d.interruptions().get(0);
        assertThat(i.by()).isEqualTo(Party.CUSTOMER);
        assertThat(i.of()).isEqualTo(Party.AGENT);
        assertThat(i.at()).isEqualTo(4.2);
        assertThat(i.overlapS()).isCloseTo(0.8, within(1e-9));
        // Silences: 9-9.5, 12-12.2 (turn gaps), 14-50 (a hold), 55-60 (trailing).
        assertThat(d.deadAir()).containsExactly(seg(14, 50), seg(55, 60));
        assertThat(d.longestDeadAirS()).isCloseTo(36, within(1e-9));
        assertThat(d.holds()).containsExactly(seg(14, 50));
        assertThat(d.silenceS()).isCloseTo(0.5 + 0.2 + 36 + 5, within(1e-9));
        assertThat(d.silenceRatio()).isCloseTo(41.7 / 59, within(1e-9));
    }

    @Test
    void aShortOverlapIsABackChannelNotAnInterruption() {
        ConversationDynamics d =
                ConversationDynamics.measure(
                        List.of(seg(0, 6)), List.of(seg(3, 3.2)), 6, DynamicsSettings.DEFAULTS);
        assertThat(d.overtalkS()).isCloseTo(0.2, within(1e-9));
        assertThat(d.interruptions()).isEmpty();
    }

    @Test
    void mergesAPartysOwnOverlappingSegmentsBeforeCounting() {
        ConversationDynamics d =
                ConversationDynamics.measure(
                        List.of(seg(0, 4), seg(3, 5), seg(5, 6)),
                        List.of(),
                        6,
                        DynamicsSettings.DEFAULTS);
        assertThat(d.agentTalkS()).isCloseTo(6, within(1e-9));
        assertThat(d.agentTalkRatio()).isEqualTo(1.0);
        assertThat(d.overtalkS()).isZero();
    }

    @Test
    void aCallWithoutSpeechHasNoTalkAndNoRatio() {
        ConversationDynamics d =
                ConversationDynamics.measure(List.of(), List.of(), 0, DynamicsSettings.DEFAULTS);
        assertThat(d.durationS()).isZero();
        assertThat(d.agentTalkRatio()).isZero();
        assertThat(d.silenceRatio()).isZero();
        assertThat(d.deadAir()).isEmpty();
    }

    @Test
    void rejectsInvertedSegmentsAndNegativeThresholds() {
        assertThatThrownBy(() -> seg(3, 2))
                .hasMessage("a speech segment needs 0 <= start <= end, got 3.0..2.0");
        assertThatThrownBy(() -> new DynamicsSettings(-1, 30, 0.3))
                .hasMessage("dynamics thresholds must be >= 0");
    }
}
