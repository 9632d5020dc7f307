package io.callqa.analysis.live;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.callqa.analysis.AbuseReport;
import io.callqa.analysis.live.SessionState.Heard;
import io.callqa.analysis.live.SessionState.Hit;
import io.callqa.analysis.live.SessionState.RuleState;
import io.callqa.rules.abuse.AbuseDetector;
import io.callqa.rules.abuse.AbuseFinding;
import io.callqa.rules.acts.ActScores;
import io.callqa.rules.acts.DialogueAct;
import io.callqa.rules.assist.AssistEvent;
import io.callqa.rules.assist.AssistSession;
import io.callqa.rules.engine.Alert;
import io.callqa.rules.engine.CallPhrases;
import io.callqa.rules.engine.CallSignals;
import io.callqa.rules.engine.Evidence;
import io.callqa.rules.engine.Outcome;
import io.callqa.rules.engine.RuleNotes;
import io.callqa.rules.engine.RuleResult;
import io.callqa.rules.engine.TimeSpan;
import io.callqa.rules.engine.UtteranceEmotion;
import io.callqa.rules.match.PhraseMatch;
import io.callqa.rules.match.PhraseMatcher;
import io.callqa.rules.match.SpokenText;
import io.callqa.rules.pack.Cue;
import io.callqa.rules.pack.Metric;
import io.callqa.rules.pack.Rule;
import io.callqa.rules.pack.RuleCheck;
import io.callqa.rules.pack.Severity;
import io.callqa.rules.pii.PiiFinding;
import io.callqa.rules.pii.PiiRedactor;
import io.callqa.rules.pii.RecentRedaction;
import io.callqa.rules.pii.SaidNumber;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import io.callqa.rules.transcript.Word;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The evolving analysis of one live call, evaluated incrementally: fed the call's finalized
 * utterances in call order (with the voice's emotion when known) and the silence still going on, it
 * returns each alert once, as soon as nothing said later could withdraw it, with the id, utterance,
 * time and message that {@link io.callqa.rules.engine.LiveAlerts#settled} gives on the analysis of
 * the call so far, and the agent-assist steps of the pack's playbooks that each utterance suggests
 * or shows done, as {@link io.callqa.rules.assist.AgentAssist#review} gives them after the call.
 *
 * <p>Each utterance runs only what it can change, so the work and the state per utterance do not
 * grow with the call:
 *
 * <ul>
 *   <li>redaction of the new utterance with the look-back of {@link PiiRedactor#RECENT_LOOK_BACK_S}
 *       (a number read in pieces, its cue) and the last numbers said (read-backs);
 *   <li>its dialogue-act scores, once;
 *   <li>prohibited phrases, escalation requests and required phrases with a deadline: the new
 *       utterance joined with the end of its stream ({@code join_within}), only as far back as a
 *       phrase can reach ({@link PhraseMatcher#reachStart}); a required phrase keeps found or not
 *       per group until its deadline has passed;
 *   <li>an ordering keeps where each of its two cues was first shown;
 *   <li>a reaction rule keeps the agitated turns not yet answered, and is evaluated over the
 *       utterances around them only;
 *   <li>dead air: the gap before the new utterance, or the ongoing silence;
 *   <li>agent assist: the new utterance as redacted, with the act scores above, to the call's
 *       {@link AssistSession}, whose {@link AssistSession.Saved saved state} the snapshot holds.
 * </ul>
 *
 * Rules decided only at the end of the call ({@code in_last}, ratios, required phrases without a
 * deadline) are not evaluated here; the call document decides them.
 *
 * <p>The session is plain data ({@link #snapshot()}, {@link #restore}), so a stream processor can
 * keep it as one bounded value per call.
 *
 * <p>Where it can differ from analysing the whole call so far, by design: utterances are numbered
 * and joined in the order they are given, where that path sorted the call so far by start time (the
 * same when they come in call order; a live operator gives them as they are finalized); an
 * utterance's dialogue acts and agitation are judged on its text as redacted when it came, and are
 * not judged again if a later utterance completes a number in it (its redacted text, which alerts
 * show, is updated); redaction looks back {@link PiiRedactor#RECENT_LOOK_BACK_S}, and a reaction
 * rule {@code within} plus a minute, before the newest utterance. {@code
 * LiveCallSessionEquivalenceTest} finds no difference over the samples and evaluation calls.
 */
public final class LiveCallSession {

    /**
     * Seconds before the newest utterance that a reaction rule looks at: an agitated turn is
     * answered by responses up to its {@code within} before it, in streams that may start earlier.
     */
    private static final double REACTION_MARGIN_S = 60;

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                    .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                    .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                    .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    // The assist state's maps are unordered; a snapshot is the same for the same
                    // state.
                    .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final LivePack pack;
    private final SessionState state;
    private final CallPhrases phrases;
    private final Map<Heard, SpokenText> texts = new IdentityHashMap<>();

    /** The assist session, resumed from the state when first needed. */
    private AssistSession assist;

    private LiveCallSession(LivePack pack, SessionState state) {
        this.pack = pack;
        this.state = state;
        this.phrases = new CallPhrases(pack.pack().variables(), state.metadata);
        for (Rule rule : pack.pack().rules()) {
            state.rules.computeIfAbsent(rule.id(), id -> newRuleState(rule));
        }
    }

    /**
     * A session for a call that has just started.
     *
     * @param metadata the call's metadata ({@code brand} fills the pack's phrases)
     */
    public LiveCallSession(
            LivePack pack, String callId, String language, Map<String, String> metadata) {
        this(pack, fresh(callId, language, metadata));
    }

    private static SessionState fresh(
            String callId, String language, Map<String, String> metadata) {
        SessionState s = new SessionState();
        s.callId = callId;
        s.language = language;
        s.metadata = new HashMap<>(metadata);
        return s;
    }

    /** The session's state as JSON, to keep it between records. */
    public String snapshot() {
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The session that {@link #snapshot()} wrote, under the same pack.
     *
     * @throws IllegalArgumentException when {@code snapshot} is not one
     */
    public static LiveCallSession restore(LivePack pack, String snapshot) {
        return restore(language -> pack, snapshot);
    }

    /**
     * The session that {@link #snapshot()} wrote, under the pack {@code packs} gives for its
     * language.
     *
     * @throws IllegalArgumentException when {@code snapshot} is not one
     */
    public static LiveCallSession restore(Function<String, LivePack> packs, String snapshot) {
        SessionState state;
        try {
            state = JSON.readValue(snapshot, SessionState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not a live call session snapshot: " + e.getOriginalMessage(), e);
        }
        return new LiveCallSession(packs.apply(state.language), state);
    }

    /** The call's language, {@code en} or {@code ko}. */
    public String language() {
        return state.language;
    }

    /** How many utterances the session has taken. */
    public int utterances() {
        return state.count;
    }

    /**
     * Takes the call's next finalized utterance (utterances come in call order: by start time) and
     * returns the alerts it settled and the assist steps it suggested or withdrew.
     *
     * @param u the utterance as recognized (unredacted)
     * @param emotion the voice's emotion in it, or null when not known
     */
    public UtteranceOutcome heard(Utterance u, UtteranceEmotion emotion) {
        SessionState s = state;
        int i = s.count++;
        Optional<TimeSpan> gap = Optional.empty();
        if (s.coveredTo == null) {
            s.coveredTo = u.end();
        } else {
            if (u.start() > s.coveredTo) {
                gap = Optional.of(new TimeSpan(s.coveredTo, u.start()));
            }
            s.coveredTo = Math.max(s.coveredTo, u.end());
        }
        s.speechEnd = Math.max(s.speechEnd, u.end());
        if (u.speaker() == Speaker.AGENT) {
            s.agentFrom = s.agentFrom == null ? u.start() : Math.max(s.agentFrom, u.start());
        } else {
            s.customerFrom =
                    s.customerFrom == null ? u.start() : Math.max(s.customerFrom, u.start());
        }
        Heard h = new Heard();
        h.index = i;
        h.speaker = u.speaker();
        h.start = u.start();
        h.end = u.end();
        h.text = u.text();
        h.confidence = u.confidence();
        h.words = new ArrayList<>(u.words());
        h.arousal =
                emotion == null || !Double.isFinite(emotion.arousal()) ? null : emotion.arousal();
        s.recent.add(h);

        List<PiiFinding> found = redact(u.start());
        var scores = pack.acts().score(h.redacted(), s.language);
        for (Map.Entry<String, Double> act : pack.actFloors().entrySet()) {
            double score = scores.applyAsDouble(act.getKey());
            if (score >= act.getValue()) {
                h.acts.put(act.getKey(), score);
            }
        }
        h.agitated =
                h.speaker == Speaker.CUSTOMER
                        && (h.arousal != null && h.arousal >= pack.pack().agitation().minArousal()
                                || pack.matcher()
                                        .findAny(
                                                List.of(text(h)), pack.pack().agitation().phrases())
                                        .isPresent());

        List<SettledAlert> out = new ArrayList<>();
        if (h.agitated && !s.angerRaised) {
            s.angerRaised = true;
            out.add(
                    settled(
                            new Alert(
                                    s.callId + ":anger",
                                    "anger",
                                    null,
                                    Severity.MEDIUM,
                                    i,
                                    h.start,
                                    "customer agitated"),
                            null));
        }
        if (h.speaker == Speaker.CUSTOMER && !s.abuseRaised) {
            // The same alert id as after the call, so live and post-call share one alert.
            Optional<AbuseFinding> abuse =
                    AbuseDetector.defaults().find(i, h.start, h.redacted(), s.language);
            if (abuse.isPresent()) {
                s.abuseRaised = true;
                Alert a = AbuseReport.alert(s.callId, abuse.get(), AbuseReport.notice(pack.pack()));
                out.add(new SettledAlert(a, h.speaker, h.redacted()));
            }
        }
        for (Rule rule : pack.pack().rules()) {
            RuleState rs = s.rules.get(rule.id());
            if (rs.done) {
                continue;
            }
            Alert a = step(rule, rs, h, found, gap);
            if (a != null) {
                rs.done = true;
                out.add(settled(a, rs));
            }
        }
        List<AssistEvent> assisted = assist(h, scores);
        prune();
        return new UtteranceOutcome(out, assisted);
    }

    /**
     * The utterance, as redacted so far, to the call's agent assist, with the act scores the rules
     * took (the classifier is most of what an utterance costs), and the assist's state kept.
     */
    private List<AssistEvent> assist(Heard h, ToDoubleFunction<String> scores) {
        if (pack.pack().playbooks().isEmpty()) {
            return List.of();
        }
        if (assist == null) {
            assist =
                    state.assist == null
                            ? pack.assist().start(state.metadata)
                            : pack.assist().resume(state.metadata, state.assist);
        }
        Map<DialogueAct, Double> acts = new EnumMap<>(DialogueAct.class);
        for (DialogueAct act : DialogueAct.values()) {
            acts.put(act, scores.applyAsDouble(act.id()));
        }
        List<AssistEvent> events = assist.accept(redactedUtterance(h), ActScores.of(acts));
        state.assist = assist.saved();
        return events;
    }

    /**
     * The alerts a silence still going on settles: {@code silence} runs from the last voice heard
     * to the latest audio, so a dead-air rule fails while it lasts.
     */
    public List<SettledAlert> silence(TimeSpan silence) {
        List<SettledAlert> out = new ArrayList<>();
        for (Rule rule : pack.pack().rules()) {
            RuleState rs = state.rules.get(rule.id());
            if (rs.done
                    || !(rule.check() instanceof RuleCheck.Threshold t)
                    || t.metric() != Metric.DEAD_AIR) {
                continue;
            }
            Alert a = overThreshold(rule, t, silence, lastBefore(silence.start()));
            if (a != null) {
                rs.done = true;
                out.add(settled(a, rs));
            }
        }
        return out;
    }

    private static RuleState newRuleState(Rule rule) {
        RuleState rs = new RuleState();
        // Only rules that raise an alert, and that a partial call can settle, are followed.
        rs.done = rule.alert().isEmpty() || !decidableLive(rule.check());
        for (int k = 0; k < LivePack.cues(rule.check()).size(); k++) {
            rs.hits.add(null);
        }
        return rs;
    }

    /** Whether a failure of the check can be final before the call ends (see LiveAlerts). */
    private static boolean decidableLive(RuleCheck check) {
        if (check instanceof RuleCheck.PhraseAbsent p) {
            return p.inLast().isEmpty();
        }
        if (check instanceof RuleCheck.PhrasePresent p) {
            return p.inLast().isEmpty() && p.within().isPresent();
        }
        if (check instanceof RuleCheck.Threshold t) {
            return t.metric() == Metric.DEAD_AIR;
        }
        return check instanceof RuleCheck.PiiSpoken
                || check instanceof RuleCheck.Ordering
                || check instanceof RuleCheck.Reaction;
    }

    /** One rule after the new utterance {@code h}: the alert it settled, or null. */
    private Alert step(
            Rule rule, RuleState rs, Heard h, List<PiiFinding> found, Optional<TimeSpan> gap) {
        RuleCheck check = rule.check();
        if (check instanceof RuleCheck.PhraseAbsent p) {
            return absent(rule, rs, p, h);
        } else if (check instanceof RuleCheck.PhrasePresent p) {
            return present(rule, rs, p, h);
        } else if (check instanceof RuleCheck.Ordering o) {
            return ordering(rule, rs, o, h);
        } else if (check instanceof RuleCheck.Reaction r) {
            return reaction(rule, rs, r, h);
        } else if (check instanceof RuleCheck.PiiSpoken p) {
            return pii(rule, p, found);
        } else if (check instanceof RuleCheck.Threshold t) {
            return gap.isEmpty() ? null : overThreshold(rule, t, gap.get(), h.index - 1);
        }
        return null;
    }

    private Alert absent(Rule rule, RuleState rs, RuleCheck.PhraseAbsent p, Heard h) {
        if (!candidate(h, p.speaker(), p.within())) {
            return null;
        }
        extend(rule, rs, h);
        Hit hit = firstHit(rule, rs, p.cue());
        if (hit == null) {
            return null;
        }
        rs.hits.set(0, hit);
        Evidence e = hit.evidence;
        return alert(rule, e.utterance(), e.t(), RuleNotes.absentSaid(p, e));
    }

    private Alert present(Rule rule, RuleState rs, RuleCheck.PhrasePresent p, Heard h) {
        if (candidate(h, p.speaker(), p.within())) {
            extend(rule, rs, h);
            for (int g = 0; g < p.groups().size(); g++) {
                Cue group = p.groups().get(g);
                if (phrases.checkable(group) && mayMove(rs, rs.hits.get(g))) {
                    Hit hit = firstHit(rule, rs, group);
                    if (hit != null) {
                        rs.hits.set(g, hit);
                    }
                }
            }
        }
        if (!(heard(p.speaker()) > p.within().getAsDouble())) {
            return null;
        }
        // The deadline has passed for good: what was not found by now never will be.
        rs.done = true;
        List<String> missing = new ArrayList<>();
        Evidence first = null;
        for (int g = 0; g < p.groups().size(); g++) {
            Cue group = p.groups().get(g);
            if (!phrases.checkable(group)) {
                continue;
            }
            Hit hit = rs.hits.get(g);
            if (hit != null) {
                first = first == null ? hit.evidence : first;
            } else {
                List<String> ps = phrases.phrases(group);
                missing.add(ps.isEmpty() ? "act " + group.acts().get(0) : "'" + ps.get(0) + "'");
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return alert(
                rule,
                first == null ? null : first.utterance(),
                first == null ? state.speechEnd : first.t(),
                RuleNotes.presentMissed(p, missing));
    }

    private Alert ordering(Rule rule, RuleState rs, RuleCheck.Ordering o, Heard h) {
        if (!candidate(h, o.speaker(), OptionalDouble.empty())) {
            return null;
        }
        extend(rule, rs, h);
        List<Cue> cues = List.of(o.first(), o.then());
        for (int k = 0; k < 2; k++) {
            if (mayMove(rs, rs.hits.get(k))) {
                Hit hit = firstHit(rule, rs, cues.get(k));
                if (hit != null) {
                    rs.hits.set(k, hit);
                }
            }
        }
        Hit first = rs.hits.get(0);
        Hit then = rs.hits.get(1);
        if (then == null || first != null && first.before(then)) {
            return null;
        }
        Evidence e = first != null ? first.evidence : then.evidence;
        return alert(
                rule,
                e.utterance(),
                e.t(),
                RuleNotes.orderBroken(o, first == null ? null : first.evidence, then.evidence));
    }

    /**
     * A reaction rule over the utterances around its unanswered agitated turns, by the batch
     * engine: which responses answer a turn depends on streams and acts near it only.
     */
    private Alert reaction(Rule rule, RuleState rs, RuleCheck.Reaction r, Heard h) {
        if (h.agitated) {
            rs.pending.add(h.index);
        }
        if (rs.pending.isEmpty()) {
            return null;
        }
        double from = heardAt(rs.pending.get(0)).start - r.within() - REACTION_MARGIN_S;
        List<Heard> window = new ArrayList<>();
        for (Heard x : state.recent) {
            if (x.start >= from) {
                window.add(x);
            }
        }
        List<Utterance> us = new ArrayList<>();
        Map<Integer, UtteranceEmotion> emotions = new HashMap<>();
        for (Heard x : window) {
            if (x.arousal != null) {
                emotions.put(us.size(), new UtteranceEmotion(x.arousal));
            }
            us.add(redactedUtterance(x));
        }
        CallTranscript part =
                new CallTranscript(
                        state.callId,
                        state.language,
                        Optional.empty(),
                        state.metadata,
                        Map.of(),
                        us,
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        Map<String, Map<String, Double>> scores = new HashMap<>();
        for (Heard x : window) {
            scores.put(x.redacted(), x.acts);
        }
        RuleResult result =
                pack.reaction(rule.id(), part, CallSignals.NONE.withEmotions(emotions), scores);
        int offset = window.get(0).index;
        rs.pending.clear();
        if (result.outcome() != Outcome.FAILED) {
            return null;
        }
        List<Evidence> unanswered = new ArrayList<>();
        for (Evidence e : result.evidence()) {
            int at = e.utterance() + offset;
            rs.pending.add(at);
            unanswered.add(new Evidence(at, e.t(), e.text(), e.matched()));
        }
        Evidence first = unanswered.get(0);
        if (!(heard(Optional.of(r.responder())) > first.t() + r.within())) {
            return null;
        }
        return alert(rule, first.utterance(), first.t(), RuleNotes.unanswered(r, unanswered));
    }

    private Alert pii(Rule rule, RuleCheck.PiiSpoken p, List<PiiFinding> found) {
        List<String> types = new ArrayList<>();
        Integer first = null;
        for (PiiFinding f : found) {
            if (p.types().contains(f.type())
                    && (p.speaker().isEmpty() || p.speaker().get() == f.speaker())) {
                first = first == null ? f.utterance() : first;
                types.add(f.type().id());
            }
        }
        if (first == null) {
            return null;
        }
        return alert(rule, first, heardAt(first).start, RuleNotes.piiSaid(types, first));
    }

    private Alert overThreshold(Rule rule, RuleCheck.Threshold t, TimeSpan span, Integer before) {
        if (!(span.duration() > t.max())) {
            return null;
        }
        Evidence e = new Evidence(before, span.start(), RuleNotes.span(t.metric(), span), null);
        return alert(rule, before, span.start(), RuleNotes.over(t, e));
    }

    private Alert alert(Rule rule, Integer utterance, double t, String note) {
        return new Alert(
                state.callId + ":" + rule.id(),
                rule.alert().get(),
                rule.id(),
                rule.severity(),
                utterance,
                t,
                rule.id() + ": " + note);
    }

    /** The alert with the speaker and redacted text of its utterance. */
    private SettledAlert settled(Alert a, RuleState rs) {
        if (a.utterance() == null) {
            return new SettledAlert(a, null, null);
        }
        for (Heard x : state.recent) {
            if (x.index == a.utterance()) {
                return new SettledAlert(a, x.speaker, x.redacted());
            }
        }
        // Older than what is kept: the text as the evidence recorded it.
        for (Hit hit : rs == null ? List.<Hit>of() : rs.hits) {
            if (hit != null && hit.utterance == a.utterance()) {
                return new SettledAlert(a, hit.speaker, hit.evidence.text());
            }
        }
        return new SettledAlert(a, null, null);
    }

    // ---- streams and cues

    private static boolean candidate(Heard h, Optional<Speaker> speaker, OptionalDouble within) {
        return (speaker.isEmpty() || h.speaker == speaker.get())
                && (within.isEmpty() || h.start <= within.getAsDouble());
    }

    /**
     * Adds {@code h} to the rule's stream (or begins a new one when it does not join), then drops
     * the parts no phrase of the rule can reach from it.
     */
    private void extend(Rule rule, RuleState rs, Heard h) {
        if (!rs.tail.isEmpty()) {
            Heard prev = heardAt(rs.tail.get(rs.tail.size() - 1));
            if (h.speaker != prev.speaker
                    || h.start - prev.end > pack.pack().matching().joinWithin()) {
                rs.stream++;
                rs.tail.clear();
            }
        }
        rs.tail.add(h.index);
        List<String> all = new ArrayList<>();
        for (Cue c : LivePack.cues(rule.check())) {
            all.addAll(phrases.phrases(c));
        }
        int keep = pack.matcherFor(rule).reachStart(parts(rs), all);
        if (keep > 0) {
            rs.tail.subList(0, keep).clear();
        }
    }

    /**
     * Whether a cue's first hit may still change: not found yet, or found in the open stream where
     * a longer match may now start earlier.
     */
    private static boolean mayMove(RuleState rs, Hit hit) {
        return hit == null || hit.stream == rs.stream && hit.utterance >= rs.tail.get(0);
    }

    private List<SpokenText> parts(RuleState rs) {
        List<SpokenText> out = new ArrayList<>(rs.tail.size());
        for (int i : rs.tail) {
            out.add(text(heardAt(i)));
        }
        return out;
    }

    /** The earliest sign of the cue in the rule's stream, as the batch engine looks for it. */
    private Hit firstHit(Rule rule, RuleState rs, Cue cue) {
        Hit best = null;
        List<String> ps = phrases.phrases(cue);
        if (!ps.isEmpty()) {
            Optional<PhraseMatch> pm = pack.matcherFor(rule).findAny(parts(rs), ps);
            if (pm.isPresent()) {
                Heard x = heardAt(rs.tail.get(pm.get().part()));
                best = hit(rs, x, pm.get().start(), matchEvidence(rs, pm.get()));
            }
        }
        for (int i : rs.tail) {
            if (best != null && best.utterance <= i) {
                break;
            }
            Hit a = actHit(rs, heardAt(i), cue);
            if (a != null) {
                return a;
            }
        }
        return best;
    }

    private Hit actHit(RuleState rs, Heard x, Cue cue) {
        String bestAct = null;
        double best = 0;
        for (String act : cue.acts()) {
            double score = x.acts.getOrDefault(act, 0.0);
            if (score >= cue.minConfidence() && score > best) {
                best = score;
                bestAct = act;
            }
        }
        if (bestAct == null) {
            return null;
        }
        Evidence e =
                new Evidence(
                        x.index,
                        x.start,
                        x.redacted(),
                        null,
                        round(best),
                        x.meanConf == null ? null : round(x.meanConf),
                        bestAct);
        return hit(rs, x, 0, e);
    }

    private Evidence matchEvidence(RuleState rs, PhraseMatch pm) {
        Heard x = heardAt(rs.tail.get(pm.part()));
        double sum = 0;
        int n = 0;
        for (PhraseMatch.WordRef w : pm.words()) {
            List<Word> words = heardAt(rs.tail.get(w.part())).redactedWords();
            if (w.word() < words.size()) {
                sum += words.get(w.word()).conf();
                n++;
            }
        }
        return new Evidence(
                x.index,
                x.start,
                x.redacted(),
                pm.matched(),
                round(pm.strength()),
                n == 0 ? null : round(sum / n),
                null);
    }

    private static Hit hit(RuleState rs, Heard x, int offset, Evidence e) {
        Hit h = new Hit();
        h.utterance = x.index;
        h.offset = offset;
        h.stream = rs.stream;
        h.speaker = x.speaker;
        h.evidence = e;
        return h;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    // ---- redaction, look-backs

    /**
     * Redacts the look-back and the new utterance again, as the whole call would be redacted, and
     * returns what was found in them (utterance indexes of the call).
     */
    private List<PiiFinding> redact(double newStart) {
        SessionState s = state;
        // The look-back begins at the first utterance that ends within it; what leaves it is
        // final, and its numbers are kept for read-backs.
        int from = 0;
        while (from < s.recent.size() - 1
                && (s.recent.get(from).index < s.piiFrom
                        || s.recent.get(from).end < newStart - PiiRedactor.RECENT_LOOK_BACK_S)) {
            Heard gone = s.recent.get(from);
            if (gone.index >= s.piiFrom) {
                s.said.addAll(gone.said);
                gone.said.clear();
            }
            from++;
        }
        while (s.said.size() > SaidNumber.READ_BACK) {
            s.said.remove(0);
        }
        List<Heard> window = s.recent.subList(from, s.recent.size());
        s.piiFrom = window.get(0).index;
        List<Utterance> raw = new ArrayList<>(window.size());
        for (Heard x : window) {
            raw.add(new Utterance(x.speaker, x.start, x.end, x.text, x.confidence, x.words));
        }
        RecentRedaction r = pack.redactor().redactRecent(raw, s.said);
        for (int k = 0; k < window.size(); k++) {
            Heard x = window.get(k);
            Utterance red = r.utterances().get(k);
            if (!red.text().equals(x.redacted())) {
                x.redacted = red.text().equals(x.text) ? null : red.text();
                texts.remove(x);
            }
            x.redactedWords = red.words().equals(x.words) ? null : new ArrayList<>(red.words());
            x.meanConf = red.words().isEmpty() ? null : red.meanConfidence().orElse(0);
            x.said = new ArrayList<>();
        }
        for (SaidNumber n : r.said()) {
            window.get(n.utterance()).said.add(n);
        }
        List<PiiFinding> found = new ArrayList<>();
        for (PiiFinding f : r.findings()) {
            found.add(new PiiFinding(f.type(), window.get(f.utterance()).index, f.speaker()));
        }
        return found;
    }

    /** Forgets the utterances that no look-back, stream or pending turn needs any more. */
    private void prune() {
        SessionState s = state;
        Heard newest = s.recent.get(s.recent.size() - 1);
        int keep = Math.min(s.piiFrom, newest.index);
        double reactionFrom = Double.POSITIVE_INFINITY;
        for (Rule rule : pack.pack().rules()) {
            RuleState rs = s.rules.get(rule.id());
            if (rs.done) {
                continue;
            }
            if (!rs.tail.isEmpty()) {
                keep = Math.min(keep, rs.tail.get(0));
            }
            if (rule.check() instanceof RuleCheck.Reaction r) {
                double from = newest.start - r.within() - REACTION_MARGIN_S;
                if (!rs.pending.isEmpty()) {
                    from = Math.min(from, heardAt(rs.pending.get(0)).start - r.within());
                    from -= REACTION_MARGIN_S;
                }
                reactionFrom = Math.min(reactionFrom, from);
            }
        }
        int drop = 0;
        while (drop < s.recent.size() - 1
                && s.recent.get(drop).index < keep
                && s.recent.get(drop).start < reactionFrom) {
            texts.remove(s.recent.get(drop));
            drop++;
        }
        s.recent.subList(0, drop).clear();
    }

    private Heard heardAt(int index) {
        List<Heard> recent = state.recent;
        int k = index - recent.get(0).index;
        if (k >= 0 && k < recent.size() && recent.get(k).index == index) {
            return recent.get(k);
        }
        throw new IllegalStateException(
                "call " + state.callId + ": utterance " + index + " is no longer kept");
    }

    /** The last utterance that started by {@code t}, as the batch engine places dead air. */
    private Integer lastBefore(double t) {
        List<Heard> recent = state.recent;
        for (int k = recent.size() - 1; k >= 0; k--) {
            if (recent.get(k).start <= t) {
                return recent.get(k).index;
            }
        }
        return null;
    }

    private SpokenText text(Heard h) {
        return texts.computeIfAbsent(h, x -> SpokenText.of(x.redacted()));
    }

    private static Utterance redactedUtterance(Heard x) {
        return new Utterance(
                x.speaker, x.start, x.end, x.redacted(), x.confidence, x.redactedWords());
    }

    /** How far into the call the speaker's (or, for no speaker, everyone's) words are all known. */
    private double heard(Optional<Speaker> speaker) {
        double agent = state.agentFrom == null ? Double.NEGATIVE_INFINITY : state.agentFrom;
        double customer =
                state.customerFrom == null ? Double.NEGATIVE_INFINITY : state.customerFrom;
        if (speaker.isPresent()) {
            return speaker.get() == Speaker.AGENT ? agent : customer;
        }
        return Math.min(agent, customer);
    }
}
