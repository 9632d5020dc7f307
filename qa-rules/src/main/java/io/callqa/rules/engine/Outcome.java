package io.callqa.rules.engine;

/** How a call fared against one rule. */
public enum Outcome {
    PASSED,
    FAILED,
    /** The rule does not apply (e.g. no agitated customer for an empathy rule). */
    NOT_APPLICABLE;

    /** true, false or null (not applicable), the form results are written in. */
    public Boolean passed() {
        return this == NOT_APPLICABLE ? null : this == PASSED;
    }
}
