package io.callqa.rules.engine;

import io.callqa.rules.acts.DialogueActClassifier;
import io.callqa.rules.match.PhraseMatch;
import io.callqa.rules.match.PhraseMatcher;
import io.callqa.rules.pack.Cue;
import io.callqa.rules.pack.Metric;
import io.callqa.rules.pack.Rule;
import io.callqa.rules.pack.RuleCheck;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pii.PiiFinding;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;

/**
 * Evaluates the rules of one pack on a call. Runs on the redacted transcript, so evidence never
 * carries the data PII redaction removed.
 */
public final class RuleEngine {

    private final RulePack pack;
    private final PhraseMatcher matcher;
    private final Map<Double, PhraseMatcher> overrides = new HashMap<>();
    private final AgitationDetector agitation;
    private final ActScorer acts;
    private final ThreadLocal<CallView> lastView = new ThreadLocal<>();

    /** An engine for the rules of {@code pack}, with the bundled dialogue-act classifier. */
    public RuleEngine(RulePack pack) {
        this(pack, ActScorer.of(DialogueActClassifier.defaults()));
    }

    /** An engine for the rules of {@code pack} that tags utterances with {@code acts}. */
    public RuleEngine(RulePack pack, ActScorer acts) {
        this.pack = pack;
        this.matcher = new PhraseMatcher(pack.matching());
        this.agitation = new AgitationDetector(pack.agitation(), matcher);
        this.acts = acts;
    }

    /** The pack this engine evaluates. */
    public RulePack pack() {
        return pack;
    }

    /** Indexes of the customer utterances the pack's agitation cues or the signals flag. */
    public List<Integer> agitated(CallTranscript call, CallSignals signals) {
        return agitation.agitated(view(call), signals);
    }

    /**
     * Evaluates every rule, in pack order.
     *
     * @param call the redacted call
     * @param pii what redaction found
     * @param signals dynamics and emotion; missing dynamics are derived from utterance times
     */
    public List<RuleResult> evaluate(
            CallTranscript call, List<PiiFinding> pii, CallSignals signals) {
        CallSignals s = signals.withTimings(call);
        CallView v = view(call);
        List<Integer> agitated = agitation.agitated(v, s);
        List<RuleResult> out = new ArrayList<>();
        for (Rule rule : pack.rules()) {
            out.add(evaluate(rule, v, pii, s, agitated));
        }
        return out;
    }

    /** The call prepared for matching, shared by the calls for the same transcript in a row. */
    private CallView view(CallTranscript call) {
        CallView v = lastView.get();
        if (v == null || v.call != call) {
            v = new CallView(call, acts, pack.variables());
            lastView.set(v);
        }
        return v;
    }

    private RuleResult evaluate(
            Rule rule, CallView v, List<PiiFinding> pii, CallSignals s, List<Integer> agitated) {
        PhraseMatcher m = matcherFor(rule);
        RuleCheck check = rule.check();
        CallTranscript call = v.call;
        if (check instanceof RuleCheck.PhrasePresent p) {
            return present(rule, m, v, p);
        } else if (check instanceof RuleCheck.PhraseAbsent p) {
            return absent(rule, m, v, p);
        } else if (check instanceof RuleCheck.Ordering o) {
            return ordering(rule, m, v, o);
        } else if (check instanceof RuleCheck.Reaction r) {
            return reaction(rule, m, v, r, agitated);
        } else if (check instanceof RuleCheck.Threshold t) {
            return threshold(rule, call, t, s);
        } else if (check instanceof RuleCheck.PiiSpoken p) {
            return piiSpoken(rule, call, p, pii);
        }
        throw new IllegalStateException("unhandled rule check " + check);
    }

    private PhraseMatcher matcherFor(Rule rule) {
        if (rule.fuzzyThreshold().isEmpty()) {
            return matcher;
        }
        double t = rule.fuzzyThreshold().getAsDouble();
        synchronized (overrides) {
            return overrides.computeIfAbsent(
                    t, k -> new PhraseMatcher(pack.matching().withFuzzyThreshold(k)));
        }
    }

    /** Utterance indexes of a speaker inside the time window, in call order. */
    private static List<Integer> candidates(
            CallTranscript call,
            Optional<Speaker> speaker,
            OptionalDouble within,
            OptionalDouble inLast) {
        double end = call.speechEnd();
        List<Integer> out = new ArrayList<>();
        List<Utterance> us = call.utterances();
        for (int i = 0; i < us.size(); i++) {
            Utterance u = us.get(i);
            if (speaker.isPresent() && u.speaker() != speaker.get()) {
                continue;
            }
            if (within.isPresent() && u.start() > within.getAsDouble()) {
                continue;
            }
            if (inLast.isPresent() && u.end() < end - inLast.getAsDouble()) {
                continue;
            }
            out.add(i);
        }
        return out;
    }

