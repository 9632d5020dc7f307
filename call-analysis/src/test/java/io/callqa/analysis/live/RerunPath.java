package io.callqa.analysis.live;

import io.callqa.analysis.AbuseReport;
import io.callqa.rules.abuse.AbuseDetector;
import io.callqa.rules.engine.Alert;
import io.callqa.rules.engine.CallAnalysis;
import io.callqa.rules.engine.CallAnalyzer;
import io.callqa.rules.engine.CallSignals;
import io.callqa.rules.engine.LiveAlerts;
import io.callqa.rules.engine.TimeSpan;
import io.callqa.rules.engine.UtteranceEmotion;
import io.callqa.rules.pack.Metric;
import io.callqa.rules.pack.Rule;
import io.callqa.rules.pack.RuleCheck;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A live call replayed utterance by utterance through both paths: today's, which analyses the whole
 * call so far on every utterance ({@link LiveAlerts#settled}), and the {@link LiveCallSession}.
 * Each settled alert is written as one line naming the step that raised it, so the two can be
 * compared line by line. Today's path raises the abuse alert as the whole call's analysis does
 * ({@link AbuseReport} beside the pack's alerts), once, on the first abusive customer utterance.
 */
final class RerunPath {

    private RerunPath() {}

    /** A customer's voice heard as agitated on every fifth of their utterances, calm otherwise. */
    static Map<Integer, UtteranceEmotion> voice(CallTranscript call) {
        Map<Integer, UtteranceEmotion> out = new HashMap<>();
        int n = 0;
        for (int i = 0; i < call.utterances().size(); i++) {
            if (call.utterances().get(i).speaker() == Speaker.CUSTOMER) {
                out.put(i, new UtteranceEmotion(n++ % 5 == 4 ? 1.2 : 0.1));
            }
        }
        return out;
    }

    /** The silence checked before utterance k, when the gap before it exceeds a dead-air limit. */
    static Optional<TimeSpan> silenceBefore(RulePack pack, CallTranscript call, int k) {
        if (k == 0) {
            return Optional.empty();
        }
        double covered = 0;
        for (int i = 0; i < k; i++) {
            covered = Math.max(covered, call.utterances().get(i).end());
        }
        double next = call.utterances().get(k).start();
        for (Rule r : pack.rules()) {
            if (r.check() instanceof RuleCheck.Threshold t
                    && t.metric() == Metric.DEAD_AIR
                    && next - covered > t.max()) {
                // Checked shortly before the next words, while the silence still lasts.
                return Optional.of(new TimeSpan(covered, next - 0.25));
            }
        }
        return Optional.empty();
    }

    /** Today's path: the whole call so far analysed again at every step. */
    static List<String> rerun(
            RulePack pack, CallTranscript call, Map<Integer, UtteranceEmotion> voice) {
        CallAnalyzer analyzer = new CallAnalyzer(pack);
        Set<String> raised = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        List<Utterance> us = call.utterances();
        for (int k = 0; k < us.size(); k++) {
            Optional<TimeSpan> silence = silenceBefore(pack, call, k);
            if (silence.isPresent()) {
                CallTranscript prefix = prefix(call, k);
                CallSignals s =
                        CallSignals.NONE
                                .withEmotions(emotions(voice, k))
                                .withOngoingSilence(prefix, silence.get());
                collect(
                        pack,
                        analyzer.analyze(prefix, s),
                        heardFrom(prefix),
                        "silence " + k,
                        raised,
                        out);
            }
            CallTranscript prefix = prefix(call, k + 1);
            CallSignals s = CallSignals.NONE.withEmotions(emotions(voice, k + 1));
            collect(pack, analyzer.analyze(prefix, s), heardFrom(prefix), "step " + k, raised, out);
        }
        return out;
    }

    /**
     * The session's path: each utterance once; with {@code restoring}, the session is written to
     * its snapshot and read back before every record, as a stream processor keeps it.
     */
    static List<String> session(
            LivePack pack,
            CallTranscript call,
            Map<Integer, UtteranceEmotion> voice,
            boolean restoring) {
        LiveCallSession session =
                new LiveCallSession(pack, call.callId(), call.language(), call.metadata());
        List<String> out = new ArrayList<>();
        List<Utterance> us = call.utterances();
        for (int k = 0; k < us.size(); k++) {
            Optional<TimeSpan> silence = silenceBefore(pack.pack(), call, k);
            if (restoring) {
                session = LiveCallSession.restore(pack, session.snapshot());
            }
            if (silence.isPresent()) {
                for (SettledAlert a : session.silence(silence.get())) {
                    out.add(line("silence " + k, a.alert(), a.speaker(), a.text()));
                }
            }
            for (SettledAlert a : session.heard(us.get(k), voice.get(k)).alerts()) {
                out.add(line("step " + k, a.alert(), a.speaker(), a.text()));
            }
        }
        return out;
    }

    private static void collect(
            RulePack pack,
            CallAnalysis a,
            Map<Speaker, Double> heard,
            String step,
            Set<String> raised,
            List<String> out) {
        List<Alert> settled = new ArrayList<>(LiveAlerts.settled(a, heard));
        // A step lists the anger alert first, then the abuse alert, then the rules' alerts.
        AbuseReport.of(a.call(), pack, AbuseDetector.defaults())
                .alert(a.call().callId())
                .ifPresent(
                        x -> {
                            int at = 0;
                            while (at < settled.size() && settled.get(at).type().equals("anger")) {
                                at++;
                            }
                            settled.add(at, x);
                        });
        for (Alert x : settled) {
            if (raised.add(x.id())) {
                Utterance u =
                        x.utterance() == null ? null : a.call().utterances().get(x.utterance());
                out.add(line(step, x, u == null ? null : u.speaker(), u == null ? null : u.text()));
            }
        }
    }

    static String line(String step, Alert a, Speaker speaker, String text) {
        return step
                + " | "
                + a.id()
                + " | "
                + a.type()
                + " | "
                + a.severity()
                + " | utterance "
                + a.utterance()
                + " | t "
                + a.t()
                + " | "
                + a.message()
                + " | "
                + speaker
                + ": "
                + text;
    }

    static CallTranscript prefix(CallTranscript call, int k) {
        return new CallTranscript(
                call.callId(),
                call.language(),
                call.startedAt(),
                call.metadata(),
                call.channels(),
                call.utterances().subList(0, k),
                call.extra());
    }

    private static Map<Integer, UtteranceEmotion> emotions(
            Map<Integer, UtteranceEmotion> voice, int k) {
        Map<Integer, UtteranceEmotion> out = new HashMap<>();
        voice.forEach(
                (i, e) -> {
                    if (i < k) {
                        out.put(i, e);
                    }
                });
        return out;
    }

    private static Map<Speaker, Double> heardFrom(CallTranscript prefix) {
        Map<Speaker, Double> heard = new EnumMap<>(Speaker.class);
        for (Utterance u : prefix.utterances()) {
            heard.merge(u.speaker(), u.start(), Math::max);
        }
        return heard;
    }
}
