package io.callqa.rules.pii;

import io.callqa.rules.transcript.Utterance;
import java.util.List;

/**
 * The redaction of the latest utterances of a call in progress ({@link PiiRedactor#redactRecent}).
 *
 * @param utterances the given utterances, redacted
 * @param findings what was found in them; utterance indexes count within {@code utterances}
 * @param said the numbers redacted in them, in order; utterance indexes count within {@code
 *     utterances}
 */
public record RecentRedaction(
        List<Utterance> utterances, List<PiiFinding> findings, List<SaidNumber> said) {

    /** Copies the lists. */
    public RecentRedaction {
        utterances = List.copyOf(utterances);
        findings = List.copyOf(findings);
        said = List.copyOf(said);
    }
}