    /** Where a cue showed: the utterance, the offset in it (0 for an act) and the evidence. */
    private record Hit(int utterance, int offset, Evidence evidence) {
        boolean before(Hit other) {
            return other == null
                    || utterance < other.utterance
                    || utterance == other.utterance && offset < other.offset;
        }
    }

    /** The earliest sign of the cue in a stream: a phrase match or an utterance showing its act. */
    private static Hit firstHit(PhraseMatcher m, CallView v, CallView.Stream s, Cue cue) {
        Hit best = null;
        List<String> phrases = v.phrases(cue);
        if (!phrases.isEmpty()) {
            Optional<PhraseMatch> pm = m.findAny(s.parts(), phrases);
            if (pm.isPresent()) {
                best =
                        new Hit(
                                s.utterances()[pm.get().part()],
                                pm.get().start(),
                                v.evidence(s, pm.get()));
            }
        }
        for (int i : s.utterances()) {
            if (best != null && best.utterance() <= i) {
                break;
            }
            Hit h = actHit(v, i, cue);
            if (h != null) {
                return h;
            }
        }
        return best;
    }

    /** The utterance as evidence of the cue's act, if the classifier is confident enough. */
    private static Hit actHit(CallView v, int i, Cue cue) {
        String bestAct = null;
        double best = 0;
        for (String act : cue.acts()) {
            double score = v.act(i, act);
            if (score >= cue.minConfidence() && score > best) {
                best = score;
                bestAct = act;
            }
        }
        return bestAct == null ? null : new Hit(i, 0, v.actEvidence(i, bestAct, best));
    }

    private Hit first(PhraseMatcher m, CallView v, List<Integer> idx, Cue cue) {
        for (CallView.Stream s : v.streams(idx, pack.matching())) {
            Hit h = firstHit(m, v, s, cue);
            if (h != null) {
                return h;
            }
        }
        return null;
    }

