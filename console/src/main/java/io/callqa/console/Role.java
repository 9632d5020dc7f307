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
    SUPERVISOR(true, true, true, true, true, true),
    /**
     * Compliance officers: read every call, the aggregates, alerts and abuse figures, and export;
     * no reviews.
     */
    COMPLIANCE(true, false, false, true, true, false),
    /**
     * Floor managers: the live alerts panel and acknowledging alerts, every live call's agent view
     * and the abuse figures; no transcripts.
     */
    FLOOR(false, false, true, false, true, true),
    /**
     * Agents: the agent view of their own live calls (those whose {@code agent_id} is their user
     * name), with its suggestions and the alerts of that call; nothing else.
     */
    AGENT(false, false, false, false, false, true);

    private final boolean readCalls;
    private final boolean review;
    private final boolean acknowledge;
    private final boolean export;
    private final boolean floorView;
    private final boolean liveCalls;

    Role(
            boolean readCalls,
            boolean review,
            boolean acknowledge,
            boolean export,
            boolean floorView,
            boolean liveCalls) {
        this.readCalls = readCalls;
        this.review = review;
        this.acknowledge = acknowledge;
        this.export = export;
        this.floorView = floorView;
        this.liveCalls = liveCalls;
    }

    /** May open the live alerts panel and the abuse figures of every agent. */
    public boolean watchesFloor() {
        return floorView;
    }

    /**
     * May open agent views of live calls: every call's, or only their own if {@link #ownCallsOnly}.
     */
    public boolean followsLiveCalls() {
        return liveCalls;
    }

    /** Sees only the live calls whose {@code agent_id} is the user's name. */
    public boolean ownCallsOnly() {
        return this == AGENT;
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

    /**
     * The role's name in a users file: {@code supervisor}, {@code compliance}, {@code floor} or
     * {@code agent}.
     */
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
