package io.callqa.rules.engine;

import io.callqa.rules.match.MatchSettings;
import io.callqa.rules.match.PhraseMatch;
import io.callqa.rules.match.PhraseMatcher;
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
import java.util.stream.Collectors;

/**
 * Evaluates the rules of one pack on a call. Runs on the redacted transcript, so evidence never
 * carries the data PII redaction removed.
 */
public final class RuleEngine {

    private final RulePack pack;
    private final PhraseMatcher matcher;
    private final Map<Double, PhraseMatcher> overrides = new HashMap<>();
    private final AgitationDetector agitation;

    /** An engine for the rules of {@code pack}. */
    public RuleEngine(RulePack pack) {
        this.pack = pack;
        this.matcher = new PhraseMatcher(pack.matching());
        this.agitation = new AgitationDetector(pack.agitation(), matcher);
    }

    /** The pack this engine evaluates. */
    public RulePack pack() {
        return pack;
    }

    /** Indexes of the customer utterances the pack's agitation cues or the signals flag. */
    public List<Integer> agitated(CallTranscript call, CallSignals signals) {
        return agitation.agitated(call, signals);
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
        List<Integer> agitated = agitation.agitated(call, s);
        List<RuleResult> out = new ArrayList<>();
        for (Rule rule : pack.rules()) {
            out.add(evaluate(rule, call, pii, s, agitated));
        }
        return out;
    }

