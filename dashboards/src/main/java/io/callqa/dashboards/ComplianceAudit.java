package io.callqa.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.ScrollResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Exports indexed calls for a compliance audit: one row per matching rule result, each traceable to
 * the source recording (uri, sha256), the speech recognizer and the rule-pack version that produced
 * it. Results stream through a scroll, a page at a time, so an export of a year of calls never sits
 * in memory at once.
 */
public final class ComplianceAudit {

    /** The index audited. */
    public static final String CALLS = "callqa-calls";

    /** Row columns, in order. */
    public static final List<String> COLUMNS =
            List.of(
                    "call_id",
                    "started_at",
                    "agent_id",
                    "team",
                    "queue",
                    "language",
                    "rule_id",
                    "kind",
                    "severity",
                    "passed",
                    "description",
                    "evidence",
                    "source_uri",
                    "source_sha256",
                    "asr_engine",
                    "asr_model",
                    "rulepack_id",
                    "rulepack_version");

    private static final int PAGE = 500;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final OpenSearchClient client;

    /** An audit over the cluster behind {@code client}. */
    public ComplianceAudit(OpenSearchClient client) {
        this.client = client;
    }

    /**
     * Streams every row matching {@code query} to {@code rows}, calls ordered by start time.
     *
     * @return the number of rows
     */
    public long export(AuditQuery query, Consumer<ObjectNode> rows) throws IOException {
        if (!client.indices().exists(e -> e.index(CALLS)).value()) {
            return 0;
        }
        Query q = toQuery(query);
        SearchResponse<JsonNode> page =
                client.search(
                        s ->
                                s.index(CALLS)
                                        .size(PAGE)
                                        .scroll(Time.of(t -> t.time("2m")))
                                        .query(q)
                                        .sort(o -> o.field(f -> f.field("started_at")))
                                        .sort(o -> o.field(f -> f.field("call_id"))),
                        JsonNode.class);
        String scrollId = page.scrollId();
        long count = 0;
        List<Hit<JsonNode>> hits = page.hits().hits();
        try {
            while (!hits.isEmpty()) {
                for (Hit<JsonNode> h : hits) {
                    count += rowsOf(h.source(), query, rows);
                }
                String id = scrollId;
                ScrollResponse<JsonNode> next =
                        client.scroll(
                                s -> s.scrollId(id).scroll(Time.of(t -> t.time("2m"))),
                                JsonNode.class);
                scrollId = next.scrollId();
                hits = next.hits().hits();
            }
        } finally {
            if (scrollId != null) {
                String id = scrollId;
                client.clearScroll(c -> c.scrollId(id));
            }
        }
        return count;
    }

    private static Query toQuery(AuditQuery query) {
        List<Query> must = new ArrayList<>();
        must.add(
                Query.of(
                        q ->
                                q.range(
                                        r ->
                                                r.field("started_at")
                                                        .gte(JsonData.of(query.from().toString()))
                                                        .lt(JsonData.of(query.to().toString())))));
        query.agentId()
                .ifPresent(
                        a ->
                                must.add(
                                        Query.of(
                                                q ->
                                                        q.term(
                                                                t ->
                                                                        t.field("agent_id")
                                                                                .value(
                                                                                        FieldValue
                                                                                                .of(
                                                                                                        a))))));
        if (query.failedOnly()) {
            // The flat lists beside the nested results make this a plain term query.
            String field =
                    query.ruleId().isPresent() ? "qa.failed_rules" : "qa.failed_compliance_rules";
            if (query.ruleId().isPresent()) {
                String rule = query.ruleId().get();
                must.add(Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(rule)))));
            } else {
                must.add(Query.of(q -> q.exists(e -> e.field(field))));
            }
        }
        return Query.of(q -> q.bool(b -> b.must(must)));
    }

    /**
     * A CSV writer for audit rows: {@link #COLUMNS} with a header row, cells a spreadsheet would
     * run as a formula neutralised, exactly as the console's call export.
     */
    public static CsvRows csv(Writer out) throws IOException {
        return new CsvRows(out, COLUMNS);
    }

    /** The rows of one call: its results that the query selects. */
    private static int rowsOf(JsonNode call, AuditQuery query, Consumer<ObjectNode> rows) {
        int n = 0;
        for (JsonNode r : call.path("qa").path("results")) {
            String rule = r.path("rule_id").asText();
            boolean failed = r.path("passed").isBoolean() && !r.path("passed").asBoolean();
            if (query.ruleId().isPresent() && !query.ruleId().get().equals(rule)) {
                continue;
            }
            if (query.failedOnly()
                    && (!failed
                            || (query.ruleId().isEmpty()
                                    && !r.path("kind").asText().equals("compliance")))) {
                continue;
            }
            ObjectNode row = F.objectNode();
            row.put("call_id", call.path("call_id").asText());
            row.put("started_at", call.path("started_at").asText(""));
            row.put("agent_id", call.path("agent_id").asText(""));
            row.put("team", call.path("team").asText(""));
            row.put("queue", call.path("queue").asText(""));
            row.put("language", call.path("language").asText(""));
            row.put("rule_id", rule);
            row.put("kind", r.path("kind").asText(""));
            row.put("severity", r.path("severity").asText(""));
            row.put(
                    "passed",
                    r.path("passed").isBoolean() ? r.path("passed").asText() : "not applicable");
            row.put("description", r.path("description").asText(""));
            List<String> evidence = new ArrayList<>();
            for (JsonNode e : r.path("evidence")) {
                evidence.add(
                        String.format(
                                java.util.Locale.ROOT,
                                "[%.1fs] %s",
                                e.path("t").asDouble(),
                                e.path("text").asText("")));
            }
            row.put("evidence", String.join(" | ", evidence));
            row.put("source_uri", call.at("/source/uri").asText(""));
            row.put("source_sha256", call.at("/source/sha256").asText(""));
            row.put("asr_engine", call.at("/asr/engine").asText(""));
            row.put("asr_model", call.at("/asr/model").asText(""));
            row.put("rulepack_id", call.at("/qa/rulepack/id").asText(""));
            row.put("rulepack_version", call.at("/qa/rulepack/version").asText(""));
            rows.accept(row);
            n++;
        }
        return n;
    }
}
