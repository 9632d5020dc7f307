package io.callqa.rules.pack;

import io.callqa.rules.pii.PiiType;
import io.callqa.rules.transcript.Speaker;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a rule looks for. Each rule type of the pack format maps to one of these records; a missing
 * speaker means either party.
 */
public sealed interface RuleCheck {

    /**
     * Every group must be shown by its cue (one of its alternative phrasings or its dialogue act),
     * optionally only within the first {@code within} seconds or the last {@code inLast} seconds of
     * the call. A group whose phrases all name a variable the call leaves unset (no {@code brand}
     * configured) is not checked.
     */
    record PhrasePresent(
            Optional<Speaker> speaker,
            List<Cue> groups,
            OptionalDouble within,
            OptionalDouble inLast)
            implements RuleCheck {
        /** Copies the list. */
        public PhrasePresent {
            groups = List.copyOf(groups);
        }
    }

    /**
     * None of the phrases may be said (prohibited language; escalation requests by the customer).
     */
    record PhraseAbsent(
            Optional<Speaker> speaker, Cue cue, OptionalDouble within, OptionalDouble inLast)
            implements RuleCheck {
        /** The cue's phrases. */
        public List<String> phrases() {
            return cue.phrases();
        }
    }

    /**
     * A {@code first} phrase must come before any {@code then} phrase (identity verification before
     * account details). Not applicable when no {@code then} phrase is said.
     */
    record Ordering(Optional<Speaker> speaker, Cue first, Cue then) implements RuleCheck {}

    /**
     * When the customer is agitated, the responder says one of the phrases within {@code within}
     * seconds of the agitated utterance. Not applicable when the customer is never agitated.
     */
    record Reaction(Speaker responder, Cue cue, double within) implements RuleCheck {
        /** The cue's phrases. */
        public List<String> phrases() {
            return cue.phrases();
        }
    }

    /** A dynamics figure must not exceed {@code max} (seconds or a 0..1 ratio). */
    record Threshold(Metric metric, double max) implements RuleCheck {}

    /** None of the given kinds of sensitive data may be said aloud. */
    record PiiSpoken(Optional<Speaker> speaker, Set<PiiType> types) implements RuleCheck {
        /** Copies the set. */
        public PiiSpoken {
            types = Set.copyOf(types);
        }
    }
}
