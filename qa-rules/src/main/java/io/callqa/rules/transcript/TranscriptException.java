package io.callqa.rules.transcript;

import java.util.List;

/**
 * A transcript that cannot be used. The message names the source and lists every problem found,
 * each with the field it concerns, so that one fix-and-retry cycle is enough.
 */
public class TranscriptException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> problems;

    /** Creates the exception for {@code source} with one entry per problem. */
    public TranscriptException(String source, List<String> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file name or other reference of the rejected input. */
    public String source() {
        return source;
    }

    /** The problems found, each starting with the field path. */
    public List<String> problems() {
        return problems;
    }

    private static String format(String source, List<String> problems) {
        if (problems.size() == 1) {
            return source + ": " + problems.get(0);
        }
        StringBuilder sb = new StringBuilder(source).append(": ").append(problems.size());
        sb.append(" problems:");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
