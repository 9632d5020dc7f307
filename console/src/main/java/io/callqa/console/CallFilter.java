package io.callqa.console;

import static io.callqa.analysis.document.CallFields.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.DocumentField;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The call list's filters, sort and page, read from request parameters, and the OpenSearch query
 * they make. A parameter that cannot be read is dropped and reported in {@link #problems()}, so a
 * mistyped score shows a message instead of an error page.
 */
final class CallFilter {

    /** Calls per page. */
    static final int PAGE_SIZE = 25;

    /** Sortable columns: parameter value to index field. */
    static final Map<String, DocumentField> SORTS =
            Map.of(
                    "started_at", STARTED_AT,
                    "qa_score", QA_SCORE,
                    "duration", DURATION_S,
                    "agent", AGENT_ID,
                    "category", CATEGORY_LABEL);

    /** The template's sub-field that indexes Hangul as bigrams, beside each free-text field. */
    static final String CJK = "cjk";

    static final Set<String> EMOTIONS = Set.of("agitated", "calm", "low");

    /** Parameters this filter reads, in the order a link repeats them. */
    static final List<String> PARAMS =
            List.of(
                    "from",
                    "to",
                    "agent",
                    "team",
                    "category",
                    "qa_min",
                    "qa_max",
                    "compliance",
                    "emotion",
                    "q",
                    "sort",
                    "dir");

    /** Marks around a search hit in snippets; control characters never occur in transcripts. */
    static final String HIT_START = "\u0001";

    static final String HIT_END = "\u0002";

    final LocalDate from;
    final LocalDate to;
    final String agent;
    final String team;
    final String category;
    final Double qaMin;
    final Double qaMax;
    final String compliance;
    final String emotion;
    final String text;
    final String sort;
    final boolean ascending;
    final int page;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> given = new LinkedHashMap<>();

    CallFilter(Request req) {
        this(req::param);
    }

    /** From parameter values by name (stripped, null when absent or blank). */
    CallFilter(Function<String, String> req) {
        for (String p : PARAMS) {
            if (req.apply(p) != null) {
                given.put(p, req.apply(p));
            }
        }
        from = date(req, "from");
        to = date(req, "to");
        agent = req.apply("agent");
        team = req.apply("team");
        category = req.apply("category");
        qaMin = score(req, "qa_min");
        qaMax = score(req, "qa_max");
        compliance = oneOf(req, "compliance", Set.of("failed", "passed"));
        emotion = oneOf(req, "emotion", EMOTIONS);
        text = req.apply("q");
        String s = oneOf(req, "sort", SORTS.keySet());
        sort = s != null ? s : "started_at";
        ascending = "asc".equals(req.apply("dir"));
        int pg = 1;
        if (req.apply("page") != null) {
            try {
                pg = Math.max(1, Integer.parseInt(req.apply("page")));
            } catch (NumberFormatException e) {
                problems.add("page: expected a page number, got '" + req.apply("page") + "'");
            }
        }
        // OpenSearch pages by offset up to 10,000 hits; narrower filters reach the rest.
        page = Math.min(pg, 10_000 / PAGE_SIZE);
    }

    /** Messages about parameters that were ignored. */
    List<String> problems() {
        return problems;
    }

    /** The filter and sort parameters that were given (not the page), for links. */
    Map<String, String> given() {
        return new LinkedHashMap<>(given);
    }

    private LocalDate date(Function<String, String> req, String name) {
        String v = req.apply(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(name + ": expected a date like 2026-11-02, got '" + v + "'");
            given.remove(name);
            return null;
        }
    }

    private Double score(Function<String, String> req, String name) {
        String v = req.apply(name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 100) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + ": expected a QA score from 0 to 100, got '" + v + "'");
        given.remove(name);
        return null;
    }

    private String oneOf(Function<String, String> req, String name, Set<String> allowed) {
        String v = req.apply(name);
        if (v == null) {
            return null;
        }
        if (!allowed.contains(v)) {
            problems.add(
                    name
                            + ": expected one of "
                            + new java.util.TreeSet<>(allowed)
                            + ", got '"
                            + v
                            + "'");
            given.remove(name);
            return null;
        }
        return v;
    }

    /** The bool query of these filters (match_all when none). */
    ObjectNode query() {
        ObjectNode bool = Index.JSON.createObjectNode();
        ArrayNode filter = bool.putArray("filter");
        ArrayNode mustNot = bool.putArray("must_not");
        if (from != null || to != null) {
            ObjectNode r = filter.addObject().putObject("range").putObject(STARTED_AT.path());
            if (from != null) {
                r.put("gte", from.toString() + "T00:00:00Z");
            }
            if (to != null) {
                r.put("lt", to.plusDays(1).toString() + "T00:00:00Z");
            }
        }
        term(filter, AGENT_ID, agent);
        term(filter, TEAM, team);
        term(filter, CATEGORY_LABEL, category);
        if (qaMin != null || qaMax != null) {
            ObjectNode r = filter.addObject().putObject("range").putObject(QA_SCORE.path());
            if (qaMin != null) {
                r.put("gte", qaMin);
            }
            if (qaMax != null) {
                r.put("lte", qaMax);
            }
        }
        if (compliance != null) {
            term(filter, QA_COMPLIANCE_PASSED, compliance.equals("passed") ? "true" : "false");
        }
        if ("agitated".equals(emotion)) {
            filter.add(customerUtterance(UTTERANCE_AGITATED, true));
        } else if ("calm".equals(emotion)) {
            mustNot.add(customerUtterance(UTTERANCE_AGITATED, true));
        } else if ("low".equals(emotion)) {
            filter.add(customerUtterance(UTTERANCE_EMOTION, "low"));
        }
        if (text != null) {
            ObjectNode should = filter.addObject().putObject("bool");
            ArrayNode any = should.putArray("should");
            should.put("minimum_should_match", 1);
            ObjectNode nested = any.addObject().putObject("nested");
            nested.put("path", UTTERANCES.path());
            textMatch(nested.putObject("query"), UTTERANCE_TEXT);
            ObjectNode inner = nested.putObject("inner_hits");
            inner.put("size", 1);
            ObjectNode hl = inner.putObject("highlight");
            hl.putArray("pre_tags").add(HIT_START);
            hl.putArray("post_tags").add(HIT_END);
            hl.put("number_of_fragments", 1);
            hl.put("fragment_size", 160);
            ObjectNode fields = hl.putObject("fields");
            fields.putObject(UTTERANCE_TEXT.path());
            fields.putObject(UTTERANCE_TEXT.child(CJK).path());
            textMatch(any.addObject(), SUMMARY);
        }
        ObjectNode q = Index.JSON.createObjectNode();
        q.set("bool", bool);
        return q;
    }

    /** The search body of this page: query, sort, page, and the slim source the list shows. */
    ObjectNode searchBody() {
        ObjectNode body = Index.JSON.createObjectNode();
        body.set("query", query());
        body.put("from", (page - 1) * PAGE_SIZE);
        body.put("size", PAGE_SIZE);
        body.put("track_total_hits", true);
        ArrayNode src = body.putArray("_source");
        for (DocumentField f :
                List.of(
                        CALL_ID,
                        STARTED_AT,
                        AGENT_ID,
                        TEAM,
                        LANGUAGE,
                        DURATION_S,
                        CATEGORY_LABEL,
                        CATEGORY_CONFIDENCE,
                        QA_SCORE,
                        QA_COMPLIANCE_PASSED,
                        QA_FAILED_RULES,
                        EMOTION_CUSTOMER.child(MAX_AROUSAL))) {
            src.add(f.path());
        }
        ArrayNode s = body.putArray("sort");
        s.addObject().putObject(SORTS.get(sort).path()).put("order", ascending ? "asc" : "desc");
        s.addObject().putObject(CALL_ID.path()).put("order", "asc");
        return body;
    }

    private static void term(ArrayNode filter, DocumentField field, String value) {
        if (value != null) {
            filter.addObject().putObject("term").put(field.path(), value);
        }
    }

    private static ObjectNode customerUtterance(DocumentField field, Object value) {
        ObjectNode n = Index.JSON.createObjectNode();
        ObjectNode nested = n.putObject("nested");
        nested.put("path", UTTERANCES.path());
        ArrayNode f = nested.putObject("query").putObject("bool").putArray("filter");
        f.addObject().putObject("term").put(UTTERANCE_SPEAKER.path(), "customer");
        if (value instanceof Boolean b) {
            f.addObject().putObject("term").put(field.path(), b);
        } else {
            f.addObject().putObject("term").put(field.path(), value.toString());
        }
        return n;
    }

    /** English words through the standard analyzer, Korean through the cjk bigrams. */
    private void textMatch(ObjectNode into, DocumentField field) {
        ObjectNode mm = into.putObject("multi_match");
        mm.put("query", text);
        mm.putArray("fields").add(field.path()).add(field.child(CJK).path());
        mm.put("operator", "and");
    }
}
