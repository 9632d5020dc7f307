package io.callqa.pipeline.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one record's analysis did when it failed unexpectedly, and whether the job may go on.
 *
 * <p>Every operator that analyses a record catches what the analysis throws, Errors included, and
 * turns it into a dead letter: a rule that overflows its stack on one crafted transcript must cost
 * that transcript, not the job (a rethrown failure fails the task, the job restarts, reads the same
 * input and fails again). Only failures that say the JVM itself can no longer be trusted are
 * rethrown.
 *
 * <p>The description names the exception class and a short message, never a stack trace and never
 * text that could be the record's content: quoted substrings and long digit runs of the message are
 * replaced by their length, since exception messages often quote the input they choked on.
 */
public final class RecordFailure {
    /** Longest message kept in a description. */
    static final int MAX_MESSAGE = 160;

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']{2,}'");
    private static final Pattern DIGITS = Pattern.compile("\\d{6,}");

    private RecordFailure() {}

    /**
     * Rethrows {@code t} if the JVM cannot be trusted after it, so the task fails and Flink
     * restarts it in a healthy state.
     *
     * <p>{@link OutOfMemoryError}, {@link InternalError} and {@link UnknownError} leave the JVM in
     * an unknown state; a {@link LinkageError} means the job's classes are broken, which no record
     * caused and no other record would escape. {@link StackOverflowError} is a {@link
     * VirtualMachineError} too, but by the time it is caught here the stack has unwound to the
     * operator and nothing is left half-done: it is the typical failure of one pathological record
     * (deeply recursive matching on thousands of words), so it is a per-record failure.
     */
    public static void rethrowIfFatal(Throwable t) {
        if (t instanceof StackOverflowError) {
            return;
        }
        if (t instanceof VirtualMachineError e) {
            throw e;
        }
        if (t instanceof LinkageError e) {
            throw e;
        }
    }

    /**
     * The failure as a dead letter states it: {@code "StackOverflowError"} or {@code
     * "IllegalStateException: no rule pack (at io.callqa.rules.Engine.run:42)"} (where in callqa it
     * was thrown, when it was).
     */
    public static String describe(Throwable t) {
        StringBuilder b = new StringBuilder(t.getClass().getSimpleName());
        String message = t.getMessage();
        if (message != null && !message.isBlank()) {
            b.append(": ").append(safe(message));
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("io.callqa.")) {
                b.append(" (at ")
                        .append(e.getClassName())
                        .append('.')
                        .append(e.getMethodName())
                        .append(':')
                        .append(e.getLineNumber())
                        .append(')');
                break;
            }
        }
        return b.toString();
    }

    /** The message on one line, without quoted content or long numbers, and short. */
    public static String safe(String message) {
        String line = message.lines().findFirst().orElse("").strip();
        Matcher q = QUOTED.matcher(line);
        StringBuilder out = new StringBuilder();
        while (q.find()) {
            q.appendReplacement(out, "<" + (q.group().length() - 2) + " characters>");
        }
        q.appendTail(out);
        String s = DIGITS.matcher(out).replaceAll(m -> "<" + m.group().length() + " digits>");
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
