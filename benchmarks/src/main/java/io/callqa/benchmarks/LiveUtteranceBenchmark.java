package io.callqa.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.live.LiveCallSession;
import io.callqa.analysis.live.LivePack;
import io.callqa.analysis.live.UtteranceOutcome;
import io.callqa.rules.engine.CallAnalyzer;
import io.callqa.rules.engine.CallSignals;
import io.callqa.rules.engine.LiveAlerts;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Per-utterance analysis time of a live call at its 10th and at its 600th utterance, a 60-minute
 * call stitched from the language's sample calls (as {@link RuleAnalysisBenchmark} stitches 10
 * minutes), by both paths in the same JVM:
 *
 * <ul>
 *   <li>{@code rerun}: what the live operator did before {@code LiveCallSession}: the whole call so
 *       far analysed again ({@link CallAnalyzer#analyze}, then {@link LiveAlerts#settled});
 *   <li>{@code session}: what it does now: the session restored from its snapshot, the utterance
 *       taken, the snapshot written again (the state a stream processor keeps per call);
 *   <li>{@code session_no_assist}: the same with the pack's playbooks left out, so that what the
 *       agent assist adds to each utterance shows in the same run.
 * </ul>
 *
 * An utterance's cost depends on its words (a long sentence with several cues costs more than "no
 * thanks"), so the stitched call's 10th and 600th utterances differ by their words as well as by
 * their place. The figures {@code *_same_words} take that out: the 600th utterance is then the 10th
 * one's words and speaker again, heard after the call's first 599 utterances, so that only the
 * place in the call differs.
 *
 * <p>Each figure is the median over {@code --runs} rounds of a round's median per-utterance time,
 * after a warm-up. Also: the session's snapshot size at both points, and each path's per-utterance
 * time over the whole call (p50, p95, max; one pass). Prints one JSON line. Options: {@code --runs
 * 7 --samples samples}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.callqa.benchmarks.LiveUtteranceBenchmark
 * </pre>
 */
public final class LiveUtteranceBenchmark {

    private static final double CALL_SECONDS = 3600;
    private static final int EARLY = 10;
    private static final int LATE = 600;

    private LiveUtteranceBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchArgs.run("LiveUtteranceBenchmark", args, LiveUtteranceBenchmark::measure);
    }

    private static void measure(String[] args) throws Exception {
        BenchArgs opt = new BenchArgs(args, List.of("--runs", "--samples"));
        int runs = opt.count("--runs", 7, 1);
        Path samples = opt.path("--samples", "samples");
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        out.put("benchmark", "LiveUtteranceBenchmark");
        for (String language : List.of("en", "ko")) {
            CallTranscript call = RuleAnalysisBenchmark.stitched(samples, language, CALL_SECONDS);
            if (call.utterances().size() < LATE) {
                throw new IllegalStateException(
                        language
                                + ": the stitched 60-minute call has only "
                                + call.utterances().size()
                                + " utterances, fewer than "
                                + LATE);
            }
            RulePack pack = new RulePackLoader().loadDefault(language);
            CallAnalyzer analyzer = new CallAnalyzer(pack);
            LivePack live = new LivePack(pack);
            LivePack bare = new LivePack(withoutPlaybooks(pack));
            ObjectNode lang = out.putObject(language);
            lang.put("utterances", call.utterances().size());
            lang.put("call_s", call.speechEnd());

            String early = snapshotBefore(live, call, EARLY);
            String late = snapshotBefore(live, call, LATE);
            lang.put("session_state_at_10_bytes", early.length());
            lang.put("session_state_at_600_bytes", late.length());
            String bareEarly = snapshotBefore(bare, call, EARLY);
            String bareLate = snapshotBefore(bare, call, LATE);
            lang.put("session_no_assist_state_at_600_bytes", bareLate.length());

            IntSupplier rerun10 = () -> rerun(analyzer, call, EARLY);
            IntSupplier rerun600 = () -> rerun(analyzer, call, LATE);
            IntSupplier session10 = () -> session(live, early, call, EARLY);
            IntSupplier session600 = () -> session(live, late, call, LATE);
            IntSupplier bare10 = () -> session(bare, bareEarly, call, EARLY);
            IntSupplier bare600 = () -> session(bare, bareLate, call, LATE);
            Utterance again = again(call, EARLY, LATE);
            IntSupplier session600same = () -> session(live, late, again);
            IntSupplier rerun600same = () -> rerun(analyzer, call, LATE, again);
            // Warm-up: the whole call through the session twice, the rerun path a few times.
            for (int w = 0; w < 2; w++) {
                wholeCall(live, call, false);
                wholeCall(bare, call, false);
            }
            for (int w = 0; w < 3; w++) {
                rerun600.getAsInt();
                rerun10.getAsInt();
            }
            double[] r10 = new double[runs];
            double[] r600 = new double[runs];
            double[] s10 = new double[runs];
            double[] s600 = new double[runs];
            double[] b10 = new double[runs];
            double[] b600 = new double[runs];
            double[] s600same = new double[runs];
            double[] r600same = new double[runs];
            for (int r = 0; r < runs; r++) {
                // Interleaved, so that a slow moment of a shared machine hits every figure alike.
                s10[r] = roundMedian(session10, 300);
                s600[r] = roundMedian(session600, 300);
                b10[r] = roundMedian(bare10, 300);
                b600[r] = roundMedian(bare600, 300);
                s600same[r] = roundMedian(session600same, 300);
                r10[r] = roundMedian(rerun10, 40);
                r600[r] = roundMedian(rerun600, 5);
                r600same[r] = roundMedian(rerun600same, 5);
            }
            lang.set("rerun_at_10_ms", values(json, r10));
            lang.set("rerun_at_600_ms", values(json, r600));
            lang.set("session_at_10_ms", values(json, s10));
            lang.set("session_at_600_ms", values(json, s600));
            lang.set("session_no_assist_at_10_ms", values(json, b10));
            lang.set("session_no_assist_at_600_ms", values(json, b600));
            lang.put("rerun_600_over_10", median(r600) / median(r10));
            lang.put("session_600_over_10", median(s600) / median(s10));
            lang.set("rerun_at_600_same_words_ms", values(json, r600same));
            lang.set("session_at_600_same_words_ms", values(json, s600same));
            lang.put("rerun_600_over_10_same_words", median(r600same) / median(r10));
            lang.put("session_600_over_10_same_words", median(s600same) / median(s10));

            double[] whole = wholeCall(live, call, true);
            lang.put("session_whole_call_p50_ms", percentile(whole, 0.50));
            lang.put("session_whole_call_p95_ms", percentile(whole, 0.95));
            lang.put("session_whole_call_max_ms", percentile(whole, 1.0));
            double[] wholeBare = wholeCall(bare, call, true);
            lang.put("session_no_assist_whole_call_p50_ms", percentile(wholeBare, 0.50));
            lang.put("session_no_assist_whole_call_p95_ms", percentile(wholeBare, 0.95));
            double[] rerunWhole = new double[call.utterances().size()];
            for (int k = 1; k <= rerunWhole.length; k++) {
                final int n = k;
                rerunWhole[k - 1] = timeMs(() -> rerun(analyzer, call, n));
            }
            lang.put("rerun_whole_call_p50_ms", percentile(rerunWhole, 0.50));
            lang.put("rerun_whole_call_p95_ms", percentile(rerunWhole, 0.95));
            lang.put("rerun_whole_call_max_ms", percentile(rerunWhole, 1.0));
        }
        System.out.println(json.writeValueAsString(out));
    }

    /** The pack with its rules and no playbooks: a live session without agent assist. */
    private static RulePack withoutPlaybooks(RulePack p) {
        return new RulePack(
                p.id(),
                p.version(),
                p.language(),
                p.description(),
                p.matching(),
                p.agitation(),
                p.rules(),
                p.variables());
    }

    /** The session's snapshot after the first {@code k - 1} utterances. */
    private static String snapshotBefore(LivePack live, CallTranscript call, int k) {
        LiveCallSession s = session(live, call);
        for (int i = 0; i < k - 1; i++) {
            s.heard(call.utterances().get(i), null);
        }
        return s.snapshot();
    }

    private static LiveCallSession session(LivePack live, CallTranscript call) {
        return new LiveCallSession(live, call.callId(), call.language(), call.metadata());
    }

    /** The k-th utterance by the session: restored, the utterance taken, written again. */
    private static int session(LivePack live, String before, CallTranscript call, int k) {
        return session(live, before, call.utterances().get(k - 1));
    }

    /** {@code next} by the session restored from {@code before}, then written again. */
    private static int session(LivePack live, String before, Utterance next) {
        LiveCallSession s = LiveCallSession.restore(live, before);
        UtteranceOutcome o = s.heard(next, null);
        int settled = o.alerts().size() + o.assist().size();
        return settled + s.snapshot().length();
    }

    /**
     * The {@code early}-th utterance's words and speaker again, as the {@code late}-th: half a
     * second after the {@code (late - 1)}-th ends.
     */
    private static Utterance again(CallTranscript call, int early, int late) {
        Utterance u = call.utterances().get(early - 1);
        double from = call.utterances().get(late - 2).end() + 0.5;
        return new Utterance(u.speaker(), from, from + u.duration(), u.text());
    }

    /** The k-th utterance by the rerun path: the call's first k utterances analysed again. */
    private static int rerun(CallAnalyzer analyzer, CallTranscript call, int k) {
        return rerun(analyzer, call, k, call.utterances().get(k - 1));
    }

    /** The rerun path with {@code last} heard as the k-th utterance. */
    private static int rerun(CallAnalyzer analyzer, CallTranscript call, int k, Utterance last) {
        List<Utterance> heard = new java.util.ArrayList<>(call.utterances().subList(0, k - 1));
        heard.add(last);
        CallTranscript prefix =
                new CallTranscript(
                        call.callId(),
                        call.language(),
                        call.startedAt(),
                        call.metadata(),
                        call.channels(),
                        heard,
                        call.extra());
        Map<Speaker, Double> latest = new EnumMap<>(Speaker.class);
        for (Utterance u : prefix.utterances()) {
            latest.merge(u.speaker(), u.start(), Math::max);
        }
        return LiveAlerts.settled(analyzer.analyze(prefix, CallSignals.NONE), latest).size();
    }

    /** The whole call through the session, each utterance timed when {@code timed}. */
    private static double[] wholeCall(LivePack live, CallTranscript call, boolean timed) {
        double[] ms = new double[call.utterances().size()];
        String snapshot = session(live, call).snapshot();
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            LiveCallSession s = LiveCallSession.restore(live, snapshot);
            s.heard(call.utterances().get(i), null);
            snapshot = s.snapshot();
            ms[i] = timed ? (System.nanoTime() - t0) / 1e6 : 0;
        }
        return ms;
    }

    private static double roundMedian(IntSupplier op, int reps) {
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            ms[i] = timeMs(op);
        }
        return median(ms);
    }

    private static int sink;

    private static double timeMs(IntSupplier op) {
        long t0 = System.nanoTime();
        sink += op.getAsInt();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(double[] v) {
        return percentile(v, 0.5);
    }

    private static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(q * s.length) - 1;
        return round(s[Math.max(0, Math.min(s.length - 1, i))]);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static ArrayNode values(ObjectMapper json, double[] v) {
        ArrayNode a = json.createArrayNode();
        for (double d : v) {
            a.add(round(d));
        }
        return a;
    }
}
