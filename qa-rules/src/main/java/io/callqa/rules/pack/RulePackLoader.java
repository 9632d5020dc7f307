package io.callqa.rules.pack;

import io.callqa.rules.acts.DialogueAct;
import io.callqa.rules.match.EditDistance;
import io.callqa.rules.match.MatchSettings;
import io.callqa.rules.pii.PiiType;
import io.callqa.rules.transcript.Speaker;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads rule packs from YAML and validates the whole pack before returning it.
 *
 * <p>SnakeYAML's node API is used rather than data binding so that every problem can name the line
 * it is on. All problems are collected (unknown keys with a did-you-mean, missing fields, bad
 * durations, severities and weights, unknown rule types, duplicate ids) and thrown together as one
 * {@link RulePackException}.
 */
public final class RulePackLoader {

    /** Packs larger than this are refused; real packs are a few kilobytes. */
    public static final long MAX_BYTES = 1024 * 1024;

    private static final String BUNDLED = "/io/callqa/rules/packs/";

    private static final Pattern DURATION =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private static final List<String> TOP_KEYS =
            List.of(
                    "id",
                    "version",
                    "language",
                    "description",
                    "variables",
                    "matching",
                    "agitation",
                    "rules",
                    "playbooks");
    private static final List<String> MATCHING_KEYS =
            List.of("fuzzy_threshold", "max_gap", "min_share", "min_words", "join_within");
    private static final List<String> CUE_KEYS = List.of("phrases", "act", "min_confidence");

    /**
     * The dialogue acts a rule can ask for, as the classifier names them ({@code
     * io.callqa.rules.acts.DialogueAct}).
     */
    public static final List<String> ACTS =
            Arrays.stream(DialogueAct.values()).map(DialogueAct::id).toList();

    /** Variables every call may set through its metadata. */
    private static final List<String> METADATA_VARIABLES = List.of("brand");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
    private static final List<String> AGITATION_KEYS = List.of("phrases", "min_arousal");
    private static final List<String> COMMON_RULE_KEYS =
            List.of(
                    "id",
                    "type",
                    "kind",
                    "severity",
                    "weight",
                    "description",
                    "alert",
                    "fuzzy_threshold");
    private static final Map<String, List<String>> TYPE_KEYS = new LinkedHashMap<>();

    static {
        TYPE_KEYS.put(
                "phrase-present",
                List.of(
                        "speaker",
                        "phrases",
                        "act",
                        "min_confidence",
                        "all_of",
                        "within",
                        "in_last"));
        TYPE_KEYS.put(
                "phrase-absent",
                List.of("speaker", "phrases", "act", "min_confidence", "within", "in_last"));
        TYPE_KEYS.put("escalation-request", List.of("speaker", "phrases", "act", "min_confidence"));
        TYPE_KEYS.put("ordering", List.of("speaker", "first", "then"));
        TYPE_KEYS.put(
                "reaction",
                List.of("trigger", "speaker", "phrases", "act", "min_confidence", "within"));
        TYPE_KEYS.put("threshold", List.of("metric", "max"));
        TYPE_KEYS.put("pii-spoken", List.of("speaker", "pii_types"));
    }

    /** The ids of the packs shipped with callqa. */
    public static final List<String> BUNDLED_PACKS = List.of("default-en", "default-ko");

