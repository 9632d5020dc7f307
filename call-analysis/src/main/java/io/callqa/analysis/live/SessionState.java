package io.callqa.analysis.live;

import io.callqa.rules.assist.AssistSession;
import io.callqa.rules.engine.Evidence;
import io.callqa.rules.pii.SaidNumber;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link LiveCallSession} knows, as plain data for a snapshot: a few figures about the
 * call, the recent utterances that a rule can still look back at, and a small state per rule. Its
 * size depends on the pack and the look-backs, not on how long the call has gone on.
 */
final class SessionState {

    /** The call's id. */
    public String callId;

    /** {@code en} or {@code ko}. */
    public String language;

    /** The call's metadata, for the pack's variables ({@code brand}). */
    public Map<String, String> metadata = new HashMap<>();

    /** Utterances taken so far; the next one gets this index. */
    public int count;

    /** End of the latest words, seconds; 0 before any. */
    public double speechEnd;

    /** How far utterances cover the call, for the gaps between them; null before any. */
    public Double coveredTo;

    /** Start of the agent's latest utterance; null before any. */
    public Double agentFrom;

    /** Start of the customer's latest utterance; null before any. */
    public Double customerFrom;

    /** The first utterance of the redaction look-back. */
    public int piiFrom;

    /** The numbers redacted before the look-back, oldest first (the last few only). */
    public List<SaidNumber> said = new ArrayList<>();

    /** Whether the agitated-customer alert was raised. */
    public boolean angerRaised;

    /** Whether the customer-abuse alert was raised. */
    public boolean abuseRaised;

    /** The recent utterances, by index, oldest first. */
    public List<Heard> recent = new ArrayList<>();

    /** Per rule id, what it has seen so far. */
    public Map<String, RuleState> rules = new LinkedHashMap<>();

    /** The agent assist's state (bounded by the pack's playbooks); null before any utterance. */
    public AssistSession.Saved assist;

    /** One recent utterance, raw and redacted. */
    static final class Heard {
        /** Its index in the call. */
        public int index;

        /** Who said it. */
        public Speaker speaker;

        /** Seconds from the start of the call. */
        public double start;

        /** Seconds from the start of the call. */
        public double end;

        /** As recognized, for redacting it again while a number may still continue. */
        public String text;

        /** The recognizer's stated confidence, or null. */
        public Double confidence;

        /** The recognized words as recognized, possibly empty. */
        public List<Word> words = new ArrayList<>();

        /** Its text as redacted so far, or null when redaction left it as it was. */
        public String redacted;

        /** Its words after redaction, or null when redaction left them as they were. */
        public List<Word> redactedWords;

        /** The mean confidence of the redacted utterance, null when it has none. */
        public Double meanConf;

        /** The dialogue-act scores that reach what the pack's cues ask of them. */
        public Map<String, Double> acts = new HashMap<>();

        /** The voice's arousal, or null when not known. */
        public Double arousal;

        /** Whether it showed an agitated customer. */
        public boolean agitated;

        /** The numbers redacted in it (from its last redaction). */
        public List<SaidNumber> said = new ArrayList<>();

        /** Its text as redacted so far. */
        String redacted() {
            return redacted == null ? text : redacted;
        }

        /** Its words after redaction. */
        List<Word> redactedWords() {
            return redactedWords == null ? words : redactedWords;
        }
    }

    /** Where a cue was first shown. */
    static final class Hit {
        /** The utterance. */
        public int utterance;

        /** Offset in its text (0 for an act). */
        public int offset;

        /** The stream it was found in. */
        public int stream;

        /** Who said it. */
        public Speaker speaker;

        /** The evidence, as the batch engine gives it. */
        public Evidence evidence;

        boolean before(Hit other) {
            return utterance < other.utterance
                    || utterance == other.utterance && offset < other.offset;
        }
    }

    /** One rule's incremental state. */
    static final class RuleState {
        /** Decided for the rest of the call: raised, or nothing later can make it fail live. */
        public boolean done;

        /** The rule's stream so far: the index of each part still within matching reach. */
        public List<Integer> tail = new ArrayList<>();

        /** Numbers the rule's streams; a new stream begins when a part does not join. */
        public int stream;

        /** Per cue (present: per group; ordering: first, then), its first hit or null. */
        public List<Hit> hits = new ArrayList<>();

        /** Reaction: the agitated utterances not yet answered. */
        public List<Integer> pending = new ArrayList<>();
    }
}
