package io.callqa.rules.pii;

import io.callqa.rules.transcript.CallTranscript;
import java.util.List;

/**
 * A call after redaction.
 *
 * @param transcript the call with redacted utterance texts and without the input's extra fields
 *     (which may hold raw data)
 * @param findings what was found, by utterance
 */
public record RedactedTranscript(CallTranscript transcript, List<PiiFinding> findings) {

    /** Copies the list. */
    public RedactedTranscript {
        findings = List.copyOf(findings);
    }
}
