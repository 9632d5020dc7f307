package io.callqa.rules.pack;

import io.callqa.rules.transcript.Speaker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code playbooks:} section of a rule pack inside one {@link RulePackLoader} run, so
 * that its problems are reported with the rest of the pack's, in the same form.
 */
final class PlaybookParser {

    /** The categories of the bundled call classifier, which triggers may name. */
    static final List<String> CATEGORIES = List.of("refund", "shipping", "billing", "other");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final List<String> PLAYBOOK_KEYS =
            List.of("id", "description", "issue", "trigger", "steps");
    private static final List<String> TRIGGER_KEYS =
            List.of("speaker", "category", "act", "min_confidence", "phrases");
    private static final List<String> STEP_KEYS =
            List.of("id", "text", "snippets", "phrases", "done");
    private static final List<String> DONE_KEYS =
            List.of("speaker", "act", "min_confidence", "phrases");

    private final RulePackLoader.Parse parse;

    PlaybookParser(RulePackLoader.Parse parse) {
        this.parse = parse;
    }

    /** The playbooks of the section, or none when the pack has no such section. */
    List<Playbook> playbooks(Node node) {
        List<Playbook> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            parse.problem(
                    node,
                    "playbooks",
                    "expected a list of playbooks (each with id, description, trigger and steps),"
                            + " got "
                            + RulePackLoader.describe(node));
            return out;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Playbook p = playbook(seq.getValue().get(i), "playbooks[" + i + "]", seen);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private Playbook playbook(Node node, String path, Map<String, Integer> seen) {
        if (!(node instanceof MappingNode map)) {
            parse.problem(
                    node,
                    path,
                    "expected a playbook (a mapping with id, description, trigger and steps), got "
                            + RulePackLoader.describe(node));
            return null;
        }
        int before = parse.problems.size();
        Map<String, Node> f = parse.fields(map, path, PLAYBOOK_KEYS);
        String id = uniqueId(f, map, path, seen, "playbook");
        String description = parse.requiredText(f, map, path, "description");
        String issue = id;
        if (f.containsKey("issue")) {
            String given = parse.text(f.get("issue"), path + ".issue");
            if (given != null && !ID.matcher(given).matches()) {
                parse.problem(
                        f.get("issue"),
                        path + ".issue",
                        "expected an issue id in lowercase letters, digits, '.', '_' or '-' (the"
                                + " same for every playbook that is an alternative for that"
                                + " problem), got '"
                                + given
                                + "'");
            } else if (given != null) {
                issue = given;
            }
        }
        PlaybookTrigger trigger = null;
        Node t = f.get("trigger");
        if (t == null) {
            parse.problem(
                    map,
                    path + ".trigger",
                    "required field is missing; give phrases and/or act, and optionally category"
                            + " and speaker");
        } else {
            trigger = trigger(t, path + ".trigger");
        }
        List<PlaybookStep> steps = new ArrayList<>();
        Node s = f.get("steps");
        if (s == null) {
            parse.problem(map, path + ".steps", "required field is missing");
        } else if (!(s instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            parse.problem(
                    s,
                    path + ".steps",
                    "expected a list of steps (each with id, text and done), got "
                            + (s instanceof SequenceNode
                                    ? "an empty list"
                                    : RulePackLoader.describe(s)));
        } else {
            Map<String, Integer> stepIds = new HashMap<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                PlaybookStep step =
                        step(seq.getValue().get(i), path + ".steps[" + i + "]", stepIds);
                if (step != null) {
                    steps.add(step);
                }
            }
        }
        if (id != null) {
            // A pack has many playbooks; the id says which one without counting list items.
            for (int i = before; i < parse.problems.size(); i++) {
                RulePackProblem q = parse.problems.get(i);
                parse.problems.set(
                        i,
                        new RulePackProblem(
                                q.line(), q.field(), q.message() + " (playbook '" + id + "')"));
            }
        }
        if (parse.problems.size() != before) {
            return null;
        }
        return new Playbook(id, description, issue, trigger, steps);
    }

    private PlaybookTrigger trigger(Node node, String path) {
        if (!(node instanceof MappingNode map)) {
            parse.problem(
                    node,
                    path,
                    "expected a mapping with phrases and/or act, and optionally category and"
                            + " speaker, got "
                            + RulePackLoader.describe(node));
            return null;
        }
        Map<String, Node> f = parse.fields(map, path, TRIGGER_KEYS);
        Optional<Speaker> speaker = parse.speaker(f, path, Optional.of(Speaker.CUSTOMER));
        List<String> categories =
                f.containsKey("category")
                        ? categories(f.get("category"), path + ".category")
                        : List.of();
        return new PlaybookTrigger(speaker, categories, cue(f, map, path));
    }

    private PlaybookStep step(Node node, String path, Map<String, Integer> seen) {
        if (!(node instanceof MappingNode map)) {
            parse.problem(
                    node,
                    path,
                    "expected a step (a mapping with id, text and done), got "
                            + RulePackLoader.describe(node));
            return null;
        }
        int before = parse.problems.size();
        Map<String, Node> f = parse.fields(map, path, STEP_KEYS);
        String id = uniqueId(f, map, path, seen, "step");
        String text = parse.requiredText(f, map, path, "text");
        List<String> snippets =
                f.containsKey("snippets")
                        ? texts(f.get("snippets"), path + ".snippets")
                        : List.of();
        List<String> phrases =
                f.containsKey("phrases")
                        ? parse.phrases(f.get("phrases"), path + ".phrases")
                        : List.of();
        Node d = f.get("done");
        Optional<Speaker> doneBy = Optional.of(Speaker.AGENT);
        Cue done = null;
        if (d == null) {
            parse.problem(
                    map,
                    path + ".done",
                    "required field is missing; give the phrases and/or act that show the step"
                            + " done, so the suggestion can be withdrawn");
        } else if (!(d instanceof MappingNode dm)) {
            parse.problem(
                    d,
                    path + ".done",
                    "expected a mapping with phrases and/or act (and optionally speaker), got "
                            + RulePackLoader.describe(d));
        } else {
            Map<String, Node> df = parse.fields(dm, path + ".done", DONE_KEYS);
            doneBy = parse.speaker(df, path + ".done", Optional.of(Speaker.AGENT));
            done = cue(df, dm, path + ".done");
        }
        if (parse.problems.size() != before) {
            return null;
        }
        return new PlaybookStep(id, text, snippets, phrases, doneBy, done);
    }

    /** Phrases and/or acts with their min_confidence; at least one of the two. */
    private Cue cue(Map<String, Node> f, MappingNode map, String path) {
        if (!f.containsKey("act") && !f.containsKey("phrases")) {
            parse.problem(
                    map,
                    path + ".phrases",
                    "required field is missing; give phrases, act (one of "
                            + String.join(", ", RulePackLoader.ACTS)
                            + ") or both");
            return Cue.of(List.of());
        }
        List<String> acts =
                f.containsKey("act") ? parse.acts(f.get("act"), path + ".act") : List.of();
        List<String> phrases =
                f.containsKey("phrases")
                        ? parse.phrases(f.get("phrases"), path + ".phrases")
                        : List.of();
        return new Cue(phrases, acts, parse.minConfidence(f, path, acts));
    }

    private List<String> categories(Node n, String path) {
        List<Node> items = new ArrayList<>();
        if (n instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
            items.addAll(seq.getValue());
        } else if (n instanceof ScalarNode) {
            items.add(n);
        } else {
            parse.problem(
                    n,
                    path,
                    "expected a category such as refund or a list of them, got "
                            + RulePackLoader.describe(n));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            String c = parse.text(item, path);
            if (c == null) {
                continue;
            }
            if (!CATEGORIES.contains(c)) {
                parse.problem(
                        item,
                        path,
                        "unknown category '"
                                + c
                                + "'"
                                + RulePackLoader.didYouMean(c, CATEGORIES)
                                + "; the call classifier's categories: "
                                + String.join(", ", CATEGORIES));
            } else if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A list of texts (or one text), such as knowledge snippets. */
    private List<String> texts(Node n, String path) {
        if (n instanceof ScalarNode) {
            String t = parse.text(n, path);
            return t == null ? List.of() : List.of(t);
        }
        if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            parse.problem(n, path, "expected a list of texts, got " + RulePackLoader.describe(n));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String t = parse.text(seq.getValue().get(i), path + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private String uniqueId(
            Map<String, Node> f,
            MappingNode map,
            String path,
            Map<String, Integer> seen,
            String what) {
        String id = parse.requiredText(f, map, path, "id");
        if (id == null) {
            return null;
        }
        if (!ID.matcher(id).matches()) {
            parse.problem(
                    f.get("id"),
                    path + ".id",
                    "expected lowercase letters, digits, '.', '_' or '-', got '" + id + "'");
        } else if (seen.containsKey(id)) {
            parse.problem(
                    f.get("id"),
                    path + ".id",
                    "duplicate "
                            + what
                            + " id '"
                            + id
                            + "' (first defined on line "
                            + seen.get(id)
                            + ")");
        } else {
            seen.put(id, RulePackLoader.line(f.get("id")));
        }
        return id;
    }
}
