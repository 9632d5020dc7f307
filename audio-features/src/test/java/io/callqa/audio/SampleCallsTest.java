package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.callqa.audio.dynamics.ConversationDynamics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The 20 bundled sample calls against their sidecars' ground truth. */
class SampleCallsTest {

    /** Dead air and overtalk measured from voice activity alone match the sidecar within 0.3 s. */
    @Test
    void deadAirAndOvertalkFromVoiceActivity() throws IOException {
        double worstDead = 0;
        double worstOver = 0;
        System.out.println("call                 dead-air VAD/truth   overtalk VAD/truth");
        for (Path side : SampleCalls.sidecars()) {
            JsonNode j = SampleCalls.read(side);
            JsonNode gt = j.path("ground_truth");
            ConversationDynamics d =
                    new CallAnalyzer(FeatureSettings.DEFAULTS)
                            .analyze(SampleCalls.wav(side, j))
                            .dynamics();
            double deadTruth = 0;
            for (JsonNode s : gt.path("dead_air")) {
                deadTruth += s.path("end").asDouble() - s.path("start").asDouble();
            }
            double deadVad = d.deadAir().stream().mapToDouble(s -> s.duration()).sum();
            double overTruth = gt.path("overtalk_s").asDouble();
            System.out.printf(
                    "%-20s %6.2f / %6.2f      %5.2f / %5.2f%n",
                    j.path("call_id").asText(), deadVad, deadTruth, d.overtalkS(), overTruth);
            assertThat(deadVad).as("dead air of %s", side).isCloseTo(deadTruth, offset(0.3));
            assertThat(d.longestDeadAirS())
                    .isCloseTo(gt.path("longest_dead_air_s").asDouble(), offset(0.3));
            assertThat(d.deadAir()).hasSize(gt.path("dead_air").size());
            assertThat(d.overtalkS()).as("overtalk of %s", side).isCloseTo(overTruth, offset(0.3));
            worstDead = Math.max(worstDead, Math.abs(deadVad - deadTruth));
            worstOver = Math.max(worstOver, Math.abs(d.overtalkS() - overTruth));
        }
        System.out.printf("worst error: dead air %.3f s, overtalk %.3f s%n", worstDead, worstOver);
    }

    /**
     * Customer utterances in the angry voice are labelled agitated, calm ones neutral. Prints the
     * confusion matrix and every miss. The bounds leave room for one kind of miss: a caller angry
     * from the first word whose angry voice is, by population standards, an ordinary one (s-en-
     * other-02: 125 Hz, a man's usual pitch, at an ordinary rate and tilt; only its level is
     * raised, and level alone is never trusted). With no calmer utterance to compare against and
     * nothing unusual against the population, the voice carries no evidence; the rule pack's text
     * cues catch that call.
     */
    @Test
    void angryCustomerUtterancesAreAgitated() throws IOException {
        int[][] m = new int[2][Emotion.values().length];
        int calmers = 0;
        List<String> misses = new ArrayList<>();
        for (Path side : SampleCalls.sidecars()) {
            JsonNode j = SampleCalls.read(side);
            Set<Integer> angry = new HashSet<>();
            j.path("ground_truth").path("angry_utterances").forEach(n -> angry.add(n.asInt()));
            CallFeatures f =
                    new CallAnalyzer(FeatureSettings.DEFAULTS)
                            .analyze(SampleCalls.wav(side, j), SampleCalls.utterances(j));
            List<UtteranceFeatures> us = f.utterances();
            for (int i = 0; i < us.size(); i++) {
                UtteranceFeatures u = us.get(i);
                if (u.speaker().equals("customer")) {
                    Emotion e = u.emotion().emotion();
                    m[angry.contains(i) ? 1 : 0][e.ordinal()]++;
                    if (angry.contains(i) != (e == Emotion.AGITATED)) {
                        misses.add(
                                String.format(
                                        "  %s #%d (%s voice) labelled %s: arousal %.2f,"
                                                + " population %.2f, speaker %.2f",
                                        j.path("call_id").asText(),
                                        i,
                                        angry.contains(i) ? "angry" : "calm",
                                        e.id(),
                                        u.emotion().arousal(),
                                        u.emotion().populationArousal(),
                                        u.emotion().speakerArousal()));
                    }
                }
            }
            if (j.path("ground_truth").path("customer_emotion").asText().equals("escalating")) {
                EmotionSummary s = f.emotion().get("customer");
                assertThat(s.peakArousal()).isGreaterThan(EmotionEstimator.AGITATED_AT);
                calmers += s.trend().equals("calmer") ? 1 : 0;
            }
        }
        System.out.println("customer utterances   neutral agitated low");
        System.out.printf("  calm voice          %7d %8d %3d%n", m[0][0], m[0][1], m[0][2]);
        System.out.printf("  angry voice         %7d %8d %3d%n", m[1][0], m[1][1], m[1][2]);
        misses.forEach(System.out::println);
        int calm = m[0][0] + m[0][1] + m[0][2];
        int angryN = m[1][0] + m[1][1] + m[1][2];
        assertThat(angryN).isGreaterThan(10);
        assertThat((double) m[0][0] / calm)
                .as("calm labelled neutral")
                .isGreaterThanOrEqualTo(0.95);
        assertThat((double) m[1][1] / angryN)
                .as("angry labelled agitated")
                .isGreaterThanOrEqualTo(0.8);
        assertThat(calmers).isZero();
    }
}