    private RuleResult evaluate(
            Rule rule,
            CallTranscript call,
            List<PiiFinding> pii,
            CallSignals s,
            List<Integer> agitated) {
        PhraseMatcher m = matcherFor(rule);
        RuleCheck check = rule.check();
        if (check instanceof RuleCheck.PhrasePresent p) {
            return present(rule, m, call, p);
        } else if (check instanceof RuleCheck.PhraseAbsent p) {
            return absent(rule, m, call, p);
        } else if (check instanceof RuleCheck.Ordering o) {
            return ordering(rule, m, call, o);
        } else if (check instanceof RuleCheck.Reaction r) {
            return reaction(rule, m, call, r, agitated);
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
                    t, k -> new PhraseMatcher(new MatchSettings(k, pack.matching().maxGap())));
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

    private static Optional<Evidence> first(
            PhraseMatcher m, CallTranscript call, List<Integer> idx, List<String> phrases) {
        for (int i : idx) {
            Utterance u = call.utterances().get(i);
            Optional<PhraseMatch> pm = m.findAny(u.text(), phrases);
            if (pm.isPresent()) {
                return Optional.of(evidence(i, u, pm.get()));
            }
        }
        return Optional.empty();
    }

    private static Evidence evidence(int i, Utterance u, PhraseMatch pm) {
        return new Evidence(i, u.start(), u.text(), pm == null ? null : pm.matched());
    }

    private static String window(OptionalDouble within, OptionalDouble inLast) {
        if (within.isPresent()) {
            return " in the first " + secs(within.getAsDouble());
        }
        if (inLast.isPresent()) {
            return " in the last " + secs(inLast.getAsDouble());
        }
        return "";
    }

    private static String secs(double s) {
        return s == Math.rint(s) ? (long) s + " s" : String.format(Locale.ROOT, "%.1f s", s);
    }

    private RuleResult present(
            Rule rule, PhraseMatcher m, CallTranscript call, RuleCheck.PhrasePresent p) {
        List<Integer> idx = candidates(call, p.speaker(), p.within(), p.inLast());
        List<Evidence> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (List<String> group : p.groups()) {
            Optional<Evidence> e = first(m, call, idx, group);
            if (e.isPresent()) {
                found.add(e.get());
            } else {
                missing.add("'" + group.get(0) + "'");
            }
        }
        if (missing.isEmpty()) {
            return new RuleResult(
                    rule, Outcome.PASSED, found, "said" + window(p.within(), p.inLast()));
        }
        String speaker = p.speaker().map(Speaker::id).orElse("either party");
        return new RuleResult(
                rule,
                Outcome.FAILED,
                found,
                speaker
                        + " never said anything like "
                        + String.join(" or ", missing)
                        + window(p.within(), p.inLast()));
    }

    private RuleResult absent(
            Rule rule, PhraseMatcher m, CallTranscript call, RuleCheck.PhraseAbsent p) {
        List<Evidence> found = new ArrayList<>();
        for (int i : candidates(call, p.speaker(), p.within(), p.inLast())) {
            Utterance u = call.utterances().get(i);
            m.findAny(u.text(), p.phrases()).ifPresent(pm -> found.add(evidence(i, u, pm)));
        }
        if (found.isEmpty()) {
            return new RuleResult(rule, Outcome.PASSED, found, "not said");
        }
        String speaker = p.speaker().map(Speaker::id).orElse("a speaker");
        return new RuleResult(
                rule,
                Outcome.FAILED,
                found,
                speaker + " said '" + found.get(0).matched() + "' at " + secs(found.get(0).t()));
    }

    private RuleResult ordering(
            Rule rule, PhraseMatcher m, CallTranscript call, RuleCheck.Ordering o) {
        List<Integer> idx =
                candidates(call, o.speaker(), OptionalDouble.empty(), OptionalDouble.empty());
        Match first = earliest(m, call, idx, o.first());
        Match then = earliest(m, call, idx, o.then());
        if (then == null) {
            return new RuleResult(
                    rule, Outcome.NOT_APPLICABLE, List.of(), "nothing that needs it was said");
        }
        boolean ok =
                first != null
                        && (first.index < then.index
                                || (first.index == then.index
                                        && first.match.start() < then.match.start()));
        List<Evidence> ev = new ArrayList<>();
        if (first != null) {
            ev.add(evidence(first.index, call.utterances().get(first.index), first.match));
        }
        ev.add(evidence(then.index, call.utterances().get(then.index), then.match));
        if (ok) {
            return new RuleResult(rule, Outcome.PASSED, ev, "in the right order");
        }
        return new RuleResult(
                rule,
                Outcome.FAILED,
                ev,
                "'"
                        + then.match.matched()
                        + "' at "
                        + secs(call.utterances().get(then.index).start())
                        + (first == null
                                ? " with no '" + o.first().get(0) + "' at all"
                                : " before '" + first.match.matched() + "'"));
    }

    private record Match(int index, PhraseMatch match) {}

    private static Match earliest(
            PhraseMatcher m, CallTranscript call, List<Integer> idx, List<String> phrases) {
        for (int i : idx) {
            Optional<PhraseMatch> pm = m.findAny(call.utterances().get(i).text(), phrases);
            if (pm.isPresent()) {
                return new Match(i, pm.get());
            }
        }
        return null;
    }

    private RuleResult reaction(
            Rule rule,
            PhraseMatcher m,
            CallTranscript call,
            RuleCheck.Reaction r,
            List<Integer> agitated) {
        if (agitated.isEmpty()) {
            return new RuleResult(
                    rule, Outcome.NOT_APPLICABLE, List.of(), "customer never agitated");
        }
        List<Utterance> us = call.utterances();
        List<Evidence> responses = new ArrayList<>();
        for (int i = 0; i < us.size(); i++) {
            Utterance u = us.get(i);
            if (u.speaker() == r.responder()) {
                Optional<PhraseMatch> pm = m.findAny(u.text(), r.phrases());
                if (pm.isPresent()) {
                    responses.add(evidence(i, u, pm.get()));
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
                    rule, Outcome.PASSED, responses, "responded within " + secs(r.within()));
        }
        return new RuleResult(
                rule,
                Outcome.FAILED,
                unanswered,
                "no response from the "
                        + r.responder().id()
                        + " within "
                        + secs(r.within())
                        + " of "
                        + unanswered.stream()
                                .map(e -> "utterance " + e.utterance())
                                .collect(Collectors.joining(", ")));
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
                                    String.format(
                                            Locale.ROOT,
                                            "%.1f s of %s (%.2f-%.2f s)",
                                            span.duration(),
                                            metric.id(),
                                            span.start(),
                                            span.end()),
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
            return new RuleResult(
                    rule, Outcome.FAILED, over, over.get(0).text() + ", over " + secs(t.max()));
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
                rule,
                Outcome.FAILED,
                ev,
                String.join(", ", types.stream().distinct().toList())
                        + " said aloud in utterance "
                        + ev.get(0).utterance());
    }
}
