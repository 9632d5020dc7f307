package io.callqa.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.IndexNames;
import java.util.List;

/**
 * callqa's Index State Management (ISM) retention policy: delete a time-partitioned alerts or
 * errors index a number of days after it was created.
 *
 * <p>ISM acts on whole indices, never on documents. {@code callqa-calls} is one index with the call
 * id as document id, so a "delete after N days" policy on it would delete every call at once; the
 * policy therefore never names it. It covers only day-suffixed indices ({@code callqa-alerts-*},
 * {@code callqa-errors-*}, for example {@code callqa-alerts-2026.11.21}), whose creation date is
 * the day of their data. The unsuffixed {@code callqa-alerts} and {@code callqa-errors} that the
 * pipeline writes today do not match those patterns, so the policy leaves them alone.
 */
public final class RetentionPolicy {

    /** The policy id in the cluster. */
    public static final String ID = "callqa-retention";

    /**
     * The indices the policy manages: new ones through its ISM template, existing ones on install.
     */
    public static final List<String> INDEX_PATTERNS =
            List.of(IndexNames.ALERTS + "-*", IndexNames.ERRORS + "-*", IndexNames.ASSIST + "-*");

    /** Days an index is kept when no other value is given. */
    public static final int DEFAULT_DAYS = 90;

    /** The longest retention accepted: 100 years, far beyond any legal hold, still an int. */
    public static final int MAX_DAYS = 36_500;

    /**
     * Bumped whenever the policy's shape changes, so that install replaces a policy written by an
     * older callqa even when the number of days is the same.
     */
    static final int SHAPE_VERSION = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int days;

    private RetentionPolicy(int days) {
        this.days = days;
    }

    /**
     * The policy that deletes an index {@code days} after its creation.
     *
     * @throws IllegalArgumentException if {@code days} is not between 1 and {@link #MAX_DAYS}
     */
    public static RetentionPolicy ofDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "retention days must be a whole number of days from 1 to "
                            + MAX_DAYS
                            + ", got "
                            + days);
        }
        return new RetentionPolicy(days);
    }

    /** Days an index is kept. */
    public int days() {
        return days;
    }

    /**
     * The policy's description; it names the days, the patterns and the shape version, so two
     * policies with the same description are the same policy.
     */
    public String description() {
        return "callqa retention v" + SHAPE_VERSION + ": " + effect();
    }

    /** What the policy does, in words: which indices it deletes and when. */
    public String effect() {
        return "delete "
                + String.join(", ", INDEX_PATTERNS.subList(0, INDEX_PATTERNS.size() - 1))
                + " and "
                + INDEX_PATTERNS.get(INDEX_PATTERNS.size() - 1)
                + " indices "
                + days
                + (days == 1 ? " day" : " days")
                + " after they were created";
    }

    /** The request body for {@code PUT _plugins/_ism/policies/callqa-retention}. */
    public String json() {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode policy = root.putObject("policy");
        policy.put("description", description());
        policy.put("default_state", "keep");
        ArrayNode states = policy.putArray("states");
        ObjectNode keep = states.addObject();
        keep.put("name", "keep");
        keep.putArray("actions");
        keep.putArray("transitions")
                .addObject()
                .put("state_name", "delete")
                .putObject("conditions")
                .put("min_index_age", days + "d");
        ObjectNode delete = states.addObject();
        delete.put("name", "delete");
        delete.putArray("actions").addObject().putObject("delete");
        delete.putArray("transitions");
        ObjectNode template = policy.putArray("ism_template").addObject();
        INDEX_PATTERNS.forEach(template.putArray("index_patterns")::add);
        template.put("priority", 100);
        return root.toString();
    }
}
