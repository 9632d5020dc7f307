package io.callqa.dashboards;

import static io.callqa.analysis.document.CallFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.DocumentField;
import io.callqa.analysis.document.IndexNames;
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

    /**
     * Row columns, in order: the audit's format, named here so that it keeps its columns whatever
     * the document's fields are called.
     */
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
        if (!client.indices().exists(e -> e.index(IndexNames.CALLS)).value()) {
            return 0;
        }
        Query q = toQuery(query);
        SearchResponse<JsonNode> page =
                client.search(
                        s ->
                                s.index(IndexNames.CALLS)
                                        .size(PAGE)
                                        .scroll(Time.of(t -> t.time("2m")))
                                        .query(q)
                                        .sort(o -> o.field(f -> f.field(STARTED_AT.path())))
                                        .sort(o -> o.field(f -> f.field(CALL_ID.path()))),
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
                                                r.field(STARTED_AT.path())
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
                                                                        t.field(AGENT_ID.path())
                                                                                .value(
                                                                                        FieldValue
                                                                                                .of(
                                                                                                        a))))));
        if (query.failedOnly()) {
            // The flat lists beside the nested results make this a plain term query.
            String field =
                    (query.ruleId().isPresent() ? QA_FAILED_RULES : QA_FAILED_COMPLIANCE_RULES)
                            .path();
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
        for (JsonNode r : at(call, QA_RESULTS)) {
            String rule = r.path(RESULT_RULE_ID.name()).asText();
            JsonNode passed = r.path(RESULT_PASSED.name());
            boolean failed = passed.isBoolean() && !passed.asBoolean();
            if (query.ruleId().isPresent() && !query.ruleId().get().equals(rule)) {
                continue;
            }
            if (query.failedOnly()
                    && (!failed
                            || (query.ruleId().isEmpty()
                                    && !r.path(RESULT_KIND.name())
                                            .asText()
                                            .equals("compliance")))) {
                continue;
            }
            ObjectNode row = F.objectNode();
            JsonNode pack = at(call, QA_RULEPACK);
            row.put("call_id", at(call, CALL_ID).asText());
            row.put("started_at", at(call, STARTED_AT).asText(""));
            row.put("agent_id", at(call, AGENT_ID).asText(""));
            row.put("team", at(call, TEAM).asText(""));
            row.put("queue", at(call, QUEUE).asText(""));
            row.put("language", at(call, LANGUAGE).asText(""));
            row.put("rule_id", rule);
            row.put("kind", r.path(RESULT_KIND.name()).asText(""));
            row.put("severity", r.path(RESULT_SEVERITY.name()).asText(""));
            row.put("passed", passed.isBoolean() ? passed.asText() : "not applicable");
            row.put("description", r.path(RESULT_DESCRIPTION.name()).asText(""));
            List<String> evidence = new ArrayList<>();
            for (JsonNode e : r.path(RESULT_EVIDENCE.name())) {
                evidence.add(
                        String.format(
                                java.util.Locale.ROOT,
                                "[%.1fs] %s",
                                e.path(EVIDENCE_T.name()).asDouble(),
                                e.path(EVIDENCE_TEXT.name()).asText("")));
            }
            row.put("evidence", String.join(" | ", evidence));
            row.put("source_uri", at(call, SOURCE_URI).asText(""));
            row.put("source_sha256", at(call, SOURCE_SHA256).asText(""));
            row.put("asr_engine", at(call, ASR_ENGINE).asText(""));
            row.put("asr_model", at(call, ASR_MODEL).asText(""));
            row.put("rulepack_id", pack.path(RULEPACK_ID.name()).asText(""));
            row.put("rulepack_version", pack.path(RULEPACK_VERSION.name()).asText(""));
            rows.accept(row);
            n++;
        }
        return n;
    }

    /** The value of {@code field} in the call document {@code call}, found by its dotted path. */
    private static JsonNode at(JsonNode call, DocumentField field) {
        return call.at(field.pointer());
    }
}
