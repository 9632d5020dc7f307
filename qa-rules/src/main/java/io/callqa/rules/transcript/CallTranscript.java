package io.callqa.rules.transcript;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A call as words: metadata plus utterances in time order. This is the sidecar / pre-transcribed
 * input format of callqa (see the README, "Transcript format").
 *
 * @param callId unique id of the call
 * @param language BCP-47 language code, {@code en} or {@code ko}; detected from the text when the
 *     transcript does not say
 * @param startedAt when the call started, if known
 * @param metadata agent_id, team, queue and other string metadata, as given
 * @param channels which stereo channel each speaker is on ({@code agent -> left} by default)
 * @param utterances the turns, sorted by start time
 * @param extra every other top-level field of the input, kept as given and otherwise ignored
 */
public record CallTranscript(
        String callId,
        String language,
        Optional<Instant> startedAt,
        Map<String, String> metadata,
        Map<Speaker, String> channels,
        List<Utterance> utterances,
        ObjectNode extra) {

    /** Copies the collections so that a transcript is immutable once built. */
    public CallTranscript {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(startedAt, "startedAt");
        metadata = Map.copyOf(metadata);
        channels = Map.copyOf(channels);
        utterances = List.copyOf(utterances);
        extra = extra.deepCopy();
    }

    /** End of the last utterance, in seconds; 0 for a call with no speech. */
    public double speechEnd() {
        return utterances.stream().mapToDouble(Utterance::end).max().orElse(0);
    }

    /** A metadata value such as {@code agent_id}, if present. */
    public Optional<String> metadata(String key) {
        return Optional.ofNullable(metadata.get(key));
    }
}
