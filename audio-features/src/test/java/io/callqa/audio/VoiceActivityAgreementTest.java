package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callqa.audio.dynamics.SpeechSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceActivityAgreementTest {

    @Test
    void countsFramesBothWaysAndPoolsRecordings() {
        // Activity 1.0-2.0 s, speech 1.5-3.0 s: 50 frames shared, 100 active, 150 spoken.
        VoiceActivityAgreement one =
                VoiceActivityAgreement.of(
                        List.of(new SpeechSegment(1.0, 2.0)), List.of(new SpeechSegment(1.5, 3.0)));
        assertThat(one).isEqualTo(new VoiceActivityAgreement(50, 100, 150));
        assertThat(one.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(one.recall()).isCloseTo(1 / 3.0, within(1e-9));

        VoiceActivityAgreement perfect =
                VoiceActivityAgreement.of(
                        List.of(new SpeechSegment(0, 1)), List.of(new SpeechSegment(0, 1)));
        assertThat(one.plus(perfect)).isEqualTo(new VoiceActivityAgreement(150, 200, 250));
        assertThat(VoiceActivityAgreement.NONE.precision()).isZero();
    }
}
