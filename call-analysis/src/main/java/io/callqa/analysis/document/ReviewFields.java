package io.callqa.analysis.document;

/**
 * The fields of a review document ({@code callqa-reviews}): a supervisor's verdict on one rule
 * result or on the category of a call, written and read by the console only. The one place their
 * names are written, beside those of the call and alert documents.
 */
public final class ReviewFields {

    private ReviewFields() {}

    private static DocumentField f(String path) {
        return new DocumentField(path);
    }

    public static final DocumentField TIMESTAMP = f("@timestamp");
    public static final DocumentField REVIEW_ID = f("review_id");
    public static final DocumentField CALL_ID = f("call_id");
    public static final DocumentField REVIEWER = f("reviewer");
    public static final DocumentField ROLE = f("role");

    /** {@code category}, or {@code rule} with the rule in {@link #RULE_ID}. */
    public static final DocumentField TARGET = f("target");

    public static final DocumentField RULE_ID = f("rule_id");

    /** {@code confirm} or {@code override}. */
    public static final DocumentField ACTION = f("action");

    /** The result or category before the review, and after it. */
    public static final DocumentField ORIGINAL = f("original");

    public static final DocumentField VALUE = f("value");
    public static final DocumentField REASON = f("reason");
}
