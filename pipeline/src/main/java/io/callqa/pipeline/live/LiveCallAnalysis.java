package io.callqa.pipeline.live;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.analysis.Asr;
import io.callqa.analysis.CallReport;
import io.callqa.analysis.CallReporter;
import io.callqa.analysis.Source;
import io.callqa.analysis.document.AlertDocument;
import io.callqa.analysis.document.AssistDocument;
import io.callqa.analysis.document.AssistDocuments;
import io.callqa.analysis.document.CallDocument;
import io.callqa.analysis.document.CallDocuments;
import io.callqa.analysis.document.LiveStamp;
import io.callqa.analysis.document.LiveStamp.SettledBy;
import io.callqa.analysis.live.LiveCallSession;
import io.callqa.analysis.live.LivePack;
import io.callqa.analysis.live.SettledAlert;
import io.callqa.analysis.live.UtteranceOutcome;
import io.callqa.audio.AudioFormatException;
import io.callqa.audio.CallFeatures;
import io.callqa.audio.EmotionEstimate;
import io.callqa.audio.FeatureSettings;
import io.callqa.audio.LineActivity;
import io.callqa.audio.Prosody;
import io.callqa.audio.UtteranceFeatures;
import io.callqa.audio.UtteranceProsody;
import io.callqa.audio.VadSettings;
import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.audio.dynamics.SpeechSegment;
import io.callqa.pipeline.analysis.DeadLetter;
import io.callqa.pipeline.analysis.RecordFailure;
import io.callqa.pipeline.analysis.TranscriptAnalysis;
import io.callqa.pipeline.asr.RecognizedUtterance;
import io.callqa.pipeline.asr.VoskTranscriber;
import io.callqa.rules.assist.AssistEvent;
import io.callqa.rules.engine.Alert;
import io.callqa.rules.engine.TimeSpan;
import io.callqa.rules.engine.UtteranceEmotion;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Languages;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.TranscriptReader;
import io.callqa.rules.transcript.Utterance;
import io.callqa.rules.transcript.Word;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Analyses live calls as they happen, keyed by call id, from the sequencer's ordered records.
 *
 * <p>Each finalized utterance (recognized by Vosk from the call's audio when a model is configured,
 * or finalized by the caller's own recognizer on {@code callqa.utterances}) gets prosody and
 * emotion from its audio, then goes to the call's {@link LiveCallSession}, which runs only the
 * rules the utterance can change; every alert that the rest of the call can no longer withdraw is
 * emitted at once on {@link #ALERTS}, once per call, and every agent-assist step the utterance
 * suggests or shows done on {@link #ASSIST}. The work per utterance does not grow with the call: no
 * state is read in full before the call ends. When the call closes, the full post-call analysis
 * produces the call document (the same as for a recording), any alert that only the end could
 * decide, and all of the call's state is cleared. Dead air is the one alert the audio settles
 * rather than the words: once both channels have been silent for longer than a pack's limit, it is
 * raised while the silence goes on.
 *
 * <p>State per call, so that a restore rebuilds everything: the call's metadata, its finalized
 * utterances with their measures (appended per utterance, read when the call ends), the session
 * (one bounded value: recent utterances, a small state per rule and per playbook), each speaker's
 * latest measures (the baseline of their arousal, {@link SpeakerProsody#KEPT} at most), the ids of
 * the alerts already raised, utterances waiting for their audio, when words were last heard and how
 * far the current silence was checked, and per channel only the audio since the last finalized
 * utterance (plus a short lead-in for the noise floor) and its level (a few numbers). Vosk
 * recognizers are not state: after a restore they are rebuilt by feeding them that audio again.
 *
 * <p>Each record is isolated ({@link RecordFailure}): an utterance whose analysis fails, Errors
 * such as a rule's {@link StackOverflowError} included, is reported and leaves no trace in the
 * call's state (the state is written only once the utterance is through), and the call goes on
 * without it. A call whose end cannot be analysed is reported, and its state is cleared like any
 * ended call's.
 */
public class LiveCallAnalysis extends KeyedProcessFunction<String, LiveAudio, CallDocument> {
    private static final long serialVersionUID = 1L;

    /** Alerts, as they are raised. */
    public static final org.apache.flink.util.OutputTag<AlertDocument> ALERTS =
            TranscriptAnalysis.ALERTS;

    /**
     * Agent-assist steps suggested and withdrawn, as the utterances that cause them are taken. Each
     * event's id is deterministic (call, playbook, step, kind), so one emitted again after a
     * restore overwrites itself downstream.
     */
    public static final org.apache.flink.util.OutputTag<AssistDocument> ASSIST =
            new org.apache.flink.util.OutputTag<>("assist") {
                private static final long serialVersionUID = 1L;
            };

    static final String STAGE = "live-analysis";

    /** Audio kept before an utterance so that voice activity can find the line's noise floor. */
    static final double LEAD_IN_S = 2.0;

    /** Most audio kept per channel when no utterance comes to consume it (no words yet). */
    static final double MAX_HELD_S = 120.0;

    private final String modelDir;
    private final long audioWaitMillis;
    private final int maxUtterances;

    private transient ValueState<LiveCall> call;
    private transient MapState<String, ChannelAudio> audio;
    private transient MapState<String, LineActivity> levels;
    private transient ListState<HeardUtterance> heard;
    private transient ListState<LiveUtterance> waiting;
    private transient ValueState<String> session;
    private transient ValueState<SpeakerProsody> prosodies;
    private transient MapState<String, Boolean> raised;
    private transient ValueState<Double> lastWordsEnd;
    private transient ValueState<Double> silenceCheckedTo;
    private transient ValueState<Long> audioWaitTimer;
    private transient double shortestDeadAirS;
    private transient UtteranceProsody prosody;
    private transient CallReporter reporter;
    private transient Map<String, LivePack> packs;
    private transient Map<String, Recognizer> recognizers;
    private transient Counter alertsRaised;

    /**
     * @param modelDir the Vosk model that transcribes the calls' audio, or null when the words come
     *     finalized on {@code callqa.utterances}
     */
    public LiveCallAnalysis(String modelDir) {
        this(modelDir, LiveCallSettings.DEFAULTS.audioWait());
    }

    /**
     * @param modelDir as above
     * @param audioWait how long an utterance waits for its audio before it is taken without prosody
     *     ({@link LiveCallSettings#audioWait()})
     */
    public LiveCallAnalysis(String modelDir, Duration audioWait) {
        this(modelDir, audioWait, TranscriptReader.Limits.DEFAULTS.maxUtterances());
    }

    /**
     * @param modelDir as above
     * @param audioWait as above
     * @param maxUtterances further utterances of a call are dropped and reported ({@code
     *     transcript.max-utterances})
     */
    public LiveCallAnalysis(String modelDir, Duration audioWait, int maxUtterances) {
        this.modelDir = modelDir;
        this.audioWaitMillis = audioWait.toMillis();
        this.maxUtterances = maxUtterances;
    }

    @Override
    public void open(OpenContext openContext) {
        call = getRuntimeContext().getState(new ValueStateDescriptor<>("call", LiveCall.class));
        audio =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "audio", String.class, ChannelAudio.class));
        // Kept apart from the audio: a few numbers per channel, read on every chunk.
        levels =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "levels", String.class, LineActivity.class));
        heard =
                getRuntimeContext()
                        .getListState(new ListStateDescriptor<>("heard", HeardUtterance.class));
        waiting =
                getRuntimeContext()
                        .getListState(new ListStateDescriptor<>("waiting", LiveUtterance.class));
        session = getRuntimeContext().getState(new ValueStateDescriptor<>("session", String.class));
        prosodies =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "speaker-prosody", SpeakerProsody.class));
        raised =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("raised", String.class, Boolean.class));
        lastWordsEnd =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("last-words-end", Double.class));
        silenceCheckedTo =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("silence-checked-to", Double.class));
        audioWaitTimer =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("audio-wait-timer", Long.class));
        prosody = new UtteranceProsody(FeatureSettings.DEFAULTS);
        reporter = new CallReporter(DynamicsSettings.DEFAULTS);
        shortestDeadAirS = reporter.shortestDeadAirAlertS();
        packs = new HashMap<>();
        recognizers = new HashMap<>();
        alertsRaised = getRuntimeContext().getMetricGroup().counter("liveAlertsRaised");
    }

    @Override
    public void close() {
        if (recognizers != null) {
            recognizers.values().forEach(r -> r.transcriber().close());
            recognizers.clear();
        }
    }

    @Override
    public void processElement(LiveAudio in, Context ctx, Collector<CallDocument> out)
            throws Exception {
        if (LiveAudio.CLOSED.equals(in.kind)) {
            onClosed(in, ctx, out);
            return;
        }
        try {
            switch (in.kind) {
                case LiveAudio.STARTED ->
                        call.update(new LiveCall(in.startedAtMillis, in.metadata));
                case LiveAudio.AUDIO -> onAudio(in.chunk, ctx);
                case LiveAudio.UTTERANCE -> onUtterance(in.utterance, ctx);
                default -> throw new IllegalStateException("unknown live record kind " + in.kind);
            }
        } catch (Throwable t) {
            RecordFailure.rethrowIfFatal(t);
            String source =
                    in.chunk != null
                            ? in.chunk.source
                            : in.utterance != null
                                    ? in.utterance.source
                                    : "kafka:" + LiveTopics.CALL_EVENTS + "/" + ctx.getCurrentKey();
            reject(
                    ctx,
                    source,
                    String.format(
                            Locale.ROOT,
                            "call %s: its %s record could not be analysed and was dropped; the"
                                    + " call goes on: %s",
                            ctx.getCurrentKey(),
                            in.kind,
                            RecordFailure.describe(t)));
        }
    }

    private void onAudio(AudioChunk c, Context ctx) throws Exception {
        ChannelAudio a = audio.get(c.channel);
        if (a == null) {
            a = new ChannelAudio(c.sampleRate);
        } else if (a.sampleRate != c.sampleRate) {
            reject(
                    ctx,
                    c.source,
                    String.format(
                            Locale.ROOT,
                            "call %s, %s channel: chunk %d is at %d Hz but the channel started at"
                                    + " %d Hz; chunk ignored (a call keeps one rate per channel)",
                            c.callId,
                            c.channel,
                            c.seq,
                            c.sampleRate,
                            a.sampleRate));
            return;
        }
        short[] samples = AudioChunks.decode(c);
        a.append(samples);
        LineActivity level = levels.get(c.channel);
        if (level == null) {
            level = new LineActivity();
        }
        level.accept(samples, samples.length, a.sampleRate, VadSettings.DEFAULTS);
        levels.put(c.channel, level);
        if (modelDir != null) {
            for (RecognizedUtterance r : recognize(ctx.getCurrentKey(), c.channel, a)) {
                takeUtterance(ctx, recognized(ctx.getCurrentKey(), c.channel, r), a);
            }
        }
        // Without words nothing consumes the audio; keep a bounded tail only.
        a.dropBefore(a.endSample() - (long) (MAX_HELD_S * a.sampleRate));
        audio.put(c.channel, a);
        releaseCovered(ctx, c.channel);
        checkSilence(ctx);
    }

    /**
     * Raises dead air while it lasts: once both channels' audio shows nobody has spoken for longer
     * than the shortest dead air a pack alerts on, the rules run with that silence so far. They run
     * again at most once a second of call audio while the silence goes on (a pack may set a longer
     * limit), and the alert, once raised, is not raised again when the silence ends.
     */
    private void checkSilence(Context ctx) throws Exception {
        Double wordsEnd = lastWordsEnd.value();
        if (wordsEnd == null || !Double.isFinite(shortestDeadAirS)) {
            // Dead air counts from the first words on; before them the call has not started.
            return;
        }
        LineActivity agent = levels.get("agent");
        LineActivity customer = levels.get("customer");
        if (agent == null || customer == null) {
            return;
        }
        double now = LineActivity.heardTo(agent, customer);
        double since = LineActivity.silentSince(wordsEnd, agent, customer);
        Double checked = silenceCheckedTo.value();
        if (now - since <= shortestDeadAirS || (checked != null && now < checked + 1.0)) {
            return;
        }
        silenceCheckedTo.update(now);
        String snapshot = session.value();
        if (snapshot == null) {
            return;
        }
        LiveCallSession s = LiveCallSession.restore(this::pack, snapshot);
        List<SettledAlert> settled = s.silence(new TimeSpan(since, now));
        if (settled.isEmpty()) {
            return;
        }
        session.update(s.snapshot());
        Long at = ctx.timestamp();
        raiseSettled(
                ctx,
                s,
                settled,
                SettledBy.AUDIO,
                at == null ? ctx.timerService().currentProcessingTime() : at);
    }

    private void onUtterance(LiveUtterance u, Context ctx) throws Exception {
        ChannelAudio a = audio.get(u.speaker);
        if (a != null && a.endSeconds() < u.end) {
            // Its audio is still on the way; measure it when the audio has arrived, or give up
            // waiting after live.audio-wait.
            long now = ctx.timerService().currentProcessingTime();
            u.waitingSinceMillis = now;
            waiting.add(u);
            if (audioWaitTimer.value() == null) {
                audioWaitTimer.update(now + audioWaitMillis);
                ctx.timerService().registerProcessingTimeTimer(now + audioWaitMillis);
            }
            return;
        }
        takeUtterance(ctx, u, a);
        if (a != null) {
            audio.put(u.speaker, a);
        }
    }

    /**
     * Takes the utterances that have waited {@code live.audio-wait} for their audio without
     * prosody, reporting how far the audio got, so a stalled audio stream cannot hold back their
     * alerts; waits again for any that came later.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CallDocument> out)
            throws Exception {
        try {
            takeLate(timestamp, ctx);
        } catch (Throwable t) {
            RecordFailure.rethrowIfFatal(t);
            waiting.clear();
            reject(
                    ctx,
                    "kafka:" + LiveTopics.UTTERANCES + "/" + ctx.getCurrentKey(),
                    "call "
                            + ctx.getCurrentKey()
                            + ": the utterances that waited for their audio could not be"
                            + " analysed and were dropped; the call goes on: "
                            + RecordFailure.describe(t));
        }
    }

    private void takeLate(long timestamp, OnTimerContext ctx) throws Exception {
        audioWaitTimer.clear();
        List<LiveUtterance> still = new ArrayList<>();
        List<LiveUtterance> late = new ArrayList<>();
        for (LiveUtterance u : waiting.get()) {
            (u.waitingSinceMillis + audioWaitMillis <= timestamp ? late : still).add(u);
        }
        waiting.update(still);
        late.sort(Comparator.comparingDouble((LiveUtterance u) -> u.end));
        for (LiveUtterance u : late) {
            ChannelAudio a = audio.get(u.speaker);
            reject(
                    ctx,
                    u.source,
                    String.format(
                            Locale.ROOT,
                            "call %s, %s channel: the audio stopped at %.2f s but the utterance"
                                    + " at %.2f-%.2f s waited %d ms for it; the utterance is kept"
                                    + " without prosody",
                            ctx.getCurrentKey(),
                            u.speaker,
                            a == null ? 0 : a.endSeconds(),
                            u.start,
                            u.end,
                            audioWaitMillis));
            takeUtterance(ctx, u, null);
        }
        if (!still.isEmpty()) {
            long next =
                    still.stream().mapToLong(u -> u.waitingSinceMillis).min().getAsLong()
                            + audioWaitMillis;
            audioWaitTimer.update(next);
            ctx.timerService().registerProcessingTimeTimer(next);
        }
    }

    /** Finalizes the waiting utterances of {@code channel} that its audio now covers. */
    private void releaseCovered(Context ctx, String channel) throws Exception {
        List<LiveUtterance> still = new ArrayList<>();
        List<LiveUtterance> ready = new ArrayList<>();
        ChannelAudio a = audio.get(channel);
        for (LiveUtterance u : waiting.get()) {
            (u.speaker.equals(channel) && a.endSeconds() >= u.end ? ready : still).add(u);
        }
        if (ready.isEmpty()) {
            return;
        }
        waiting.update(still);
        for (LiveUtterance u : ready) {
            takeUtterance(ctx, u, a);
        }
        audio.put(channel, a);
    }

    /**
     * Measures, stores and rule-checks one finalized utterance; {@code a} may be null. If that
     * fails, the utterance is taken out of the call's state again and reported: the call goes on
     * without it.
     */
    private void takeUtterance(Context ctx, LiveUtterance u, ChannelAudio a) throws Exception {
        String snapshot = session.value();
        LiveCallSession s = snapshot == null ? null : LiveCallSession.restore(this::pack, snapshot);
        int before = s == null ? 0 : s.utterances();
        if (before >= maxUtterances) {
            reject(
                    ctx,
                    u.source,
                    String.format(
                            Locale.ROOT,
                            "call %s, %s utterance at %.2f-%.2f s dropped: the call already has"
                                    + " %d utterances, the most accepted"
                                    + " (transcript.max-utterances)",
                            ctx.getCurrentKey(),
                            u.speaker,
                            u.start,
                            u.end,
                            before));
            return;
        }
        try {
            measureAndCheck(ctx, u, a, s);
        } catch (Throwable t) {
            RecordFailure.rethrowIfFatal(t);
            // Nothing was written: the call's state is as it was before this utterance.
            reject(
                    ctx,
                    u.source,
                    String.format(
                            Locale.ROOT,
                            "call %s, %s utterance at %.2f-%.2f s could not be analysed and was"
                                    + " dropped; the call goes on without it: %s",
                            ctx.getCurrentKey(),
                            u.speaker,
                            u.start,
                            u.end,
                            RecordFailure.describe(t)));
        }
    }

    /**
     * Measures one utterance and gives it to the call's session ({@code s}, null before the first
     * utterance); the state is written once that has succeeded, and the settled alerts raised.
     */
    private void measureAndCheck(Context ctx, LiveUtterance u, ChannelAudio a, LiveCallSession s)
            throws Exception {
        Prosody p = null;
        EmotionEstimate e = null;
        if (a != null) {
            p = measure(ctx, u, a);
            long keepFrom = (long) ((u.end - LEAD_IN_S) * a.sampleRate);
            a.dropBefore(Math.min(keepFrom, modelDir != null ? a.recognizedTo : keepFrom));
        }
        SpeakerProsody history = prosodies.value();
        if (history == null) {
            history = new SpeakerProsody();
        }
        if (p != null) {
            e = prosody.latest(history.with(u.speaker, p));
        }
        HeardUtterance h = new HeardUtterance(u, p, e);
        if (s == null) {
            s = newSession(ctx.getCurrentKey(), call.value(), h);
        }
        UtteranceOutcome outcome =
                s.heard(
                        utterance(h),
                        e != null && Double.isFinite(e.arousal())
                                ? new UtteranceEmotion(e.arousal())
                                : null);
        heard.add(h);
        session.update(s.snapshot());
        if (p != null) {
            history.add(u.speaker, p);
            prosodies.update(history);
        }
        Double wordsEnd = lastWordsEnd.value();
        lastWordsEnd.update(wordsEnd == null ? u.end : Math.max(wordsEnd, u.end));
        raiseSettled(ctx, s, outcome.alerts(), SettledBy.UTTERANCE, u.finalizedAtMillis);
        assist(ctx, s, outcome.assist(), u.finalizedAtMillis);
    }

    /**
     * Emits the assist events of an utterance finalized at {@code finalizedAtMillis}, stamped with
     * when they were raised, so that the agent's view (and the benchmark) can measure their
     * latency.
     */
    private void assist(
            Context ctx, LiveCallSession s, List<AssistEvent> events, long finalizedAtMillis)
            throws Exception {
        if (events.isEmpty()) {
            return;
        }
        LiveCall c = call.value();
        Map<String, String> redacted = documentMetadata(c);
        Optional<Instant> startedAt = startedAt(c);
        LiveStamp stamp =
                new LiveStamp(
                        ctx.timerService().currentProcessingTime(),
                        SettledBy.UTTERANCE,
                        finalizedAtMillis);
        for (AssistEvent e : events) {
            ctx.output(
                    ASSIST,
                    AssistDocuments.event(
                            ctx.getCurrentKey(), s.language(), startedAt, redacted, e, stamp));
        }
    }

    /** The call's metadata as its documents carry it: redacted, without the language. */
    private static Map<String, String> documentMetadata(LiveCall c) {
        Map<String, String> metadata = new HashMap<>(c == null ? Map.of() : c.metadata);
        metadata.remove("language");
        return CallReporter.redactedMetadata(metadata);
    }

    private static Optional<Instant> startedAt(LiveCall c) {
        return c == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(c.startedAtMillis));
    }

    /** The session of a call whose first utterance is {@code first}. */
    private LiveCallSession newSession(String callId, LiveCall c, HeardUtterance first) {
        Map<String, String> metadata = new HashMap<>(c == null ? Map.of() : c.metadata);
        String language = metadata.remove("language");
        if (!"en".equals(language) && !"ko".equals(language)) {
            // Decided on the first words: the session's rules are those of one language.
            language = Languages.detect(List.of(first.text));
        }
        return new LiveCallSession(pack(language), callId, language, metadata);
    }

    private LivePack pack(String language) {
        return packs.computeIfAbsent(language, l -> new LivePack(reporter.pack(l)));
    }

    private Prosody measure(Context ctx, LiveUtterance u, ChannelAudio a) throws Exception {
        long from = Math.max(a.startSample, (long) ((u.start - LEAD_IN_S) * a.sampleRate));
        long to = Math.min(a.endSample(), (long) Math.ceil(u.end * a.sampleRate));
        double offset = from / (double) a.sampleRate;
        if (to - from < a.sampleRate / 10 || u.end - offset <= 0) {
            return null;
        }
        int n = (int) (to - from);
        short[] piece = new short[n];
        System.arraycopy(a.pcm, (int) (from - a.startSample), piece, 0, n);
        try {
            return prosody.measure(
                    ctx.getCurrentKey() + "/" + u.speaker,
                    piece,
                    n,
                    a.sampleRate,
                    Math.max(0, u.start - offset),
                    u.end - offset,
                    words(u.text));
        } catch (AudioFormatException ex) {
            reject(ctx, u.source, ex.getMessage() + "; the utterance is kept without prosody");
            return null;
        }
    }

    /** Emits the alerts the session settled, as alert documents. */
    private void raiseSettled(
            Context ctx, LiveCallSession s, List<SettledAlert> settled, SettledBy by, long atMillis)
            throws Exception {
        if (settled.isEmpty()) {
            return;
        }
        LiveCall c = call.value();
        Map<String, String> redacted = documentMetadata(c);
        Optional<Instant> startedAt = startedAt(c);
        for (SettledAlert a : settled) {
            raise(
                    ctx,
                    a.alert(),
                    stamp ->
                            CallDocuments.alert(
                                    ctx.getCurrentKey(),
                                    s.language(),
                                    startedAt,
                                    redacted,
                                    a.alert(),
                                    a.speaker(),
                                    a.text(),
                                    stamp),
                    by,
                    atMillis);
        }
    }

    /**
     * Emits {@code a} unless the call raised it before, stamped with when it was raised and what
     * settled it: an utterance (when it was finalized), the call's audio (when the chunk that
     * showed a silence had lasted too long was produced) or, with neither, the end of the call. The
     * alert latency is the difference, as seen by whoever consumes the alert.
     */
    private void raise(
            Context ctx,
            Alert a,
            Function<LiveStamp, AlertDocument> document,
            SettledBy by,
            long atMillis)
            throws Exception {
        if (raised.contains(a.id())) {
            return;
        }
        raised.put(a.id(), true);
        alertsRaised.inc();
        ctx.output(
                ALERTS,
                document.apply(
                        new LiveStamp(ctx.timerService().currentProcessingTime(), by, atMillis)));
    }

    /**
     * Ends the call: its document and end-of-call alerts are emitted, and all of its state is
     * cleared whether or not its analysis succeeded (a failure is reported instead).
     */
    private void onClosed(LiveAudio in, Context ctx, Collector<CallDocument> out) throws Exception {
        CallReport built;
        try {
            built = closeCall(in, ctx);
        } catch (Throwable t) {
            RecordFailure.rethrowIfFatal(t);
            built = null;
            reject(
                    ctx,
                    "kafka:" + LiveTopics.AUDIO + "/" + ctx.getCurrentKey(),
                    "call "
                            + ctx.getCurrentKey()
                            + " closed ("
                            + in.closedBy
                            + ") but its analysis failed, so it has no call document: "
                            + RecordFailure.describe(t));
            dropRecognizers(ctx.getCurrentKey());
        }
        if (built != null) {
            CallReport report = built;
            out.collect(CallDocuments.call(report));
            for (Alert a : report.analysis().alerts()) {
                raise(
                        ctx,
                        a,
                        stamp -> CallDocuments.alert(report.call(), report.metadata(), a, stamp),
                        SettledBy.CALL_END,
                        0);
            }
        }
        Long timer = audioWaitTimer.value();
        if (timer != null) {
            ctx.timerService().deleteProcessingTimeTimer(timer);
        }
        clearCall();
    }

    private void dropRecognizers(String callId) {
        for (String channel : List.of("agent", "customer")) {
            Recognizer r = recognizers.remove(callId + "/" + channel);
            if (r != null) {
                r.transcriber().close();
            }
        }
    }

    private void clearCall() {
        call.clear();
        audio.clear();
        levels.clear();
        heard.clear();
        waiting.clear();
        session.clear();
        prosodies.clear();
        raised.clear();
        lastWordsEnd.clear();
        silenceCheckedTo.clear();
        audioWaitTimer.clear();
    }

    /** The closed call's report, or null when it had no words (reported). */
    private CallReport closeCall(LiveAudio in, Context ctx) throws Exception {
        String callId = ctx.getCurrentKey();
        // Whatever is still waiting gets measured with the audio there is.
        for (LiveUtterance u : waiting.get()) {
            ChannelAudio a = audio.get(u.speaker);
            takeUtterance(ctx, u, a);
        }
        waiting.clear();
        Long timer = audioWaitTimer.value();
        if (timer != null) {
            ctx.timerService().deleteProcessingTimeTimer(timer);
            audioWaitTimer.clear();
        }
        for (String channel : List.of("agent", "customer")) {
            Recognizer r = recognizers.remove(callId + "/" + channel);
            if (r != null) {
                try (VoskTranscriber vt = r.transcriber()) {
                    for (RecognizedUtterance x : vt.finish()) {
                        takeUtterance(ctx, r.toLive(callId, channel, x), audio.get(channel));
                    }
                }
            }
        }
        List<HeardUtterance> us = sorted();
        double received = 0;
        for (ChannelAudio a : audio.values()) {
            received = Math.max(received, a.endSeconds());
        }
        LiveCall c = call.value();
        if (us.isEmpty()) {
            reject(
                    ctx,
                    "kafka:" + LiveTopics.AUDIO + "/" + callId,
                    String.format(
                            Locale.ROOT,
                            "call %s closed (%s) with %.1f s of audio but no words: %s",
                            callId,
                            in.closedBy,
                            received,
                            modelDir == null
                                    ? "no Vosk model is configured (--model DIR or"
                                            + " CALLQA_VOSK_MODEL) and no utterance came on "
                                            + LiveTopics.UTTERANCES
                                    : "the Vosk model in " + modelDir + " recognized none"));
            return null;
        }
        CallTranscript t = transcript(callId, c, us);
        List<UtteranceFeatures> measured = new ArrayList<>();
        // Who spoke when comes from every utterance: one whose audio came too late has no
        // measures, but a dead air around it is still a dead air.
        Map<String, List<SpeechSegment>> speech = new HashMap<>();
        for (HeardUtterance h : us) {
            if (h.prosody != null) {
                measured.add(
                        new UtteranceFeatures(h.speaker, h.start, h.end, h.prosody, h.emotion));
            }
            if (h.end > h.start) {
                speech.computeIfAbsent(h.speaker, k -> new ArrayList<>())
                        .add(new SpeechSegment(h.start, h.end));
            }
        }
        double duration = Math.max(received, t.speechEnd());
        CallFeatures features =
                measured.isEmpty()
                        ? null
                        : prosody.callFeatures("live:" + callId, duration, measured, speech);
        return reporter.report(
                t,
                Source.live("kafka:" + LiveTopics.AUDIO + "/" + callId),
                modelDir == null ? Asr.PROVIDED : new Asr("vosk", null),
                features);
    }

    private List<HeardUtterance> sorted() throws Exception {
        List<HeardUtterance> us = new ArrayList<>();
        heard.get().forEach(us::add);
        us.sort(
                Comparator.comparingDouble((HeardUtterance h) -> h.start)
                        .thenComparing(h -> h.speaker));
        return us;
    }

    /** A heard utterance as the rules take it. */
    private static Utterance utterance(HeardUtterance h) {
        List<Word> words = new ArrayList<>();
        for (HeardWord w : h.words == null ? new HeardWord[0] : h.words) {
            words.add(new Word(w.w, w.start, w.end, w.conf));
        }
        Utterance u =
                new Utterance(
                        Speaker.fromId(h.speaker).orElseThrow(),
                        h.start,
                        h.end,
                        h.text,
                        h.confidence,
                        words);
        // Stated, so that the mean survives when redaction drops the words.
        return new Utterance(
                u.speaker(),
                u.start(),
                u.end(),
                u.text(),
                u.meanConfidence().isPresent() ? u.meanConfidence().getAsDouble() : null,
                u.words());
    }

    private static CallTranscript transcript(String callId, LiveCall c, List<HeardUtterance> us) {
        List<Utterance> utterances = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (HeardUtterance h : us) {
            utterances.add(utterance(h));
            texts.add(h.text);
        }
        Map<String, String> metadata = new HashMap<>(c == null ? Map.of() : c.metadata);
        String language = metadata.remove("language");
        if (!"en".equals(language) && !"ko".equals(language)) {
            language = Languages.detect(texts);
        }
        return new CallTranscript(
                callId,
                language,
                c == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(c.startedAtMillis)),
                metadata,
                Map.of(Speaker.AGENT, "agent", Speaker.CUSTOMER, "customer"),
                utterances,
                JsonNodeFactory.instance.objectNode());
    }

    private List<RecognizedUtterance> recognize(String callId, String channel, ChannelAudio a)
            throws Exception {
        String key = callId + "/" + channel;
        Recognizer r = recognizers.get(key);
        if (r == null) {
            // New, or rebuilt after a restore from the audio since the last finalized utterance.
            long from = Math.max(a.startSample, a.recognizedTo);
            r =
                    new Recognizer(
                            new VoskTranscriber(Path.of(modelDir), a.sampleRate),
                            from / (double) a.sampleRate);
            recognizers.put(key, r);
            a.recognizedTo = from;
        }
        int skip = (int) (a.recognizedTo - a.startSample);
        int n = a.length - skip;
        if (n <= 0) {
            return List.of();
        }
        short[] fresh = new short[n];
        System.arraycopy(a.pcm, skip, fresh, 0, n);
        a.recognizedTo += n;
        return r.transcriber().accept(fresh, n);
    }

    private LiveUtterance recognized(String callId, String channel, RecognizedUtterance r) {
        return recognizers.get(callId + "/" + channel).toLive(callId, channel, r);
    }

    private void reject(Context ctx, String source, String reason) {
        ctx.output(
                DeadLetter.OUTPUT,
                new DeadLetter(
                        source,
                        STAGE,
                        reason,
                        ctx.getCurrentKey(),
                        ctx.timerService().currentProcessingTime()));
    }

    private static int words(String text) {
        String s = text == null ? "" : text.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }

    /** A channel's recognizer and where in the call its first sample was. */
    private record Recognizer(VoskTranscriber transcriber, double offsetS) {
        LiveUtterance toLive(String callId, String channel, RecognizedUtterance r) {
            LiveUtterance u =
                    new LiveUtterance(
                            callId,
                            channel,
                            offsetS + r.start(),
                            offsetS + r.end(),
                            r.text(),
                            "vosk:" + callId + "/" + channel,
                            System.currentTimeMillis());
            u.confidence = r.confidence();
            u.words =
                    r.words().stream()
                            .map(
                                    w ->
                                            new HeardWord(
                                                    w.word(),
                                                    offsetS + w.start(),
                                                    offsetS + w.end(),
                                                    w.confidence()))
                            .toArray(HeardWord[]::new);
            return u;
        }
    }
}
