package io.callqa.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped saved objects import cleanly into OpenSearch Dashboards 2.x and only use fields the
 * index templates map, with a type the aggregation can work on.
 */
class SavedObjectsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Set<String> NUMBERS =
            Set.of("float", "double", "half_float", "scaled_float", "long", "integer", "short");
    private static final Set<String> BUCKETABLE =
            union(NUMBERS, Set.of("keyword", "boolean", "date"));
    private static final Map<String, Set<String>> FIELD_TYPES_BY_AGG =
            Map.ofEntries(
                    Map.entry("terms", union(NUMBERS, Set.of("keyword", "boolean"))),
                    Map.entry("date_histogram", Set.of("date")),
                    Map.entry("histogram", NUMBERS),
                    Map.entry("avg", NUMBERS),
                    Map.entry("sum", NUMBERS),
                    Map.entry("min", union(NUMBERS, Set.of("date"))),
                    Map.entry("max", union(NUMBERS, Set.of("date"))),
                    Map.entry("median", NUMBERS),
                    Map.entry("percentiles", NUMBERS),
                    Map.entry("cardinality", BUCKETABLE));
    private static final Set<String> VIS_TYPES =
            Set.of(
                    "line",
                    "area",
                    "histogram",
                    "horizontal_bar",
                    "pie",
                    "table",
                    "metric",
                    "tagcloud");
    private static final Pattern KQL_FIELD =
            Pattern.compile("(?<![\\w.@])([A-Za-z_@][\\w.@]*)\\s*:");

    private final List<JsonNode> objects = SavedObjects.objects();
    private final Map<String, JsonNode> byKey = new HashMap<>();

    SavedObjectsTest() {
        for (JsonNode o : objects) {
            byKey.put(o.path("type").asText() + "/" + o.path("id").asText(), o);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    private static JsonNode parse(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A mapped field: its type, and whether it sits inside a nested object. */
    private record Field(String type, boolean underNested) {}

    /** The mapping of {@code path} in the template behind {@code indexPattern}, if mapped. */
    private static Optional<Field> field(String indexPattern, String path) {
        String template = indexPattern.replaceAll("\\*$", "");
        JsonNode node =
                parse(IndexTemplates.json(template), template).path("template").path("mappings");
        boolean nested = false;
        for (String part : path.split("\\.")) {
            JsonNode next = node.path("properties").path(part);
            if (next.isMissingNode()) {
                next = node.path("fields").path(part);
            }
            if (next.isMissingNode()) {
                return Optional.empty();
            }
            if (node.path("type").asText().equals("nested")) {
                nested = true;
            }
            node = next;
        }
        return Optional.of(new Field(node.path("type").asText("object"), nested));
    }

    private String indexPatternTitle(JsonNode object) {
        for (JsonNode r : object.path("references")) {
            if (r.path("type").asText().equals("index-pattern")) {
                return byKey.get("index-pattern/" + r.path("id").asText())
                        .path("attributes")
                        .path("title")
                        .asText();
            }
        }
        throw new AssertionError(object.path("id").asText() + " references no index pattern");
    }

    private void assertMapped(
            String where, String indexPattern, String path, Set<String> allowedTypes) {
        Optional<Field> f = field(indexPattern, path);
        assertThat(f).as(where + ": field " + path + " is mapped by " + indexPattern).isPresent();
        assertThat(f.get().underNested())
                .as(
                        where
                                + ": "
                                + path
                                + " lies inside a nested object, which standard"
                                + " visualizations and KQL cannot reach")
                .isFalse();
        if (allowedTypes != null) {
            assertThat(f.get().type()).as(where + ": type of " + path).isIn(allowedTypes);
        }
    }

    @Test
    void everyLineIsOneImportableObjectWithAUniqueId() throws Exception {
        Path file = Path.of("saved-objects", "callqa.ndjson");
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("the jar carries the file as shipped")
                .isEqualTo(SavedObjects.ndjson());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSameSizeAs(objects).allMatch(l -> l.startsWith("{"));
        Set<String> keys = new HashSet<>();
        for (JsonNode o : objects) {
            String id = o.path("id").asText();
            String type = o.path("type").asText();
            assertThat(type).as(id).isIn("index-pattern", "visualization", "search", "dashboard");
            assertThat(id).as("id").matches("callqa-[a-z0-9-]+");
            assertThat(keys.add(type + "/" + id)).as("duplicate " + type + "/" + id).isTrue();
            assertThat(o.path("attributes").path("title").asText()).as(id + " title").isNotBlank();
            assertThat(o.path("references").isArray()).as(id + " references").isTrue();
            assertThat(o.path("migrationVersion").path(type).asText())
                    .as(id + " migrationVersion." + type)
                    .matches("\\d+\\.\\d+\\.\\d+");
            for (JsonNode r : o.path("references")) {
                String target = r.path("type").asText() + "/" + r.path("id").asText();
                assertThat(r.path("name").asText()).as(id + " reference name").isNotBlank();
                assertThat(byKey).as(id + " references " + target).containsKey(target);
            }
            if (!type.equals("index-pattern") && !type.equals("dashboard")) {
                JsonNode source =
                        parse(
                                o.path("attributes")
                                        .path("kibanaSavedObjectMeta")
                                        .path("searchSourceJSON")
                                        .asText(),
                                id + " searchSourceJSON");
                String ref = source.path("indexRefName").asText();
                assertThat(o.path("references").findValuesAsText("name"))
                        .as(id + " indexRefName")
                        .contains(ref);
            }
        }
    }

    @Test
    void indexPatternsCoverEveryIndexWithItsDateTimeField() {
        List<String> titles = new ArrayList<>();
        for (JsonNode o : objects) {
            if (o.path("type").asText().equals("index-pattern")) {
                String title = o.path("attributes").path("title").asText();
                titles.add(title);
                assertMapped(
                        o.path("id").asText(),
                        title,
                        o.path("attributes").path("timeFieldName").asText(),
                        Set.of("date"));
                // An empty field list makes Dashboards read the fields from the cluster on first
                // use, so the list can never go stale against the templates.
                assertThat(o.path("attributes").path("fields").asText()).isEqualTo("[]");
            }
        }
        assertThat(titles)
                .containsExactlyInAnyOrderElementsOf(
                        IndexTemplates.NAMES.stream().map(n -> n + "*").toList());
    }

    @Test
    void visualizationsAggregateOnlyMappedFieldsOfASuitableType() {
        int aggregations = 0;
        for (JsonNode o : objects) {
            if (!o.path("type").asText().equals("visualization")) {
                continue;
            }
            String id = o.path("id").asText();
            JsonNode vis = parse(o.path("attributes").path("visState").asText(), id + " visState");
            assertThat(vis.path("title").asText())
                    .isEqualTo(o.path("attributes").path("title").asText());
            assertThat(vis.path("type").asText()).as(id + " type").isIn(VIS_TYPES);
            assertThat(vis.path("params").path("type").asText())
                    .isEqualTo(vis.path("type").asText());
            String index = indexPatternTitle(o);
            Set<String> aggIds = new HashSet<>();
            for (JsonNode agg : vis.path("aggs")) {
                String type = agg.path("type").asText();
                assertThat(aggIds.add(agg.path("id").asText())).as(id + " agg ids").isTrue();
                assertThat(agg.path("schema").asText())
                        .as(id + " schema")
                        .isIn("metric", "segment", "group", "bucket", "split");
                if (type.equals("count")) {
                    continue;
                }
                assertThat(FIELD_TYPES_BY_AGG).as(id + " aggregation type").containsKey(type);
                assertMapped(
                        id + " " + type,
                        index,
                        agg.path("params").path("field").asText(),
                        FIELD_TYPES_BY_AGG.get(type));
                aggregations++;
            }
            assertThat(vis.path("aggs").findValuesAsText("schema"))
                    .as(id + " has a metric")
                    .contains("metric");
            assertKqlFields(id, index, o);
        }
        assertThat(aggregations).isGreaterThan(20);
    }

    private void assertKqlFields(String id, String index, JsonNode o) {
        JsonNode source =
                parse(
                        o.path("attributes")
                                .path("kibanaSavedObjectMeta")
                                .path("searchSourceJSON")
                                .asText(),
                        id);
        assertThat(source.path("query").path("language").asText()).isEqualTo("kuery");
        Matcher m = KQL_FIELD.matcher(source.path("query").path("query").asText());
        while (m.find()) {
            assertMapped(id + " query", index, m.group(1), BUCKETABLE);
        }
    }

    @Test
    void savedSearchesShowAndSortByMappedFields() {
        int searches = 0;
        for (JsonNode o : objects) {
            if (!o.path("type").asText().equals("search")) {
                continue;
            }
            String id = o.path("id").asText();
            String index = indexPatternTitle(o);
            assertThat(o.path("attributes").path("columns")).as(id + " columns").isNotEmpty();
            for (JsonNode column : o.path("attributes").path("columns")) {
                assertMapped(id + " column", index, column.asText(), null);
            }
            for (JsonNode sort : o.path("attributes").path("sort")) {
                assertMapped(id + " sort", index, sort.path(0).asText(), BUCKETABLE);
                assertThat(sort.path(1).asText()).isIn("asc", "desc");
            }
            assertKqlFields(id, index, o);
            searches++;
        }
        assertThat(searches).isPositive();
    }

    @Test
    void dashboardsPlaceEveryPanelOnTheGridAndShowEveryVisualization() {
        Set<String> shown = new HashSet<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode o : objects) {
            if (!o.path("type").asText().equals("dashboard")) {
                continue;
            }
            String id = o.path("id").asText();
            titles.add(o.path("attributes").path("title").asText());
            Map<String, String> refs = new HashMap<>();
            for (JsonNode r : o.path("references")) {
                refs.put(
                        r.path("name").asText(),
                        r.path("type").asText() + "/" + r.path("id").asText());
            }
            JsonNode panels = parse(o.path("attributes").path("panelsJSON").asText(), id);
            parse(o.path("attributes").path("optionsJSON").asText(), id + " optionsJSON");
            assertThat(panels).as(id + " panels").isNotEmpty();
            Set<String> panelIndexes = new HashSet<>();
            for (JsonNode p : panels) {
                String ref = p.path("panelRefName").asText();
                assertThat(refs).as(id + " panel reference").containsKey(ref);
                shown.add(refs.get(ref));
                assertThat(panelIndexes.add(p.path("panelIndex").asText())).isTrue();
                JsonNode grid = p.path("gridData");
                assertThat(grid.path("i").asText()).isEqualTo(p.path("panelIndex").asText());
                assertThat(grid.path("x").asInt(-1)).isNotNegative();
                assertThat(grid.path("w").asInt()).isPositive();
                assertThat(grid.path("h").asInt()).isPositive();
                assertThat(grid.path("x").asInt() + grid.path("w").asInt())
                        .as(id + " panel " + ref + " fits the 48-column grid")
                        .isLessThanOrEqualTo(48);
            }
            assertThat(refs.keySet()).as(id + " every reference is a panel").hasSize(panels.size());
        }
        assertThat(titles).containsExactlyInAnyOrder("QA overview", "Compliance");
        for (JsonNode o : objects) {
            String key = o.path("type").asText() + "/" + o.path("id").asText();
            if (o.path("type").asText().equals("visualization")) {
                assertThat(shown).as(key + " is on a dashboard").contains(key);
            }
        }
    }

    @Test
    void theImportRequestIsOneFileFieldInAMultipartBody() {
        String body =
                new String(
                        SavedObjects.multipart("b0", "callqa.ndjson", "{\"a\":1}\n"),
                        StandardCharsets.UTF_8);
        assertThat(body)
                .isEqualTo(
                        "--b0\r\n"
                                + "Content-Disposition: form-data; name=\"file\";"
                                + " filename=\"callqa.ndjson\"\r\n"
                                + "Content-Type: application/ndjson\r\n\r\n"
                                + "{\"a\":1}\n\r\n--b0--\r\n");
    }

    @Test
    void anImportResponseGivesEachObjectItsOwnOutcome() throws Exception {
        List<JsonNode> sent =
                List.of(
                        MAPPER.readTree(
                                "{\"type\":\"index-pattern\",\"id\":\"p\",\"attributes\":{\"title\":\"p*\"}}"),
                        MAPPER.readTree(
                                "{\"type\":\"visualization\",\"id\":\"v\",\"attributes\":{\"title\":\"V\"}}"));
        JsonNode partly =
                MAPPER.readTree(
                        """
                        {"success": false, "successCount": 1,
                         "successResults": [{"type": "index-pattern", "id": "p"}],
                         "errors": [{"type": "visualization", "id": "v", "title": "V",
                           "error": {"type": "missing_references",
                                     "references": [{"type": "index-pattern", "id": "q"}]}}]}
                        """);
        assertThat(SavedObjects.outcomes(sent, partly))
                .extracting(SavedObjects.Outcome::line)
                .containsExactly(
                        "imported index-pattern p (p*)",
                        "not imported visualization v (V): missing_references (missing"
                                + " index-pattern q)");
        assertThat(
                        SavedObjects.outcomes(
                                sent, MAPPER.readTree("{\"success\": true, \"successCount\": 2}")))
                .allMatch(o -> o.error().isEmpty());
    }
}
