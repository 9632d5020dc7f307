package io.callqa.analysis;

import io.callqa.audio.CallFeatures;
import io.callqa.audio.dynamics.ConversationDynamics;
import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.audio.dynamics.SpeechSegment;
import io.callqa.rules.abuse.AbuseDetector;
import io.callqa.rules.acts.DialogueActClassifier;
import io.callqa.rules.assist.AgentAssist;
import io.callqa.rules.assist.AssistReport;
import io.callqa.rules.assist.AssistSession;
import io.callqa.rules.classify.CallClassifier;
import io.callqa.rules.engine.Alert;
import io.callqa.rules.engine.CallAnalysis;
import io.callqa.rules.engine.CallAnalyzer;
import io.callqa.rules.pack.Metric;
import io.callqa.rules.pack.Rule;
import io.callqa.rules.pack.RuleCheck;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackException;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.pii.PiiRedactor;
import io.callqa.rules.summary.CallSummarizer;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one analysis of a call: a transcript, and its recording's measures when there is one, in; a
 * {@link CallReport} out. {@code callqa analyze}, the batch operator and the live operator all call
 * it, so what the analysis contains is decided here only.
 *
 * <p>Scores with the bundled pack of each call's language, or with one given pack for every call.
 * Not thread-safe: each operator instance holds its own.
 */
public final class CallReporter {

    private static final PiiRedactor METADATA_REDACTOR = new PiiRedactor();

    private final DynamicsSettings dynamicsSettings;
    private final RulePack fixedPack;
    private final RulePackLoader packs = new RulePackLoader();
    private final Map<String, RulePack> bundled = new HashMap<>();
    private final Map<String, CallAnalyzer> analyzers = new HashMap<>();
    private final Map<String, AgentAssist> assists = new HashMap<>();
    private final CallClassifier classifier = CallClassifier.defaultModel();
    private final AbuseDetector abuse = AbuseDetector.defaults();
    private final CallActs acts = new CallActs(DialogueActClassifier.defaults());

    /** A reporter scoring with the bundled pack of each call's language. */
    public CallReporter(DynamicsSettings dynamicsSettings) {
        this(dynamicsSettings, null);
    }

    /**
     * A reporter scoring every call with {@code pack}, or with the bundled pack of its language
     * when {@code pack} is null.
     */
    public CallReporter(DynamicsSettings dynamicsSettings, RulePack pack) {
        if (dynamicsSettings == null) {
            throw new IllegalArgumentException(
                    "CallReporter: dynamicsSettings is null; pass DynamicsSettings.DEFAULTS");
        }
        this.dynamicsSettings = dynamicsSettings;
        this.fixedPack = pack;
    }

    /**
     * The report of {@code t}.
     *
     * @param source where the call came from
     * @param asr who recognized its words
     * @param audio what audio analysis measured of its recording, or null without one
     */
    public CallReport report(CallTranscript t, Source source, Asr asr, CallFeatures audio) {
        acts.forget();
        CallAnalysis analysis =
                audio == null
                        ? analyzer(t.language()).analyze(t)
                        : analyzer(t.language()).analyze(t, AudioSignals.signals(t, audio));
        // Run on the redacted call, so the evidence the document keeps holds no personal data.
        AbuseReport abused = AbuseReport.of(analysis.call(), pack(t.language()), abuse);
        analysis = withAbuseAlert(analysis, abused);
        ConversationDynamics dynamics = audio == null ? turnTaking(t) : audio.dynamics();
        return new CallReport(
                analysis,
                // Classified on the redacted transcript: unredacted text never leaves the analysis.
                classifier.classify(analysis.call()),
                redactedMetadata(t),
                source,
                asr,
                dynamics,
                audio,
                assist(analysis.call()),
                abused);
    }

    /** The analysis with the call's abuse alert among its alerts, so every reader lists it. */
    private static CallAnalysis withAbuseAlert(CallAnalysis a, AbuseReport abused) {
        Optional<Alert> alert = abused.alert(a.call().callId());
        if (alert.isEmpty()) {
            return a;
        }
        List<Alert> alerts = new ArrayList<>(a.alerts());
        alerts.add(alert.get());
        return new CallAnalysis(
                a.call(),
                a.durationS(),
                a.pack(),
                a.results(),
                a.scorecard(),
                a.summary(),
                a.pii(),
                a.agitated(),
                alerts);
    }

    /**
     * What the pack's playbooks would have suggested over the (redacted) call, with the acts the
     * rules already classified.
     */
    private AssistReport assist(CallTranscript redacted) {
        String language = redacted.language();
        AssistSession session =
                assists.computeIfAbsent(language, lang -> AgentAssist.withDefaultModels(pack(lang)))
                        .start(redacted.metadata());
        for (Utterance u : redacted.utterances()) {
            session.accept(u, acts.scores(u.text(), language));
        }
        return session.report();
    }

    /** The pack that scores calls in {@code language}. */
    public RulePack pack(String language) {
        if (fixedPack != null) {
            return fixedPack;
        }
        return bundled.computeIfAbsent(
                language,
                lang -> {
                    try {
                        return packs.loadDefault(lang);
                    } catch (RulePackException e) {
                        // The bundled packs are validated by the build; this is a broken jar.
                        throw new IllegalStateException(
                                "bundled rule pack for '"
                                        + lang
                                        + "' is invalid: "
                                        + e.getMessage(),
                                e);
                    }
                });
    }

    /**
     * The shortest dead air, in seconds, on which a pack raises an alert; infinite when none does.
     * A live call compares its ongoing silence with this before it runs any rule.
     */
    public double shortestDeadAirAlertS() {
        double shortest = Double.POSITIVE_INFINITY;
        for (String language : List.of("en", "ko")) {
            for (Rule rule : pack(language).rules()) {
                if (rule.alert().isPresent()
                        && rule.check() instanceof RuleCheck.Threshold th
                        && th.metric() == Metric.DEAD_AIR) {
                    shortest = Math.min(shortest, th.max());
                }
            }
        }
        return shortest;
    }

    /**
     * The call's metadata, redacted: a live call's start event may carry any field (a caller's
     * number, a name), and the document and the alerts are stored and sent.
     */
    public static Map<String, String> redactedMetadata(CallTranscript t) {
        return redactedMetadata(t.metadata());
    }

    /** Metadata as a call's start event carries it, redacted. */
    public static Map<String, String> redactedMetadata(Map<String, String> metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        metadata.forEach((k, v) -> out.put(k, METADATA_REDACTOR.redact(v).text()));
        return out;
    }

    private CallAnalyzer analyzer(String language) {
        return analyzers.computeIfAbsent(
                language,
                lang ->
                        new CallAnalyzer(
                                pack(lang), new PiiRedactor(), new CallSummarizer(), acts));
    }

    private ConversationDynamics turnTaking(CallTranscript t) {
        return ConversationDynamics.measure(
                segments(t, Speaker.AGENT),
                segments(t, Speaker.CUSTOMER),
                t.speechEnd(),
                dynamicsSettings);
    }

    private static List<SpeechSegment> segments(CallTranscript t, Speaker speaker) {
        return t.utterances().stream()
                .filter(u -> u.speaker() == speaker)
                .map(u -> new SpeechSegment(u.start(), u.end()))
                .toList();
    }
}
