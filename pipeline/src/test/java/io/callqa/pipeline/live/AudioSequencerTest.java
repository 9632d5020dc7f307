package io.callqa.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.pipeline.analysis.DeadLetter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AudioSequencerTest {
    private static final LiveCallSettings SETTINGS =
            new LiveCallSettings(
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(10),
                    3,
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(2));

    private KeyedOneInputStreamOperatorTestHarness<String, LiveInput, LiveAudio> harness;

    private KeyedOneInputStreamOperatorTestHarness<String, LiveInput, LiveAudio> open()
            throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new AudioSequencer(SETTINGS)),
                        LiveInput::callId,
                        org.apache.flink.api.common.typeinfo.Types.STRING);
        harness.open();
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static LiveInput started(String call) {
        return LiveInput.of(
                new CallEvent(call, CallEvent.STARTED, 0, Map.of("agent_id", "a-1"), "events@0"));
    }

    private static LiveInput ended(String call) {
        return LiveInput.of(new CallEvent(call, CallEvent.ENDED, 0, Map.of(), "events@9"));
    }

    private static LiveInput chunk(String call, String channel, long seq) {
        // 0.1 s of 8 kHz mu-law.
        return LiveInput.of(
                new AudioChunk(call, channel, seq, 8000, "mulaw", new byte[800], "audio@" + seq));
    }

    private static LiveInput utterance(String call, String speaker, double start, double end) {
        return LiveInput.of(
                new LiveUtterance(call, speaker, start, end, "hello", "utterances@0", 0));
    }

    private List<String> emitted() {
        return harness.extractOutputValues().stream().map(Objects::toString).toList();
    }

    private List<String> deadLetters() {
        var out = harness.getSideOutput(DeadLetter.OUTPUT);
        return out == null
                ? List.of()
                : out.stream().map(StreamRecord::getValue).map(d -> d.reason).toList();
    }

    private void assertCallStateIsGone() {
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void reordersDropsDuplicatesAndClearsEverythingWhenTheCallEnds() throws Exception {
        open();
        harness.processElement(started("c1"), 0);
        for (LiveInput in :
                List.of(
                        chunk("c1", "agent", 1),
                        chunk("c1", "customer", 0),
                        chunk("c1", "agent", 0),
                        chunk("c1", "agent", 0),
                        chunk("c1", "agent", 2),
                        chunk("c1", "customer", 1),
                        chunk("c1", "agent", 1))) {
            harness.processElement(in, 0);
        }
        assertThat(emitted())
                .containsExactly(
                        "started c1",
                        "audio c1/customer#0",
                        "audio c1/agent#0",
                        "audio c1/agent#1",
                        "audio c1/agent#2",
                        "audio c1/customer#1");
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.setProcessingTime(1_000);
        harness.processElement(ended("c1"), 0);
        // Sent before the end, arrived after it: still part of the call.
        harness.processElement(chunk("c1", "customer", 2), 0);
        assertThat(emitted()).last().isEqualTo("audio c1/customer#2");
        harness.setProcessingTime(3_000);
        assertThat(emitted()).last().isEqualTo("closed c1 by ended");
        assertThat(harness.extractOutputValues().get(0).metadata).containsEntry("agent_id", "a-1");
        assertThat(harness.extractOutputValues().get(7).metadata).containsEntry("agent_id", "a-1");
        assertThat(deadLetters()).isEmpty();
        assertCallStateIsGone();
    }

    @Test
    void aCallThatFallsSilentIsClosedByTheIdleTimer() throws Exception {
        open();
        harness.setProcessingTime(1_000);
        harness.processElement(started("c2"), 0);
        harness.processElement(chunk("c2", "agent", 0), 0);
        harness.setProcessingTime(20_000);
        harness.processElement(chunk("c2", "agent", 1), 0);
        harness.setProcessingTime(49_999);
        assertThat(emitted()).doesNotContain("closed c2 by idle");
        harness.setProcessingTime(50_000);
        assertThat(emitted())
                .containsExactly(
                        "started c2", "audio c2/agent#0", "audio c2/agent#1", "closed c2 by idle");
        assertCallStateIsGone();
    }

    @Test
    void audioBeforeTheStartEventIsHeldAndThenReleased() throws Exception {
        open();
        harness.processElement(chunk("c3", "customer", 1), 0);
        harness.processElement(chunk("c3", "customer", 0), 0);
        assertThat(emitted()).isEmpty();
        harness.processElement(utterance("c3", "customer", 0.0, 0.2), 0);
        assertThat(emitted()).isEmpty();
        harness.processElement(started("c3"), 0);
        // A repeated start event is a duplicate delivery, not a new call.
        harness.processElement(started("c3"), 0);
        assertThat(emitted())
                .containsExactly(
                        "started c3",
                        "audio c3/customer#0",
                        "audio c3/customer#1",
                        "utterance c3/customer 0.0-0.2");
    }

    @Test
    void audioOfACallThatNeverStartsIsADeadLetterAndLeavesNoState() throws Exception {
        open();
        harness.setProcessingTime(0);
        harness.processElement(chunk("ghost", "agent", 0), 0);
        harness.processElement(chunk("ghost", "agent", 1), 0);
        harness.processElement(utterance("ghost", "agent", 0.0, 0.2), 0);
        harness.setProcessingTime(10_000);
        assertThat(emitted()).isEmpty();
        assertThat(deadLetters())
                .containsExactly(
                        "unknown call id ghost: 2 audio chunk(s), 0.2 s, and 1 utterance(s)"
                                + " arrived without a call-started event on callqa.call-events"
                                + " within 10 s (or after the call had ended)");
        assertCallStateIsGone();
    }

    @Test
    void aMissingChunkIsReportedAndTheStreamMovesOn() throws Exception {
        open();
        harness.processElement(started("c4"), 0);
        harness.processElement(chunk("c4", "agent", 0), 0);
        for (long seq = 2; seq <= 5; seq++) {
            harness.processElement(chunk("c4", "agent", seq), 0);
        }
        assertThat(emitted())
                .containsExactly(
                        "started c4",
                        "audio c4/agent#0",
                        "audio c4/agent#2",
                        "audio c4/agent#3",
                        "audio c4/agent#4",
                        "audio c4/agent#5");
        assertThat(deadLetters())
                .containsExactly(
                        "call c4, agent channel: chunk 1 never arrived (1 missing, about 0.1 s"
                                + " of audio); continuing at chunk 2");
        // The late chunk is a duplicate of a position already passed: not emitted twice.
        harness.processElement(chunk("c4", "agent", 1), 0);
        assertThat(emitted()).hasSize(6);
    }

    @Test
    void endingACallFlushesHeldChunksAcrossGaps() throws Exception {
        open();
        harness.processElement(started("c5"), 0);
        harness.processElement(chunk("c5", "customer", 2), 0);
        harness.processElement(chunk("c5", "customer", 5), 0);
        harness.processElement(ended("c5"), 0);
        harness.setProcessingTime(2_000);
        assertThat(emitted())
                .containsExactly(
                        "started c5",
                        "audio c5/customer#2",
                        "audio c5/customer#5",
                        "closed c5 by ended");
        assertThat(deadLetters())
                .containsExactly(
                        "call c5, customer channel: chunks 0..1 never arrived (2 missing, about"
                                + " 0.2 s of audio); continuing at chunk 2",
                        "call c5, customer channel: chunks 3..4 never arrived (2 missing, about"
                                + " 0.2 s of audio); continuing at chunk 5");
        assertCallStateIsGone();
    }
}
