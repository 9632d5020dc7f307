package io.callqa.rules.engine;

import io.callqa.rules.acts.DialogueActClassifier;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.Severity;
import io.callqa.rules.pii.PiiRedactor;
import io.callqa.rules.pii.RedactedTranscript;
import io.callqa.rules.summary.CallSummarizer;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.List;

/**
 * The post-call analysis of one call: redact first, then evaluate the pack on the redacted text,
 * score, summarize and raise alerts. Nothing downstream of the redactor sees raw text.
 */
public final class CallAnalyzer {

    private final RuleEngine engine;
    private final PiiRedactor redactor;
    private final CallSummarizer summarizer;

    /** An analyzer for {@code pack} with redaction on and default summary settings. */
    public CallAnalyzer(RulePack pack) {
        this(pack, new PiiRedactor(), new CallSummarizer());
    }

    /** An analyzer with explicit redaction and summary settings. */
    public CallAnalyzer(RulePack pack, PiiRedactor redactor, CallSummarizer summarizer) {
        this(pack, redactor, summarizer, ActScorer.of(DialogueActClassifier.defaults()));
    }

    /** An analyzer that tags utterances with dialogue acts from {@code acts}. */
    public CallAnalyzer(
            RulePack pack, PiiRedactor redactor, CallSummarizer summarizer, ActScorer acts) {
        this.engine = new RuleEngine(pack, acts);
        this.redactor = redactor;
        this.summarizer = summarizer;
    }

    /** Analyzes a call from its transcript alone. */
    public CallAnalysis analyze(CallTranscript call) {
        return analyze(call, CallSignals.NONE);
    }

    /** Analyzes a call with what audio analysis found about it. */
    public CallAnalysis analyze(CallTranscript call, CallSignals signals) {
        RedactedTranscript redacted = redactor.redact(call);
        CallTranscript c = redacted.transcript();
        CallSignals s = signals.withTimings(c);
        List<RuleResult> results = engine.evaluate(c, redacted.findings(), s);
        List<Integer> agitated = engine.agitated(c, s);
        List<Alert> alerts = new ArrayList<>();
        if (!agitated.isEmpty()) {
            int i = agitated.get(0);
            alerts.add(
                    new Alert(
                            c.callId() + ":anger",
                            "anger",
                            null,
                            Severity.MEDIUM,
                            i,
                            c.utterances().get(i).start(),
                            "customer agitated"));
        }
        for (RuleResult r : results) {
            if (!r.failed() || r.rule().alert().isEmpty()) {
                continue;
            }
            Evidence e = r.evidence().isEmpty() ? null : r.evidence().get(0);
            Integer at = e == null ? null : e.utterance();
            alerts.add(
                    new Alert(
                            c.callId() + ":" + r.rule().id(),
                            r.rule().alert().get(),
                            r.rule().id(),
                            r.rule().severity(),
                            at,
                            e == null ? c.speechEnd() : e.t(),
                            r.rule().id() + ": " + r.note()));
        }
        double duration = c.utterances().stream().mapToDouble(Utterance::end).max().orElse(0);
        return new CallAnalysis(
                c,
                duration,
                engine.pack(),
                results,
                Scorecard.of(results),
                summarizer.summarize(c),
                redacted.findings(),
                agitated,
                alerts);
    }
}
