package io.callqa.rules.pack;

import java.util.List;

/**
 * A rule pack that cannot be used. Lists every problem with file, line and field, so that one edit
 * fixes them all; a pack with any problem is never partly loaded.
 */
public class RulePackException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<RulePackProblem> problems;

    /** Creates the exception for the pack at {@code source}. */
    public RulePackException(String source, List<RulePackProblem> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file name or resource of the rejected pack. */
    public String source() {
        return source;
    }

    /** Every problem found. */
    public List<RulePackProblem> problems() {
        return problems;
    }

    private static String format(String source, List<RulePackProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).format(source);
        }
        StringBuilder sb = new StringBuilder(source).append(": ").append(problems.size());
        sb.append(" problems:");
        for (RulePackProblem p : problems) {
            sb.append("\n  - ").append(p.format(source));
        }
        return sb.toString();
    }
}
