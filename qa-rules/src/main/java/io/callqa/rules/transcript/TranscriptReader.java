package io.callqa.rules.transcript;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the transcript format (sidecar JSON) into a {@link CallTranscript}.
 *
 * <p>Only {@code call_id} and {@code utterances} (each with {@code speaker}, {@code start}, {@code
 * end}, {@code text}) are required. The reader checks the whole document and reports every problem
 * at once, each prefixed with its field path, rather than stopping at the first.
 */
public final class TranscriptReader {

    /** Larger transcripts are refused rather than risking the heap of a shared task manager. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    /** Most problems a rejection lists. */
    public static final int MAX_PROBLEMS = 20;

    /** Longest call id: it becomes the document id, which OpenSearch caps at 512 bytes. */
    public static final int MAX_ID_CHARS = 128;

    private static final Set<String> KNOWN_FIELDS =
            Set.of("call_id", "language", "started_at", "channels", "utterances");
    private static final Set<String> METADATA_FIELDS = Set.of("agent_id", "team", "queue", "brand");

    /**
     * How large a transcript may be, so that no single call can hold a task for minutes or a
     * console thread for ever: every time finite and at most {@code maxSeconds}, every utterance's
     * text at most {@code maxTextChars} characters with no word (recognized word or run of
     * non-space characters in the text) longer than {@code maxWordChars}, and at most {@code
     * maxUtterances} utterances per call.
     */
    public record Limits(double maxSeconds, int maxTextChars, int maxWordChars, int maxUtterances)
            implements java.io.Serializable {
        /**
         * 24 h, 5,000 characters per utterance, 100 per word, 5,000 utterances per call (a call
         * document holds its utterances as nested documents, of which an OpenSearch index accepts
         * 10,000 per document by default, evidence included).
         */
        public static final Limits DEFAULTS = new Limits(86_400, 5_000, 100, 5_000);

        /** Checks that every limit is positive. */
        public Limits {
            if (!(maxSeconds > 0) || maxTextChars <= 0 || maxWordChars <= 0 || maxUtterances <= 0) {
                throw new IllegalArgumentException("transcript limits must be positive: " + this);
            }
        }
    }

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']{2,}'");
    private static final Pattern DIGITS = Pattern.compile("\\d{6,}");
    private static final Set<String> JSON_WORDS = Set.of("'null'", "'true'", "'false'");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Limits limits;

    /** A reader with the {@link Limits#DEFAULTS default limits}. */
    public TranscriptReader() {
        this(Limits.DEFAULTS);
    }

    /** A reader that refuses transcripts beyond {@code limits}. */
    public TranscriptReader(Limits limits) {
        this.limits = limits;
    }

