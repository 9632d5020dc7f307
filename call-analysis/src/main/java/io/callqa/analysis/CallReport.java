package io.callqa.analysis;

import io.callqa.audio.CallFeatures;
import io.callqa.audio.dynamics.ConversationDynamics;
import io.callqa.rules.assist.AssistReport;
import io.callqa.rules.classify.Classification;
import io.callqa.rules.engine.CallAnalysis;
import io.callqa.rules.engine.RuleResult;
import io.callqa.rules.pack.RuleKind;
import io.callqa.rules.transcript.CallTranscript;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything callqa concludes about one call: what {@code callqa analyze} prints and the job
 * indexes, typed. {@link io.callqa.analysis.document.CallDocuments} is its only writer. Holds only
 * redacted text: the analysis redacts before anything else reads the words, and the metadata is
 * redacted too.
 *
 * @param analysis the QA analysis of the words (redacted transcript, rule results, scorecard,
 *     summary, PII found, alerts)
 * @param category refund, shipping, billing or other, classified on the redacted transcript
 * @param metadata the call's metadata (agent, team, queue, ...), redacted
 * @param source where the call came from
 * @param asr who recognized its words
 * @param dynamics turn-taking: from the audio when there is a recording, else from the utterance
 *     timings
 * @param audio what audio analysis measured (prosody, emotion), or null without a recording
 * @param assist what the pack's playbooks would have suggested to the agent and whether the agent
 *     followed it
 * @param abuse the customer's abuse of the agent, and the notice the agent may read
 */
public record CallReport(
        CallAnalysis analysis,
        Classification category,
        Map<String, String> metadata,
        Source source,
        Asr asr,
        ConversationDynamics dynamics,
        CallFeatures audio,
        AssistReport assist,
        AbuseReport abuse) {

    /** Copies the metadata, keeping its order. */
    public CallReport {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The redacted call. */
    public CallTranscript call() {
        return analysis.call();
    }

    /** When the call started, if known. */
    public Optional<Instant> startedAt() {
        return analysis.call().startedAt();
    }

    /** When the call ended: its start plus the end of the last utterance. */
    public Optional<Instant> endedAt() {
        return startedAt().map(s -> at(s, analysis.call().speechEnd()));
    }

    /** The audio analysis, if the call had a recording. */
    public Optional<CallFeatures> recording() {
        return Optional.ofNullable(audio);
    }

    /** Ids of the rules that failed, in pack order. */
    public List<String> failedRules() {
        return analysis.violations();
    }

    /** Ids of the compliance rules that failed, in pack order. */
    public List<String> failedComplianceRules() {
        return analysis.results().stream()
                .filter(RuleResult::failed)
                .filter(r -> r.rule().kind() == RuleKind.COMPLIANCE)
                .map(r -> r.rule().id())
                .toList();
    }

    /** The instant {@code seconds} into a call that started at {@code start}, to the milli. */
    public static Instant at(Instant start, double seconds) {
        return Instant.ofEpochMilli(start.toEpochMilli() + Math.round(seconds * 1000));
    }
}
