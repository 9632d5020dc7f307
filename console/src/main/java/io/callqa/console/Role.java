package io.callqa.console;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a console user may see and do. Transcripts are sensitive, so each role gets only what its
 * job needs.
 */
public enum Role {
    /**
     * QA supervisors: everything, including reviews (confirm or override) and acknowledging alerts.
     */
    SUPERVISOR(true, true, true, true),
    /** Compliance officers: read every call, the aggregates and alerts, and export; no reviews. */
    COMPLIANCE(true, false, false, true),
    /** Floor managers: the live alerts panel and acknowledging alerts; no transcripts. */
    FLOOR(false, false, true, false);

    private final boolean readCalls;
    private final boolean review;
    private final boolean acknowledge;
    private final boolean export;

    Role(boolean readCalls, boolean review, boolean acknowledge, boolean export) {
        this.readCalls = readCalls;
        this.review = review;
        this.acknowledge = acknowledge;
        this.export = export;
    }

    /** May open the call list, call details, recordings and aggregates. */
    public boolean readsCalls() {
        return readCalls;
    }

    /** May confirm or override a rule result or a category. */
    public boolean reviews() {
        return review;
    }

    /** May acknowledge alerts. */
    public boolean acknowledges() {
        return acknowledge;
    }

    /** May download the call list as CSV. */
    public boolean exports() {
        return export;
    }

    /** The role's name in a users file: {@code supervisor}, {@code compliance} or {@code floor}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role named {@code id}.
     *
     * @throws IllegalArgumentException naming the known roles if there is none
     */
    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "unknown role '"
                        + id
                        + "'; expected one of "
                        + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")));
    }
}
