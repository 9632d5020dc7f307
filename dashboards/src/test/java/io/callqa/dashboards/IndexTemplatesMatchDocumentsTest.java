package io.callqa.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.Asr;
import io.callqa.analysis.AudioSignals;
import io.callqa.analysis.CallReport;
import io.callqa.analysis.CallReporter;
import io.callqa.analysis.Source;
import io.callqa.analysis.document.AlertDocument;
import io.callqa.analysis.document.AlertFields;
import io.callqa.analysis.document.CallDocuments;
import io.callqa.analysis.document.CallFields;
import io.callqa.analysis.document.DocumentField;
import io.callqa.analysis.document.IndexNames;
import io.callqa.analysis.document.LiveStamp;
import io.callqa.analysis.document.ReviewFields;
import io.callqa.audio.CallAnalyzer;
import io.callqa.audio.CallFeatures;
import io.callqa.audio.FeatureSettings;
import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.rules.engine.Alert;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptReader;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the index templates to the documents callqa writes: every field of the call and alert
 * documents of the 20 samples, analysed from their transcripts alone and with their recordings, is
 * mapped in its template with a type that takes its value, so that no field is left to a mapping
 * OpenSearch guesses. And every name in {@link CallFields}, {@link AlertFields} and {@link
 * ReviewFields} is one the writer produces or the template maps.
 */
class IndexTemplatesMatchDocumentsTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Objects whose keys are data, not field names; the template maps them as free-form objects on
     * purpose ({@code category.scores} holds one score per category of the classifier).
     */
    private static final Set<String> FREE_FORM = Set.of(CallFields.CATEGORY_SCORES.path());

    /** The speakers' objects inside {@code prosody} and {@code emotion}. */
    private static final List<DocumentField> PER_SPEAKER =
            List.of(
                    CallFields.PROSODY_AGENT,
                    CallFields.PROSODY_CUSTOMER,
                    CallFields.EMOTION_AGENT,
                    CallFields.EMOTION_CUSTOMER);

    /**
     * One written document, named by what made it, for messages, with the keys of the call's
     * metadata.
     */
    record Doc(String name, JsonNode json, Set<String> metadataKeys) {}

    private static final List<Doc> CALLS = new ArrayList<>();
    private static final List<Doc> ALERTS = new ArrayList<>();
    private static final Set<LiveStamp.SettledBy> STAMPED =
            EnumSet.noneOf(LiveStamp.SettledBy.class);

    @BeforeAll
    static void writeTheSamplesDocuments() throws Exception {
        CallReporter reporter = new CallReporter(DynamicsSettings.DEFAULTS);
        CallAnalyzer audio = new CallAnalyzer(FeatureSettings.DEFAULTS);
        TranscriptReader reader = new TranscriptReader();
        List<Path> transcripts;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            transcripts = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path json : transcripts) {
            CallTranscript t = reader.read(json);
            String name = json.getFileName().toString();
            Path wav = SAMPLES.resolve(name.replace(".json", ".wav"));
            CallFeatures features = audio.analyze(wav, AudioSignals.timings(t));
            add(
                    name + " (transcript only)",
                    reporter.report(
                            t, Source.transcript(json.toString(), "0"), Asr.PROVIDED, null));
            add(
                    name + " (with its recording)",
                    reporter.report(
                            t,
                            Source.recording(wav.toString(), "1", json.toString(), "0"),
                            Asr.PROVIDED,
                            features));
        }
        // The samples carry no word timings; a recognizer's transcript does.
        Path first = transcripts.get(0);
        CallTranscript recognized =
                reader.read(first.toString(), withWords(JSON.readTree(first.toFile())));
        add(
                first.getFileName() + " (with word timings)",
                reporter.report(
                        recognized,
                        Source.transcript(first.toString(), "0"),
                        new Asr("vosk", "a-model"),
                        null));
    }

    /**
     * The transcript with each utterance's words, lower-cased and without punctuation as Vosk gives
     * them, spread evenly over the utterance.
     */
    private static byte[] withWords(JsonNode transcript) throws IOException {
        ObjectNode t = transcript.deepCopy();
        for (JsonNode u : t.path("utterances")) {
            String[] words =
                    u.path("text")
                            .asText()
                            .toLowerCase(Locale.ROOT)
                            .replaceAll("[^\\p{L}\\p{N}' ]", "")
                            .trim()
                            .split("\\s+");
            double start = u.path("start").asDouble();
            double step = (u.path("end").asDouble() - start) / words.length;
            ArrayNode ws = ((ObjectNode) u).putArray("words");
            for (int i = 0; i < words.length; i++) {
                ws.addObject()
                        .put("w", words[i])
                        .put("start", start + i * step)
                        .put("end", start + (i + 1) * step)
                        .put("conf", 0.9);
            }
        }
        return JSON.writeValueAsBytes(t);
    }

    private static void add(String name, CallReport r) throws IOException {
        CallDocuments.Written w = CallDocuments.write(r);
        Set<String> meta = r.metadata().keySet();
        CALLS.add(new Doc(name, JSON.readTree(w.call().json()), meta));
        for (AlertDocument a : w.alerts()) {
            ALERTS.add(new Doc(name + " alert " + a.alertId(), JSON.readTree(a.json()), meta));
        }
        // The same alerts as the live operator stamps them, each way an alert can be settled.
        List<Alert> alerts = r.analysis().alerts();
        LiveStamp.SettledBy[] ways = LiveStamp.SettledBy.values();
        for (int i = 0; i < alerts.size(); i++) {
            LiveStamp.SettledBy by = ways[i % ways.length];
            STAMPED.add(by);
            AlertDocument a =
                    CallDocuments.alert(
                            r.call(),
                            r.metadata(),
                            alerts.get(i),
                            new LiveStamp(1_767_000_000_000L, by, 1_767_000_000_500L));
            ALERTS.add(new Doc(name + " live alert " + a.alertId(), JSON.readTree(a.json()), meta));
        }
    }

    @Test
    void theDocumentsCoverRecordingsAlertsAndLiveStamps() {
        // Each of the 20 samples from its transcript and with its recording, and one with word
        // timings.
        assertThat(CALLS).hasSize(2 * 20 + 1);
        assertThat(CALLS)
                .as("documents with what the recording showed")
                .anyMatch(d -> d.json().path(CallFields.EMOTION.path()).isObject());
        assertThat(CALLS)
                .as("documents with a recording's source")
                .anyMatch(d -> d.json().at("/source/transcript/uri").isTextual());
        assertThat(CALLS)
                .as("documents with word timings")
                .anyMatch(d -> d.json().at("/utterances/0/words/0/w").isTextual());
        assertThat(ALERTS).as("alerts").isNotEmpty();
        assertThat(STAMPED).containsExactlyInAnyOrder(LiveStamp.SettledBy.values());
    }

    @Test
    void everyFieldOfTheCallDocumentsIsMappedInTheCallsTemplate() {
        assertThat(problems(CALLS, IndexNames.CALLS)).isEmpty();
    }

    @Test
    void everyFieldOfTheAlertDocumentsIsMappedInTheAlertsTemplate() {
        assertThat(problems(ALERTS, IndexNames.ALERTS)).isEmpty();
    }

    @Test
    void aFieldTheTemplateDoesNotMapOrATypeItCannotTakeIsReported() {
        Doc call = CALLS.get(0);
        ObjectNode bad = call.json().deepCopy();
        ((ObjectNode) bad.path("qa")).put("guessed", 1.5);
        bad.put(CallFields.DURATION_S.path(), "long");
        bad.put(CallFields.UTTERANCE_COUNT.path(), 2.5);
        bad.putObject("meta_object").put("k", "v");
        bad.put("not_metadata", "v");
        // Free-form keys and the call's own metadata are not reported.
        ((ObjectNode) bad.at("/category/scores")).put("any_category", 0.5);
        bad.put("brand", "a brand");

        List<String> problems =
                unmapped(
                        new Doc("altered", bad, call.metadataKeys()),
                        mappings(IndexNames.CALLS),
                        IndexNames.CALLS);
        problems.removeAll(unmapped(call, mappings(IndexNames.CALLS), IndexNames.CALLS));

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "qa.guessed is not mapped in callqa-calls",
                        "duration_s is mapped as float in callqa-calls, got \"long\"",
                        "utterance_count is mapped as integer in callqa-calls, got 2.5",
                        "meta_object.k is not mapped in callqa-calls",
                        "not_metadata is not mapped in callqa-calls");
    }

    @Test
    void everyCallFieldNamesAFieldTheWriterProducesOrTheTemplateMaps() throws Exception {
        Set<String> written = new HashSet<>();
        CALLS.forEach(d -> paths("", d.json(), written));
        JsonNode mappings = mappings(IndexNames.CALLS);
        List<String> unknown = new ArrayList<>();
        for (DocumentField f : constants(CallFields.class)) {
            if (!written.contains(f.path()) && !mapped(mappings, f.path())) {
                unknown.add(f.path());
            }
        }
        // The names of fields inside each speaker's prosody and emotion objects.
        for (Field c : CallFields.class.getFields()) {
            if (Modifier.isStatic(c.getModifiers()) && c.getType() == String.class) {
                String name = (String) c.get(null);
                if (PER_SPEAKER.stream().noneMatch(p -> written.contains(p.child(name).path()))) {
                    unknown.add(c.getName() + " = " + name);
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyAlertFieldNamesAFieldTheWriterProducesOrTheTemplateMaps() throws Exception {
        Set<String> written = new HashSet<>();
        ALERTS.forEach(d -> paths("", d.json(), written));
        JsonNode mappings = mappings(IndexNames.ALERTS);
        List<String> unknown = new ArrayList<>();
        for (DocumentField f : constants(AlertFields.class)) {
            if (!written.contains(f.path()) && !mapped(mappings, f.path())) {
                unknown.add(f.path());
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyReviewFieldIsMappedInTheReviewsTemplate() throws Exception {
        JsonNode mappings = mappings(IndexNames.REVIEWS);
        List<DocumentField> fields = constants(ReviewFields.class);
        assertThat(fields).isNotEmpty();
        assertThat(fields).allMatch(f -> mapped(mappings, f.path()), "mapped in callqa-reviews");
    }

    @Test
    void theTemplatesAreNamedAfterTheIndicesTheyCover() throws Exception {
        assertThat(IndexTemplates.NAMES)
                .containsExactly(
                        IndexNames.CALLS,
                        IndexNames.ALERTS,
                        IndexNames.ERRORS,
                        IndexNames.REVIEWS,
                        IndexNames.ASSIST);
        assertThat(JSON.readTree(IndexTemplates.json(IndexNames.ASSIST)).at("/index_patterns/0"))
                .hasToString("\"" + IndexNames.ASSIST_ALL + "\"");
        assertThat(JSON.readTree(IndexTemplates.json(IndexNames.ALERTS)).at("/index_patterns/0"))
                .hasToString("\"" + IndexNames.ALERTS_ALL + "\"");
        assertThat(JSON.readTree(IndexTemplates.json(IndexNames.ERRORS)).at("/index_patterns/0"))
                .hasToString("\"" + IndexNames.ERRORS_ALL + "\"");
    }

    /** Each problem with the documents, with the first document that shows it. */
    private static Map<String, String> problems(List<Doc> docs, String template) {
        JsonNode mappings = mappings(template);
        Map<String, String> problems = new TreeMap<>();
        for (Doc d : docs) {
            unmapped(d, mappings, template).forEach(p -> problems.putIfAbsent(p, d.name()));
        }
        return problems;
    }

    private static JsonNode mappings(String template) {
        try {
            return JSON.readTree(IndexTemplates.json(template)).at("/template/mappings");
        } catch (IOException e) {
            throw new AssertionError(template + ": " + e.getMessage(), e);
        }
    }

    /**
     * What of {@code d} the template does not map, or maps with a type its value does not fit.
     * Under an object the template disables, nothing is indexed, so anything goes; under a {@link
     * #FREE_FORM} object, the keys are data; a top-level string of the call's metadata takes the
     * template's dynamic keyword mapping, as metadata may carry any key.
     */
    private static List<String> unmapped(Doc d, JsonNode mappings, String template) {
        List<String> problems = new ArrayList<>();
        List<Leaf> leaves = new ArrayList<>();
        leaves("", d.json(), leaves);
        for (Leaf leaf : leaves) {
            if (FREE_FORM.stream().anyMatch(f -> leaf.path().startsWith(f + "."))) {
                continue;
            }
            if (!leaf.path().contains(".")
                    && d.metadataKeys().contains(leaf.path())
                    && leaf.value().isTextual()) {
                continue;
            }
            JsonNode node = mappings;
            boolean disabled = false;
            for (String segment : leaf.path().split("\\.")) {
                if (!node.path("enabled").asBoolean(true)) {
                    disabled = true;
                    break;
                }
                node = node.path("properties").path(segment);
            }
            if (disabled || !node.path("enabled").asBoolean(true)) {
                continue;
            }
            if (node.isMissingNode()) {
                problems.add(leaf.path() + " is not mapped in " + template);
            } else if (!fits(node, leaf.value())) {
                problems.add(
                        leaf.path()
                                + " is mapped as "
                                + node.path("type").asText("object")
                                + " in "
                                + template
                                + ", got "
                                + leaf.value());
            }
        }
        return problems;
    }

    /** Whether a field of mapping {@code m} takes {@code v} as OpenSearch would index it. */
    private static boolean fits(JsonNode m, JsonNode v) {
        if (v.isNull()) {
            return true;
        }
        String type = m.path("type").asText("object");
        return switch (type) {
            case "keyword", "text" -> v.isTextual();
            case "boolean" -> v.isBoolean();
            case "float", "double", "half_float", "scaled_float" -> v.isNumber();
            case "integer", "long", "short", "byte" -> v.isIntegralNumber();
            case "date" ->
                    m.path("format").asText().equals("epoch_millis")
                            ? v.isIntegralNumber()
                            : v.isTextual() && isInstant(v.asText());
            default -> false;
        };
    }

    private static boolean isInstant(String s) {
        try {
            Instant.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether the template maps {@code path}, as a field or as an object. */
    private static boolean mapped(JsonNode mappings, String path) {
        JsonNode node = mappings;
        for (String segment : path.split("\\.")) {
            node = node.path("properties").path(segment);
        }
        return !node.isMissingNode();
    }

    /** One value of a document, at its dotted path (arrays add no segment, as in OpenSearch). */
    record Leaf(String path, JsonNode value) {}

    private static void leaves(String path, JsonNode n, List<Leaf> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> leaves(join(path, f.getKey()), f.getValue(), out));
        } else if (n.isArray()) {
            n.forEach(e -> leaves(path, e, out));
        } else {
            out.add(new Leaf(path, n));
        }
    }

    /** Every path in {@code n}: leaves, objects and arrays, empty ones included. */
    private static void paths(String path, JsonNode n, Set<String> out) {
        if (!path.isEmpty()) {
            out.add(path);
        }
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> paths(join(path, f.getKey()), f.getValue(), out));
        } else if (n.isArray()) {
            n.forEach(e -> paths(path, e, out));
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static List<DocumentField> constants(Class<?> fields) throws IllegalAccessException {
        List<DocumentField> out = new ArrayList<>();
        for (Field f : fields.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == DocumentField.class) {
                out.add((DocumentField) f.get(null));
            }
        }
        return out;
    }
}