    private RuleResult present(Rule rule, PhraseMatcher m, CallView v, RuleCheck.PhrasePresent p) {
        List<Integer> idx = candidates(v.call, p.speaker(), p.within(), p.inLast());
        List<Evidence> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Cue group : p.groups()) {
            if (!v.checkable(group)) {
                // A brand (or other variable) the call and pack leave unset is not checked.
                continue;
            }
            Hit h = first(m, v, idx, group);
            if (h != null) {
                found.add(h.evidence());
            } else {
                List<String> phrases = v.phrases(group);
                missing.add(
                        phrases.isEmpty()
                                ? "act " + group.acts().get(0)
                                : "'" + phrases.get(0) + "'");
            }
        }
        if (missing.isEmpty()) {
            return new RuleResult(
                    rule, Outcome.PASSED, found, "said" + RuleNotes.window(p.within(), p.inLast()));
        }
        return new RuleResult(rule, Outcome.FAILED, found, RuleNotes.presentMissed(p, missing));
    }

    private RuleResult absent(Rule rule, PhraseMatcher m, CallView v, RuleCheck.PhraseAbsent p) {
        List<Evidence> found = new ArrayList<>();
        List<Integer> idx = candidates(v.call, p.speaker(), p.within(), p.inLast());
        for (CallView.Stream s : v.streams(idx, pack.matching())) {
            Hit h = firstHit(m, v, s, p.cue());
            if (h != null) {
                found.add(h.evidence());
            }
        }
        if (found.isEmpty()) {
            return new RuleResult(rule, Outcome.PASSED, found, "not said");
        }
        return new RuleResult(rule, Outcome.FAILED, found, RuleNotes.absentSaid(p, found.get(0)));
    }

    private RuleResult ordering(Rule rule, PhraseMatcher m, CallView v, RuleCheck.Ordering o) {
        List<Integer> idx =
                candidates(v.call, o.speaker(), OptionalDouble.empty(), OptionalDouble.empty());
        Hit first = first(m, v, idx, o.first());
        Hit then = first(m, v, idx, o.then());
        if (then == null) {
            return new RuleResult(
                    rule, Outcome.NOT_APPLICABLE, List.of(), "nothing that needs it was said");
        }
        boolean ok = first != null && first.before(then);
        List<Evidence> ev = new ArrayList<>();
        if (first != null) {
            ev.add(first.evidence());
        }
        ev.add(then.evidence());
        if (ok) {
            return new RuleResult(rule, Outcome.PASSED, ev, "in the right order");
        }
        return new RuleResult(
                rule,
                Outcome.FAILED,
                ev,
                RuleNotes.orderBroken(o, first == null ? null : first.evidence(), then.evidence()));
    }

    private RuleResult reaction(
            Rule rule, PhraseMatcher m, CallView v, RuleCheck.Reaction r, List<Integer> agitated) {
        if (agitated.isEmpty()) {
            return new RuleResult(
                    rule, Outcome.NOT_APPLICABLE, List.of(), "customer never agitated");
        }
        List<Utterance> us = v.call.utterances();
        List<Evidence> responses = new ArrayList<>();
        // Only responses near an agitated turn can answer it: the rest need no matching or
        // classifying.
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < us.size(); i++) {
            Utterance u = us.get(i);
            if (u.speaker() != r.responder()) {
                continue;
            }
            for (int a : agitated) {
                Utterance x = us.get(a);
                if (u.start() >= x.start() - r.within() - u.duration()
                        && u.start() <= x.end() + r.within()) {
                    idx.add(i);
                    break;
                }
            }
        }
        for (CallView.Stream s : v.streams(idx, pack.matching())) {
            Hit h = firstHit(m, v, s, r.cue());
            if (h != null) {
                responses.add(h.evidence());
            }
            // Later utterances of the stream may show the act again, closer to an agitated turn.
            for (int i : s.utterances()) {
                if (h != null && i > h.utterance()) {
                    Hit a = actHit(v, i, r.cue());
                    if (a != null) {
                        responses.add(a.evidence());
                    }
                }
            }
        }
        List<Evidence> unanswered = new ArrayList<>();
        for (int a : agitated) {
            Utterance u = us.get(a);
            // Empathy shown shortly before also counts: agents need not repeat it every turn.
            IntPredicate near =
                    k -> {
                        double t = responses.get(k).t();
                        return t >= u.start() - r.within() && t <= u.end() + r.within();
                    };
            boolean answered = false;
            for (int k = 0; k < responses.size() && !answered; k++) {
                answered = near.test(k);
            }
            if (!answered) {
                unanswered.add(new Evidence(a, u.start(), u.text(), null));
            }
        }
        if (unanswered.isEmpty()) {
            return new RuleResult(
                    rule,
                    Outcome.PASSED,
                    responses,
                    "responded within " + RuleNotes.secs(r.within()));
        }
        return new RuleResult(
                rule, Outcome.FAILED, unanswered, RuleNotes.unanswered(r, unanswered));
    }

    private RuleResult threshold(
            Rule rule, CallTranscript call, RuleCheck.Threshold t, CallSignals s) {
        Metric metric = t.metric();
        if (metric.isDuration()) {
            Optional<List<TimeSpan>> spans = metric == Metric.DEAD_AIR ? s.deadAir() : s.holds();
            if (spans.isEmpty()) {
                return new RuleResult(
                        rule, Outcome.NOT_APPLICABLE, List.of(), metric.id() + " not measured");
            }
            List<Evidence> over = new ArrayList<>();
            TimeSpan longest = null;
            for (TimeSpan span : spans.get()) {
                if (longest == null || span.duration() > longest.duration()) {
                    longest = span;
                }
                if (span.duration() > t.max()) {
                    over.add(
                            new Evidence(
                                    lastBefore(call, span.start()),
                                    span.start(),
                                    RuleNotes.span(metric, span),
                                    null));
                }
            }
            if (over.isEmpty()) {
                return new RuleResult(
                        rule,
                        Outcome.PASSED,
                        List.of(),
                        String.format(
                                Locale.ROOT,
                                "longest %s %.1f s",
                                metric.id(),
                                longest == null ? 0 : longest.duration()));
            }
            return new RuleResult(rule, Outcome.FAILED, over, RuleNotes.over(t, over.get(0)));
        }
        OptionalDouble v = metric == Metric.OVERTALK_RATIO ? s.overtalkRatio() : s.agentTalkRatio();
        if (v.isEmpty()) {
            return new RuleResult(
                    rule, Outcome.NOT_APPLICABLE, List.of(), metric.id() + " not measured");
        }
        String text =
                String.format(
                        Locale.ROOT,
                        "%s %.0f%% (limit %.0f%%)",
                        metric.id(),
                        100 * v.getAsDouble(),
                        100 * t.max());
        Evidence e = new Evidence(null, 0, text, null);
        return new RuleResult(
                rule,
                v.getAsDouble() > t.max() ? Outcome.FAILED : Outcome.PASSED,
                List.of(e),
                text);
    }

    private static Integer lastBefore(CallTranscript call, double t) {
        Integer last = null;
        for (int i = 0; i < call.utterances().size(); i++) {
            if (call.utterances().get(i).start() <= t) {
                last = i;
            }
        }
        return last;
    }

    private RuleResult piiSpoken(
            Rule rule, CallTranscript call, RuleCheck.PiiSpoken p, List<PiiFinding> pii) {
        List<Evidence> ev = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (PiiFinding f : pii) {
            if (p.types().contains(f.type())
                    && (p.speaker().isEmpty() || p.speaker().get() == f.speaker())) {
                Utterance u = call.utterances().get(f.utterance());
                if (ev.stream().noneMatch(e -> e.utterance() == f.utterance())) {
                    ev.add(
                            new Evidence(
                                    f.utterance(), u.start(), u.text(), f.type().placeholder()));
                }
                types.add(f.type().id());
            }
        }
        if (ev.isEmpty()) {
            return new RuleResult(rule, Outcome.PASSED, List.of(), "none said");
        }
        return new RuleResult(
                rule, Outcome.FAILED, ev, RuleNotes.piiSaid(types, ev.get(0).utterance()));
    }
}
