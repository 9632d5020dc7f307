package io.callqa.analysis.document;

/**
 * One field of an indexed document, by its dotted path from the document's root ({@code qa.score},
 * {@code utterances.text}). The document writer puts a field under its {@link #name()} inside its
 * parent object; queries, sorts and the console's pages use its {@link #path()}, so a field is
 * named in one place only ({@link CallFields}, {@link AlertFields}).
 *
 * @param path the dotted path, as OpenSearch names the field in queries and mappings
 */
public record DocumentField(String path) {

    /** Checks the path. */
    public DocumentField {
        if (path == null
                || path.isBlank()
                || path.startsWith(".")
                || path.endsWith(".")
                || path.contains("..")) {
            throw new IllegalArgumentException(
                    "document field: expected a dotted path such as qa.score, got '" + path + "'");
        }
    }

    /** The last segment of the path: the key inside the parent object. */
    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * The field as a JSON Pointer ({@code /qa/score}), for reading it out of a document with
     * Jackson's {@code JsonNode.at}. Document keys hold neither {@code /} nor {@code ~}.
     */
    public String pointer() {
        return "/" + path.replace('.', '/');
    }

    /** A field inside this one (an object field). */
    public DocumentField child(String name) {
        return new DocumentField(path + "." + name);
    }

    @Override
    public String toString() {
        return path;
    }
}
