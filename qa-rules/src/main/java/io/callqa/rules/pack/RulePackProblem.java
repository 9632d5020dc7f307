package io.callqa.rules.pack;

/**
 * One thing wrong with a rule pack.
 *
 * @param line 1-based line in the pack file (0 when unknown)
 * @param field path of the field, e.g. {@code rules[3].within}; empty for the document itself
 * @param message what is wrong and what was expected
 */
public record RulePackProblem(int line, String field, String message) {

    /** {@code file:line: field: message}, the form compilers use so editors can jump to it. */
    public String format(String source) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