    /** Loads and validates the pack in {@code file}. */
    public RulePack load(Path file) throws RulePackException {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw single(
                        source,
                        "file is " + size + " bytes; packs over " + MAX_BYTES + " are refused");
            }
            return load(source, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw single(source, "file does not exist");
        } catch (IOException e) {
            throw single(source, "cannot read file: " + e.getMessage());
        }
    }

    /** Loads a pack shipped with callqa, e.g. {@code default-ko}. */
    public RulePack loadBundled(String packId) throws RulePackException {
        String resource = BUNDLED + packId + ".yaml";
        try (InputStream in = RulePackLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw single(
                        packId, "no bundled pack with this id; bundled packs: " + BUNDLED_PACKS);
            }
            return load(packId + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw single(resource, "cannot read: " + e.getMessage());
        }
    }

    /** The default pack for a language: {@code default-<language>}, English when there is none. */
    public RulePack loadDefault(String language) throws RulePackException {
        String id = "default-" + language;
        return loadBundled(BUNDLED_PACKS.contains(id) ? id : "default-en");
    }

    /** Loads and validates a pack from YAML text; {@code source} names it in problems. */
    public RulePack load(String source, String yaml) throws RulePackException {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new RulePackException(
                    source,
                    List.of(
                            new RulePackProblem(
                                    mark == null ? 0 : mark.getLine() + 1,
                                    "",
                                    "not valid YAML: " + e.getProblem())));
        } catch (YAMLException e) {
            throw single(source, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw single(source, "empty file; expected a rule pack with id, version and rules");
        }
        Parse p = new Parse();
        RulePack pack = p.pack(root);
        if (!p.problems.isEmpty()) {
            p.problems.sort(Comparator.comparingInt(RulePackProblem::line));
            throw new RulePackException(source, p.problems);
        }
        return pack;
    }

    private static RulePackException single(String source, String message) {
        return new RulePackException(source, List.of(new RulePackProblem(0, "", message)));
    }

    /** One validation run; collects problems instead of stopping at the first. */
    static final class Parse {
        final List<RulePackProblem> problems = new ArrayList<>();
        Map<String, String> variables = Map.of();

        RulePack pack(Node root) {
            if (!(root instanceof MappingNode map)) {
                problem(
                        root,
                        "",
                        "expected a mapping with id, version and rules, got " + describe(root));
                return null;
            }
            Map<String, Node> f = fields(map, "", TOP_KEYS);
            String id = requiredText(f, map, "", "id");
            if (id != null && !ID.matcher(id).matches()) {
                problem(
                        f.get("id"),
                        "id",
                        "expected lowercase letters, digits, '.', '_' or '-', got '" + id + "'");
            }
            String version = requiredText(f, map, "", "version");
            String language = "en";
            if (f.containsKey("language")) {
                String l = text(f.get("language"), "language");
                if (l != null && !l.equals("en") && !l.equals("ko")) {
                    problem(f.get("language"), "language", "expected en or ko, got '" + l + "'");
                } else if (l != null) {
                    language = l;
                }
            }
            String description =
                    f.containsKey("description") ? text(f.get("description"), "description") : "";
            variables = variables(f.get("variables"));
            MatchSettings matching = matching(f.get("matching"));
            Agitation agitation = agitation(f.get("agitation"));
            List<Playbook> playbooks = new PlaybookParser(this).playbooks(f.get("playbooks"));
            List<Rule> rules = new ArrayList<>();
            Node rulesNode = f.get("rules");
            if (rulesNode == null) {
                problem(map, "rules", "required field is missing");
            } else if (!(rulesNode instanceof SequenceNode seq)) {
                problem(rulesNode, "rules", "expected a list of rules, got " + describe(rulesNode));
            } else {
                if (seq.getValue().isEmpty()) {
                    problem(seq, "rules", "expected at least one rule");
                }
                Map<String, Integer> seen = new HashMap<>();
                for (int i = 0; i < seq.getValue().size(); i++) {
                    Node r = seq.getValue().get(i);
                    String path = "rules[" + i + "]";
                    Rule rule = rule(r, path, seen);
                    if (rule != null) {
                        rules.add(rule);
                    }
                }
            }
            if (!problems.isEmpty()) {
                return null;
            }
            return new RulePack(
                    id,
                    version,
                    language,
                    description == null ? "" : description,
                    matching,
                    agitation,
                    rules,
                    variables,
                    playbooks);
        }

        Map<String, String> variables(Node node) {
            Map<String, String> out = new LinkedHashMap<>();
            if (node == null) {
                return out;
            }
            if (!(node instanceof MappingNode map)) {
                problem(
                        node,
                        "variables",
                        "expected a mapping such as {brand: Example Bank}, got " + describe(node));
                return out;
            }
            for (NodeTuple t : map.getValue()) {
                String name = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
                if (name == null || !ID.matcher(name).matches()) {
                    problem(
                            t.getKeyNode(),
                            "variables",
                            "expected a variable name of lowercase letters, digits, '.', '_' or"
                                    + " '-', got "
                                    + describe(t.getKeyNode()));
                    continue;
                }
                String value = text(t.getValueNode(), "variables." + name);
                if (value != null) {
                    out.put(name, value);
                }
            }
            return out;
        }

        MatchSettings matching(Node node) {
            if (node == null) {
                return MatchSettings.DEFAULTS;
            }
            if (!(node instanceof MappingNode map)) {
                problem(
                        node,
                        "matching",
                        "expected a mapping with fuzzy_threshold and max_gap, got "
                                + describe(node));
                return MatchSettings.DEFAULTS;
            }
            Map<String, Node> f = fields(map, "matching", MATCHING_KEYS);
            double threshold = MatchSettings.DEFAULTS.fuzzyThreshold();
            if (f.containsKey("fuzzy_threshold")) {
                threshold =
                        number(
                                f.get("fuzzy_threshold"),
                                "matching.fuzzy_threshold",
                                0.5,
                                1.0,
                                threshold);
            }
            int gap = MatchSettings.DEFAULTS.maxGap();
            if (f.containsKey("max_gap")) {
                double g = number(f.get("max_gap"), "matching.max_gap", 0, 10, gap);
                if (g != Math.rint(g)) {
                    problem(
                            f.get("max_gap"),
                            "matching.max_gap",
                            "expected a whole number from 0 to 10, got "
                                    + describe(f.get("max_gap")));
                }
                gap = (int) g;
            }
            double share = MatchSettings.DEFAULT_MIN_SHARE;
            if (f.containsKey("min_share")) {
                share = number(f.get("min_share"), "matching.min_share", 0.5, 1.0, share);
            }
            int words = MatchSettings.DEFAULT_MIN_WORDS;
            if (f.containsKey("min_words")) {
                double w = number(f.get("min_words"), "matching.min_words", 1, 10, words);
                if (w != Math.rint(w)) {
                    problem(
                            f.get("min_words"),
                            "matching.min_words",
                            "expected a whole number from 1 to 10, got "
                                    + describe(f.get("min_words")));
                }
                words = (int) w;
            }
            double join = MatchSettings.DEFAULT_JOIN_WITHIN;
            if (f.containsKey("join_within")) {
                join = duration(f.get("join_within"), "matching.join_within");
                if (join > 30) {
                    problem(
                            f.get("join_within"),
                            "matching.join_within",
                            "expected at most 30s, got " + describe(f.get("join_within")));
                    join = MatchSettings.DEFAULT_JOIN_WITHIN;
                }
            }
            return new MatchSettings(threshold, gap, share, words, join);
        }

        Agitation agitation(Node node) {
            if (node == null) {
                return new Agitation(List.of(), Agitation.DEFAULT_MIN_AROUSAL);
            }
            if (!(node instanceof MappingNode map)) {
                problem(
                        node,
                        "agitation",
                        "expected a mapping with phrases and min_arousal, got " + describe(node));
                return new Agitation(List.of(), Agitation.DEFAULT_MIN_AROUSAL);
            }
            Map<String, Node> f = fields(map, "agitation", AGITATION_KEYS);
            List<String> phrases =
                    f.containsKey("phrases")
                            ? phrases(f.get("phrases"), "agitation.phrases")
                            : List.of();
            double arousal = Agitation.DEFAULT_MIN_AROUSAL;
            if (f.containsKey("min_arousal")) {
                arousal = number(f.get("min_arousal"), "agitation.min_arousal", 0, 5, arousal);
            }
            return new Agitation(phrases, arousal);
        }

        Rule rule(Node node, String path, Map<String, Integer> seen) {
            if (!(node instanceof MappingNode map)) {
                problem(
                        node,
                        path,
                        "expected a rule (a mapping with id, type, kind, ...), got "
                                + describe(node));
                return null;
            }
            int before = problems.size();
            String type = null;
            Node typeNode = valueOf(map, "type");
            List<String> allowed = new ArrayList<>(COMMON_RULE_KEYS);
            if (typeNode != null) {
                type = text(typeNode, path + ".type");
                if (type != null && !TYPE_KEYS.containsKey(type)) {
                    problem(
                            typeNode,
                            path + ".type",
                            "unknown rule type '"
                                    + type
                                    + "'"
                                    + didYouMean(type, TYPE_KEYS.keySet())
                                    + "; known types: "
                                    + String.join(", ", TYPE_KEYS.keySet()));
                    type = null;
                }
            }
            if (type != null) {
                allowed.addAll(TYPE_KEYS.get(type));
            } else {
                TYPE_KEYS
                        .values()
                        .forEach(
                                keys ->
                                        keys.stream()
                                                .filter(k -> !allowed.contains(k))
                                                .forEach(allowed::add));
            }
            Map<String, Node> f = fields(map, path, allowed);
            String id = requiredText(f, map, path, "id");
            if (id != null) {
                if (!ID.matcher(id).matches()) {
                    problem(
                            f.get("id"),
                            path + ".id",
                            "expected lowercase letters, digits, '.', '_' or '-', got '"
                                    + id
                                    + "'");
                } else if (seen.containsKey(id)) {
                    problem(
                            f.get("id"),
                            path + ".id",
                            "duplicate rule id '"
                                    + id
                                    + "' (first defined on line "
                                    + seen.get(id)
                                    + ")");
                } else {
                    seen.put(id, line(f.get("id")));
                }
            }
            if (typeNode == null) {
                problem(
                        map,
                        path + ".type",
                        "required field is missing; one of "
                                + String.join(", ", TYPE_KEYS.keySet()));
            }
            RuleKind kind = enumField(f, map, path, "kind", RuleKind.class, null);
            Severity severity = enumField(f, map, path, "severity", Severity.class, null);
            double weight = 1;
            if (f.containsKey("weight")) {
                weight = number(f.get("weight"), path + ".weight", 0, 100, 1);
            }
            String description = requiredText(f, map, path, "description");
            Optional<String> alert = Optional.empty();
            if (f.containsKey("alert")) {
                String a = text(f.get("alert"), path + ".alert");
                if (a != null && !ID.matcher(a).matches()) {
                    problem(
                            f.get("alert"),
                            path + ".alert",
                            "expected an alert type like escalation or compliance, got '"
                                    + a
                                    + "'");
                }
                alert = Optional.ofNullable(a);
            }
            OptionalDouble fuzzy = OptionalDouble.empty();
            if (f.containsKey("fuzzy_threshold")) {
                fuzzy =
                        OptionalDouble.of(
                                number(
                                        f.get("fuzzy_threshold"),
                                        path + ".fuzzy_threshold",
                                        0.5,
                                        1.0,
                                        0.8));
            }
            RuleCheck check = type == null ? null : check(type, f, map, path);
            if (id != null) {
                // A pack has many rules; the id says which one without counting list items.
                for (int i = before; i < problems.size(); i++) {
                    RulePackProblem q = problems.get(i);
                    problems.set(
                            i,
                            new RulePackProblem(
                                    q.line(), q.field(), q.message() + " (rule '" + id + "')"));
                }
            }
            if (problems.size() != before || check == null) {
                return null;
            }
            return new Rule(id, type, kind, severity, weight, description, alert, fuzzy, check);
        }

        RuleCheck check(String type, Map<String, Node> f, MappingNode map, String path) {
            switch (type) {
                case "phrase-present" -> {
                    Optional<Speaker> speaker = speaker(f, path, Optional.of(Speaker.AGENT));
                    List<Cue> groups = new ArrayList<>();
                    boolean own = f.containsKey("phrases") || f.containsKey("act");
                    if (own && f.containsKey("all_of")) {
                        problem(
                                f.get("all_of"),
                                path + ".all_of",
                                "give either phrases (or act) or all_of, not both");
                    } else if (own) {
                        groups.add(cue(f, map, path));
                    } else if (f.containsKey("all_of")) {
                        Node n = f.get("all_of");
                        if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                            problem(
                                    n,
                                    path + ".all_of",
                                    "expected a list of phrase lists, got " + describe(n));
                        } else {
                            for (int i = 0; i < seq.getValue().size(); i++) {
                                groups.add(
                                        cueNode(
                                                seq.getValue().get(i),
                                                path + ".all_of[" + i + "]"));
                            }
                        }
                    } else {
                        problem(
                                map,
                                path + ".phrases",
                                "required field is missing (or give act, or all_of)");
                    }
                    return new RuleCheck.PhrasePresent(
                            speaker,
                            groups,
                            optionalDuration(f, path, "within"),
                            optionalDuration(f, path, "in_last"));
                }
                case "phrase-absent", "escalation-request" -> {
                    Optional<Speaker> dflt =
                            type.equals("escalation-request")
                                    ? Optional.of(Speaker.CUSTOMER)
                                    : Optional.empty();
                    Optional<Speaker> speaker = speaker(f, path, dflt);
                    Cue cue = cue(f, map, path);
                    OptionalDouble within =
                            type.equals("phrase-absent")
                                    ? optionalDuration(f, path, "within")
                                    : OptionalDouble.empty();
                    OptionalDouble inLast =
                            type.equals("phrase-absent")
                                    ? optionalDuration(f, path, "in_last")
                                    : OptionalDouble.empty();
                    return new RuleCheck.PhraseAbsent(speaker, cue, within, inLast);
                }
                case "ordering" -> {
                    Optional<Speaker> speaker = speaker(f, path, Optional.of(Speaker.AGENT));
                    return new RuleCheck.Ordering(
                            speaker,
                            requiredCue(f, map, path, "first"),
                            requiredCue(f, map, path, "then"));
                }
                case "reaction" -> {
                    Node trigger = f.get("trigger");
                    if (trigger == null) {
                        problem(
                                map,
                                path + ".trigger",
                                "required field is missing; supported: customer-agitated");
                    } else {
                        String t = text(trigger, path + ".trigger");
                        if (t != null && !t.equals("customer-agitated")) {
                            problem(
                                    trigger,
                                    path + ".trigger",
                                    "unknown trigger '"
                                            + t
                                            + "'"
                                            + didYouMean(t, List.of("customer-agitated"))
                                            + "; supported: customer-agitated");
                        }
                    }
                    Optional<Speaker> speaker = speaker(f, path, Optional.of(Speaker.AGENT));
                    if (speaker.isEmpty()) {
                        problem(
                                f.get("speaker"),
                                path + ".speaker",
                                "a reaction needs one responder: agent or customer");
                    }
                    OptionalDouble within = optionalDuration(f, path, "within");
                    return new RuleCheck.Reaction(
                            speaker.orElse(Speaker.AGENT), cue(f, map, path), within.orElse(20));
                }
                case "threshold" -> {
                    Metric metric = null;
                    Node m = f.get("metric");
                    List<String> ids = Arrays.stream(Metric.values()).map(Metric::id).toList();
                    if (m == null) {
                        problem(
                                map,
                                path + ".metric",
                                "required field is missing; one of " + String.join(", ", ids));
                    } else {
                        String t = text(m, path + ".metric");
                        for (Metric candidate : Metric.values()) {
                            if (candidate.id().equals(t)) {
                                metric = candidate;
                            }
                        }
                        if (t != null && metric == null) {
                            problem(
                                    m,
                                    path + ".metric",
                                    "unknown metric '"
                                            + t
                                            + "'"
                                            + didYouMean(t, ids)
                                            + "; one of "
                                            + String.join(", ", ids));
                        }
                    }
                    Node max = f.get("max");
                    double bound = 0;
                    if (max == null) {
                        problem(map, path + ".max", "required field is missing");
                    } else if (metric != null && metric.isDuration()) {
                        bound = duration(max, path + ".max");
                    } else if (metric != null) {
                        bound = ratio(max, path + ".max");
                    }
                    return metric == null ? null : new RuleCheck.Threshold(metric, bound);
                }
                case "pii-spoken" -> {
                    Optional<Speaker> speaker = speaker(f, path, Optional.empty());
                    Set<PiiType> types = EnumSet.noneOf(PiiType.class);
                    Node n = f.get("pii_types");
                    List<String> ids = Arrays.stream(PiiType.values()).map(PiiType::id).toList();
                    if (n == null) {
                        types.add(PiiType.CARD);
                    } else if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                        problem(
                                n,
                                path + ".pii_types",
                                "expected a list such as [card, rrn], got " + describe(n));
                    } else {
                        for (int i = 0; i < seq.getValue().size(); i++) {
                            Node item = seq.getValue().get(i);
                            String t = text(item, path + ".pii_types[" + i + "]");
                            if (t == null) {
                                continue;
                            }
                            Optional<PiiType> pt = PiiType.fromId(t);
                            if (pt.isEmpty()) {
                                problem(
                                        item,
                                        path + ".pii_types[" + i + "]",
                                        "unknown PII type '"
                                                + t
                                                + "'"
                                                + didYouMean(t, ids)
                                                + "; one of "
                                                + String.join(", ", ids));
                            } else {
                                types.add(pt.get());
                            }
                        }
                    }
                    return new RuleCheck.PiiSpoken(speaker, types);
                }
                default -> throw new IllegalStateException(type);
            }
        }

        Optional<Speaker> speaker(Map<String, Node> f, String path, Optional<Speaker> dflt) {
            Node n = f.get("speaker");
            if (n == null) {
                return dflt;
            }
            String s = text(n, path + ".speaker");
            if (s == null) {
                return dflt;
            }
            if (s.equals("any")) {
                return Optional.empty();
            }
            Optional<Speaker> sp = Speaker.fromId(s);
            if (sp.isEmpty()) {
                problem(n, path + ".speaker", "expected agent, customer or any, got '" + s + "'");
                return dflt;
            }
            return sp;
        }

        /** The rule's own cue: its phrases, act and min_confidence keys. */
        Cue cue(Map<String, Node> f, MappingNode map, String path) {
            List<String> acts =
                    f.containsKey("act") ? acts(f.get("act"), path + ".act") : List.of();
            List<String> phrases =
                    acts.isEmpty() || f.containsKey("phrases")
                            ? requiredPhrases(f, map, path, "phrases")
                            : List.of();
            return new Cue(phrases, acts, minConfidence(f, path, acts));
        }

        Cue requiredCue(Map<String, Node> f, MappingNode map, String path, String key) {
            Node n = f.get(key);
            if (n == null) {
                problem(map, path + "." + key, "required field is missing");
                return Cue.of(List.of());
            }
            return cueNode(n, path + "." + key);
        }

        /** A list of phrases, or a mapping with phrases, act and min_confidence. */
        Cue cueNode(Node n, String path) {
            if (!(n instanceof MappingNode map)) {
                return Cue.of(phrases(n, path));
            }
            Map<String, Node> f = fields(map, path, CUE_KEYS);
            if (!f.containsKey("act") && !f.containsKey("phrases")) {
                problem(map, path, "expected phrases, act or both");
                return Cue.of(List.of());
            }
            List<String> acts =
                    f.containsKey("act") ? acts(f.get("act"), path + ".act") : List.of();
            List<String> phrases =
                    f.containsKey("phrases")
                            ? phrases(f.get("phrases"), path + ".phrases")
                            : List.of();
            return new Cue(phrases, acts, minConfidence(f, path, acts));
        }

        double minConfidence(Map<String, Node> f, String path, List<String> acts) {
            Node n = f.get("min_confidence");
            if (n == null) {
                return Cue.DEFAULT_MIN_CONFIDENCE;
            }
            if (acts.isEmpty() && !f.containsKey("act")) {
                problem(
                        n,
                        path + ".min_confidence",
                        "min_confidence applies to an act; add act: (one of "
                                + String.join(", ", ACTS)
                                + ") or remove it");
            }
            return number(n, path + ".min_confidence", 0, 1, Cue.DEFAULT_MIN_CONFIDENCE);
        }

        /** One dialogue-act id or a list of them. */
        List<String> acts(Node n, String path) {
            List<Node> items = new ArrayList<>();
            if (n instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
                items.addAll(seq.getValue());
            } else if (n instanceof ScalarNode) {
                items.add(n);
            } else {
                problem(n, path, "expected a dialogue act such as offer-help, got " + describe(n));
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (Node item : items) {
                String a = text(item, path);
                if (a == null) {
                    continue;
                }
                if (!ACTS.contains(a)) {
                    problem(
                            item,
                            path,
                            "unknown dialogue act '"
                                    + a
                                    + "'"
                                    + didYouMean(a, ACTS)
                                    + "; known acts: "
                                    + String.join(", ", ACTS));
                } else {
                    out.add(a);
                }
            }
            return out;
        }

        /** Problems for {@code {name}} placeholders that name no variable. */
        void checkPlaceholders(Node item, String path, String phrase) {
            Matcher m = PLACEHOLDER.matcher(phrase);
            while (m.find()) {
                String name = m.group(1).trim();
                if (variables.containsKey(name) || METADATA_VARIABLES.contains(name)) {
                    continue;
                }
                List<String> known = new ArrayList<>(variables.keySet());
                known.addAll(METADATA_VARIABLES);
                problem(
                        item,
                        path,
                        "unknown variable '{"
                                + name
                                + "}'"
                                + didYouMean(name, known)
                                + "; declare it under variables: or use one of {"
                                + String.join("}, {", known)
                                + "}");
            }
        }

        List<String> requiredPhrases(
                Map<String, Node> f, MappingNode map, String path, String key) {
            Node n = f.get(key);
            if (n == null) {
                problem(map, path + "." + key, "required field is missing");
                return List.of();
            }
            return phrases(n, path + "." + key);
        }

        List<String> phrases(Node n, String path) {
            if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
                checkPlaceholders(n, path, s.getValue());
                return List.of(s.getValue().trim());
            }
            if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problem(n, path, "expected a list of phrases, got " + describe(n));
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node item = seq.getValue().get(i);
                if (!(item instanceof ScalarNode s) || s.getValue().isBlank()) {
                    problem(
                            item,
                            path + "[" + i + "]",
                            "expected a phrase (text), got " + describe(item));
                } else if (s.getValue().codePoints().noneMatch(Character::isLetterOrDigit)) {
                    problem(
                            item,
                            path + "[" + i + "]",
                            "phrase has no words to match: " + describe(item));
                } else {
                    checkPlaceholders(item, path + "[" + i + "]", s.getValue());
                    out.add(s.getValue().trim());
                }
            }
            return out;
        }

        OptionalDouble optionalDuration(Map<String, Node> f, String path, String key) {
            Node n = f.get(key);
            return n == null
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(duration(n, path + "." + key));
        }

        double duration(Node n, String path) {
            String s = n instanceof ScalarNode sc ? sc.getValue().trim() : null;
            Matcher m = s == null ? null : DURATION.matcher(s);
            if (m == null || !m.matches()) {
                problem(
                        n,
                        path,
                        "expected a duration like 30s, 1.5s, 500ms or 2m, got " + describe(n));
                return 0;
            }
            double v = Double.parseDouble(m.group(1));
            return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "ms" -> v / 1000;
                case "m", "min" -> v * 60;
                default -> v;
            };
        }

        double ratio(Node n, String path) {
            String s = n instanceof ScalarNode sc ? sc.getValue().trim() : "";
            try {
                double v =
                        s.endsWith("%")
                                ? Double.parseDouble(s.substring(0, s.length() - 1).trim()) / 100
                                : Double.parseDouble(s);
                if (v >= 0 && v <= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(
                    n,
                    path,
                    "expected a ratio from 0 to 1 or a percentage like 80%, got " + describe(n));
            return 0;
        }

        double number(Node n, String path, double min, double max, double dflt) {
            String s = n instanceof ScalarNode sc ? sc.getValue().trim() : "";
            try {
                double v = Double.parseDouble(s);
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(
                    n,
                    path,
                    "expected a number from "
                            + plain(min)
                            + " to "
                            + plain(max)
                            + ", got "
                            + describe(n));
            return dflt;
        }

        <E extends Enum<E>> E enumField(
                Map<String, Node> f,
                MappingNode map,
                String path,
                String key,
                Class<E> type,
                E dflt) {
            List<String> ids =
                    Arrays.stream(type.getEnumConstants())
                            .map(e -> e.name().toLowerCase(Locale.ROOT))
                            .toList();
            Node n = f.get(key);
            if (n == null) {
                if (dflt == null) {
                    problem(
                            map,
                            path + "." + key,
                            "required field is missing; one of " + String.join(", ", ids));
                }
                return dflt;
            }
            String s = text(n, path + "." + key);
            if (s == null) {
                return dflt;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s)) {
                    return e;
                }
            }
            problem(
                    n,
                    path + "." + key,
                    "expected one of "
                            + String.join(", ", ids)
                            + ", got '"
                            + s
                            + "'"
                            + didYouMean(s.toLowerCase(Locale.ROOT), ids));
            return dflt;
        }

        String requiredText(Map<String, Node> f, MappingNode map, String path, String key) {
            String field = path.isEmpty() ? key : path + "." + key;
            Node n = f.get(key);
            if (n == null) {
                problem(map, field, "required field is missing");
                return null;
            }
            return text(n, field);
        }

        String text(Node n, String path) {
            if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
                problem(n, path, "expected text, got " + describe(n));
                return null;
            }
            return s.getValue().trim();
        }

        /** The mapping's entries by key, reporting duplicate and unknown keys. */
        Map<String, Node> fields(MappingNode map, String path, List<String> allowed) {
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                Node k = t.getKeyNode();
                String prefix = path.isEmpty() ? "" : path + ".";
                if (!(k instanceof ScalarNode ks)) {
                    problem(k, path, "expected text keys, got " + describe(k));
                    continue;
                }
                String key = ks.getValue();
                if (out.containsKey(key)) {
                    problem(
                            k,
                            prefix + key,
                            "duplicate key (first on line " + line(out.get(key)) + ")");
                } else if (!allowed.contains(key)) {
                    problem(
                            k,
                            prefix + key,
                            "unknown key"
                                    + didYouMean(key, allowed)
                                    + "; allowed here: "
                                    + String.join(", ", allowed));
                } else {
                    out.put(key, t.getValueNode());
                }
            }
            return out;
        }

        Node valueOf(MappingNode map, String key) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
            return null;
        }

        void problem(Node at, String field, String message) {
            problems.add(new RulePackProblem(line(at), field, message));
        }
    }

    static int line(Node n) {
        return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    /** {@code " (did you mean 'x'?)"} for the closest candidate within a small edit distance. */
    static String didYouMean(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : new LinkedHashSet<>(candidates)) {
            String g = given.toLowerCase(Locale.ROOT);
            // An abbreviation ("lang") is as likely a slip as a typo.
            int d = g.length() >= 3 && c.startsWith(g) ? 1 : EditDistance.between(g, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int limit = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= limit ? " (did you mean '" + best + "'?)" : "";
    }

    static String describe(Node n) {
        if (n == null) {
            return "nothing";
        }
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            return "'" + (v.length() <= 60 ? v : v.substring(0, 57) + "...") + "'";
        }
        return n instanceof SequenceNode ? "a list" : "a mapping";
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
