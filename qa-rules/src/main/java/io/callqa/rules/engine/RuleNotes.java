package io.callqa.rules.engine;

import io.callqa.rules.pack.Metric;
import io.callqa.rules.pack.RuleCheck;
import io.callqa.rules.transcript.Speaker;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The one-line notes of failed rules, for the batch engine and for a live call evaluated
 * incrementally alike, so that an alert reads the same whichever found it.
 */
public final class RuleNotes {

    private RuleNotes() {}

    /** A number of seconds as a note writes it: {@code 30 s}, {@code 2.5 s}. */
    public static String secs(double s) {
        return s == Math.rint(s) ? (long) s + " s" : String.format(Locale.ROOT, "%.1f s", s);
    }

    /** The rule's time window as a note writes it, or nothing. */
    static String window(OptionalDouble within, OptionalDouble inLast) {
        if (within.isPresent()) {
            return " in the first " + secs(within.getAsDouble());
        }
        if (inLast.isPresent()) {
            return " in the last " + secs(inLast.getAsDouble());
        }
        return "";
    }

    /** What a piece of evidence showed: the matched words or the act. */
    public static String shown(Evidence e) {
        return e.matched() != null ? e.matched() : "act " + e.act();
    }

    /**
     * A required phrase missed: {@code missing} are the groups not shown, each as its first phrase
     * in quotes or its first act.
     */
    public static String presentMissed(RuleCheck.PhrasePresent p, List<String> missing) {
        String speaker = p.speaker().map(Speaker::id).orElse("either party");
        return speaker
                + " never said anything like "
                + String.join(" or ", missing)
                + window(p.within(), p.inLast());
    }

    /** A prohibited phrase said, {@code first} the earliest evidence. */
    public static String absentSaid(RuleCheck.PhraseAbsent p, Evidence first) {
        String speaker = p.speaker().map(Speaker::id).orElse("a speaker");
        return speaker + " said '" + shown(first) + "' at " + secs(first.t());
    }

    /**
     * A {@code then} cue shown without its {@code first} cue before it ({@code first} may be null).
     */
    public static String orderBroken(RuleCheck.Ordering o, Evidence first, Evidence then) {
        return "'"
                + shown(then)
                + "' at "
                + secs(then.t())
                + (first == null
                        ? " with no '" + o.first().label() + "' at all"
                        : " before '" + shown(first) + "'");
    }

    /** Agitated turns left unanswered, each as evidence naming the agitated utterance. */
    public static String unanswered(RuleCheck.Reaction r, List<Evidence> unanswered) {
        return "no response from the "
                + r.responder().id()
                + " within "
                + secs(r.within())
                + " of "
                + unanswered.stream()
                        .map(e -> "utterance " + e.utterance())
                        .collect(Collectors.joining(", "));
    }

    /** The evidence text of a stretch over a duration threshold. */
    public static String span(Metric metric, TimeSpan span) {
        return String.format(
                Locale.ROOT,
                "%.1f s of %s (%.2f-%.2f s)",
                span.duration(),
                metric.id(),
                span.start(),
                span.end());
    }

    /** A stretch over a duration threshold, {@code first} the earliest over it. */
    public static String over(RuleCheck.Threshold t, Evidence first) {
        return first.text() + ", over " + secs(t.max());
    }

    /** Sensitive data said aloud: the types found, and the first utterance with any of them. */
    public static String piiSaid(List<String> types, int firstUtterance) {
        return String.join(", ", types.stream().distinct().toList())
                + " said aloud in utterance "
                + firstUtterance;
    }
}