    /** Reads and validates the transcript in {@code file}. */
    public CallTranscript read(Path file) throws TranscriptException {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new TranscriptException(
                        source,
                        List.of(
                                "file is "
                                        + size
                                        + " bytes; transcripts over "
                                        + MAX_BYTES
                                        + " bytes are refused"));
            }
            return read(source, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new TranscriptException(source, List.of("file does not exist"));
        } catch (IOException e) {
            throw new TranscriptException(source, List.of("cannot read file: " + e.getMessage()));
        }
    }

    /** Reads and validates a transcript from a stream; {@code source} names it in errors. */
    public CallTranscript read(String source, InputStream in) throws TranscriptException {
        try {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new TranscriptException(
                        source, List.of("input exceeds " + MAX_BYTES + " bytes; refused"));
            }
            return read(source, bytes);
        } catch (IOException e) {
            throw new TranscriptException(source, List.of("cannot read: " + e.getMessage()));
        }
    }

    /** Reads and validates a transcript from UTF-8 JSON bytes; {@code source} names it. */
    public CallTranscript read(String source, byte[] json) throws TranscriptException {
        if (json.length == 0) {
            throw new TranscriptException(source, List.of("empty input; expected a JSON object"));
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where =
                    at == null || at.getLineNr() <= 0
                            ? ""
                            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new TranscriptException(
                    source,
                    List.of("not valid JSON" + where + ": " + plain(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new TranscriptException(source, List.of("cannot read: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new TranscriptException(
                    source,
                    List.of(
                            "expected a JSON object at the top level, got "
                                    + (root == null ? "nothing" : describe(root))));
        }
        return parse(source, (ObjectNode) root);
    }

    private CallTranscript parse(String source, ObjectNode root) throws TranscriptException {
        List<String> problems = new ArrayList<>();

        String callId = requiredText(root, "call_id", problems);
        Optional<Instant> startedAt = Optional.empty();
        JsonNode started = root.get("started_at");
        if (started != null && !started.isNull()) {
            try {
                startedAt = Optional.of(Instant.parse(started.asText()));
            } catch (DateTimeParseException e) {
                problems.add(
                        "started_at: expected an ISO-8601 instant like 2026-11-02T09:15:00Z, got "
                                + describe(started));
            }
        }

        Map<String, String> metadata = new LinkedHashMap<>();
        for (String key : METADATA_FIELDS) {
            JsonNode v = root.get(key);
            if (v != null && !v.isNull()) {
                if (v.isValueNode() && v.asText().length() > MAX_ID_CHARS) {
                    // Indexed as keywords, which OpenSearch refuses beyond 32 KB.
                    problems.add(
                            key
                                    + ": "
                                    + v.asText().length()
                                    + " characters; at most "
                                    + MAX_ID_CHARS
                                    + " are accepted");
                } else if (v.isValueNode()) {
                    metadata.put(key, v.asText());
                } else {
                    problems.add(key + ": expected a string, got " + describe(v));
                }
            }
        }

        Map<Speaker, String> channels = new EnumMap<>(Speaker.class);
        channels.put(Speaker.AGENT, "left");
        channels.put(Speaker.CUSTOMER, "right");
        JsonNode ch = root.get("channels");
        if (ch != null && !ch.isNull()) {
            if (!ch.isObject()) {
                problems.add(
                        "channels: expected an object like {\"agent\": \"left\"}, got "
                                + describe(ch));
            } else {
                ch.fields()
                        .forEachRemaining(
                                e -> {
                                    Optional<Speaker> s = Speaker.fromId(e.getKey());
                                    String side = e.getValue().asText("");
                                    if (s.isEmpty()) {
                                        problems.add(
                                                "channels: unknown speaker (a name of "
                                                        + e.getKey().length()
                                                        + " characters); use agent or"
                                                        + " customer");
                                    } else if (!side.equals("left") && !side.equals("right")) {
                                        problems.add(
                                                "channels."
                                                        + e.getKey()
                                                        + ": expected left or right, got "
                                                        + describe(e.getValue()));
                                    } else {
                                        channels.put(s.get(), side);
                                    }
                                });
            }
        }

        List<Utterance> utterances = new ArrayList<>();
        JsonNode us = root.get("utterances");
        if (us == null || us.isNull()) {
            problems.add("utterances: required field is missing");
        } else if (!us.isArray()) {
            problems.add("utterances: expected an array, got " + describe(us));
        } else {
            if (us.size() > limits.maxUtterances()) {
                problems.add(
                        "utterances: "
                                + us.size()
                                + " utterances; at most "
                                + limits.maxUtterances()
                                + " per call are accepted (transcript.max-utterances)");
            }
            for (int i = 0; i < us.size() && i < limits.maxUtterances(); i++) {
                parseUtterance(us.get(i), "utterances[" + i + "]", problems)
                        .ifPresent(utterances::add);
            }
        }

        String language = null;
        JsonNode lang = root.get("language");
        if (lang != null && !lang.isNull()) {
            if (!lang.isTextual()
                    || !Set.of("en", "ko")
                            .contains(lang.asText().trim().toLowerCase(Locale.ROOT))) {
                problems.add(
                        "language: expected en or ko (or no language, to detect it), got "
                                + describe(lang));
            } else {
                language = lang.asText().trim().toLowerCase(Locale.ROOT);
            }
        }

        if (!problems.isEmpty()) {
            throw new TranscriptException(source, firstProblems(problems));
        }
        if (language == null) {
            language = Languages.detect(utterances.stream().map(Utterance::text).toList());
        }
        // Stable sort: transcripts merged from two channels may interleave out of order.
        utterances.sort(Comparator.comparingDouble(Utterance::start));

        ObjectNode extra = mapper.createObjectNode();
        root.fields()
                .forEachRemaining(
                        e -> {
                            if (!KNOWN_FIELDS.contains(e.getKey())
                                    && !METADATA_FIELDS.contains(e.getKey())) {
                                extra.set(e.getKey(), e.getValue());
                            }
                        });
        return new CallTranscript(
                callId, language, startedAt, metadata, channels, utterances, extra);
    }

    private Optional<Utterance> parseUtterance(JsonNode u, String path, List<String> problems) {
        if (u == null || !u.isObject()) {
            problems.add(
                    path
                            + ": expected an object with speaker, start, end and text, got "
                            + describe(u));
            return Optional.empty();
        }
        int before = problems.size();
        Optional<Speaker> speaker = Optional.empty();
        JsonNode sp = u.get("speaker");
        if (sp == null || sp.isNull()) {
            problems.add(path + ".speaker: required field is missing");
        } else {
            speaker = Speaker.fromId(sp.asText(null));
            if (speaker.isEmpty()) {
                problems.add(path + ".speaker: expected agent or customer, got " + describe(sp));
            }
        }
        double start = number(u, "start", path, problems);
        double end = number(u, "end", path, problems);
        if (problems.size() == before && end < start) {
            problems.add(
                    String.format(
                            Locale.ROOT, "%s.end: %.2f is before start %.2f", path, end, start));
        }
        String text = null;
        JsonNode t = u.get("text");
        if (t == null || t.isNull()) {
            problems.add(path + ".text: required field is missing");
        } else if (!t.isTextual()) {
            problems.add(path + ".text: expected a string, got " + describe(t));
        } else {
            text = t.asText();
            checkText(text, path + ".text", problems);
        }
        Double confidence = null;
        JsonNode c = u.get("confidence");
        if (c != null && !c.isNull()) {
            if (!c.isNumber() || !(c.asDouble() >= 0 && c.asDouble() <= 1)) {
                problems.add(
                        path + ".confidence: expected a number from 0 to 1, got " + describe(c));
            } else {
                confidence = c.asDouble();
            }
        }
        List<Word> words = words(u.get("words"), path + ".words", problems);
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new Utterance(speaker.get(), start, end, text, confidence, words));
    }

    /** The optional recognized words of an utterance: {@code [{w, start, end, conf}]}. */
    private List<Word> words(JsonNode ws, String path, List<String> problems) {
        if (ws == null || ws.isNull()) {
            return List.of();
        }
        if (!ws.isArray()) {
            problems.add(
                    path + ": expected an array of {w, start, end, conf}, got " + describe(ws));
            return List.of();
        }
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            JsonNode w = ws.get(i);
            String at = path + "[" + i + "]";
            if (w == null || !w.isObject()) {
                problems.add(
                        at
                                + ": expected an object with w, start, end and conf, got "
                                + describe(w));
                continue;
            }
            int before = problems.size();
            JsonNode text = w.get("w");
            if (text == null || !text.isTextual()) {
                problems.add(at + ".w: expected the word as a string, got " + describe(text));
            } else if (text.asText().length() > limits.maxWordChars()) {
                problems.add(
                        at
                                + ".w: a word of "
                                + text.asText().length()
                                + " characters; at most "
                                + limits.maxWordChars()
                                + " are accepted (transcript.max-word-chars)");
            }
            double start = number(w, "start", at, problems);
            double end = number(w, "end", at, problems);
            if (problems.size() == before && end < start) {
                problems.add(
                        String.format(
                                Locale.ROOT, "%s.end: %.2f is before start %.2f", at, end, start));
            }
            JsonNode conf = w.get("conf");
            if (conf == null
                    || !conf.isNumber()
                    || !(conf.asDouble() >= 0 && conf.asDouble() <= 1)) {
                problems.add(at + ".conf: expected a number from 0 to 1, got " + describe(conf));
            }
            if (problems.size() == before) {
                out.add(new Word(text.asText(), start, end, conf.asDouble()));
            }
        }
        return out;
    }

    private double number(JsonNode u, String field, String path, List<String> problems) {
        JsonNode n = u.get(field);
        if (n == null || n.isNull()) {
            problems.add(path + "." + field + ": required field is missing");
            return Double.NaN;
        }
        if (!n.isNumber()) {
            problems.add(path + "." + field + ": expected seconds as a number, got " + describe(n));
            return Double.NaN;
        }
        double v = n.asDouble();
        if (!Double.isFinite(v) || v < 0) {
            problems.add(
                    path + "." + field + ": expected seconds >= 0, got " + abbreviate(n.asText()));
            return Double.NaN;
        }
        if (v > limits.maxSeconds()) {
            problems.add(
                    String.format(
                            Locale.ROOT,
                            "%s.%s: %.6g s is beyond the %.0f s (%.1f h) a call may last"
                                    + " (transcript.max-seconds)",
                            path,
                            field,
                            v,
                            limits.maxSeconds(),
                            limits.maxSeconds() / 3600));
            return Double.NaN;
        }
        return v;
    }

    private static String requiredText(ObjectNode root, String field, List<String> problems) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            problems.add(field + ": required field is missing");
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            problems.add(field + ": expected a non-empty string, got " + describe(n));
            return null;
        }
        if (n.asText().trim().length() > MAX_ID_CHARS) {
            problems.add(
                    field
                            + ": "
                            + n.asText().trim().length()
                            + " characters; at most "
                            + MAX_ID_CHARS
                            + " are accepted");
            return null;
        }
        return n.asText().trim();
    }

    /**
     * Jackson's message without its parser-internal location note ("(start marker at [Source:
     * REDACTED ...])"), which repeats what the line and column already say.
     */
    private static String plain(String message) {
        int note = message.indexOf(" (start marker at ");
        String m = note < 0 ? message : message.substring(0, note);
        // Jackson quotes the token it choked on, which is the input's own text.
        Matcher q = QUOTED.matcher(m);
        StringBuilder out = new StringBuilder();
        while (q.find()) {
            String token = q.group();
            q.appendReplacement(
                    out,
                    JSON_WORDS.contains(token)
                            ? token
                            : "a token of " + (token.length() - 2) + " characters");
        }
        q.appendTail(out);
        return DIGITS.matcher(out).replaceAll(d -> d.group().length() + " digits");
    }

    /**
     * The first {@value #MAX_PROBLEMS} problems and how many more there are: a transcript with
     * thousands of broken utterances would otherwise make a rejection of megabytes, which the error
     * index and every log line would carry.
     */
    private static List<String> firstProblems(List<String> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<String> first = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        first.add("... and " + (problems.size() - MAX_PROBLEMS) + " more problems");
        return first;
    }

    /**
     * An utterance's text within the length limits: the whole text, and each run of non-space
     * characters (a 40 KB "word" would otherwise reach every rule's matcher in one piece).
     */
    private void checkText(String text, String path, List<String> problems) {
        if (text.length() > limits.maxTextChars()) {
            problems.add(
                    path
                            + ": "
                            + text.length()
                            + " characters; at most "
                            + limits.maxTextChars()
                            + " per utterance are accepted (transcript.max-utterance-chars); split"
                            + " long speech into utterances at its pauses");
            return;
        }
        int run = 0;
        int longest = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isWhitespace(text.charAt(i)) ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        if (longest > limits.maxWordChars()) {
            problems.add(
                    path
                            + ": a word of "
                            + longest
                            + " characters; at most "
                            + limits.maxWordChars()
                            + " are accepted (transcript.max-word-chars)");
        }
    }

    /**
     * A value as a rejection may show it: numbers and booleans as they are, strings only by their
     * length. A text field may hold a card number or a name, and rejections end up in logs and
     * indices that are not redacted.
     */
    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        JsonNodeType type = n.getNodeType();
        return switch (type) {
            case STRING -> "a string of " + n.asText().length() + " characters";
            case NUMBER, BOOLEAN -> abbreviate(n.asText());
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
