package io.callqa.rules.assist;

import io.callqa.rules.acts.ActScores;
import io.callqa.rules.acts.DialogueAct;
import io.callqa.rules.classify.CallWeighting;
import io.callqa.rules.classify.Classification;
import io.callqa.rules.classify.RunningClassification;
import io.callqa.rules.match.PhraseMatch;
import io.callqa.rules.match.SpokenText;
import io.callqa.rules.pack.Cue;
import io.callqa.rules.pack.Playbook;
import io.callqa.rules.pack.PlaybookStep;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agent assist for one live call. Give it the call's finalized utterances in order, one at a time
 * ({@link #accept}); each answer lists the steps to show the agent and the shown steps now done.
 *
 * <p>A playbook is raised by the first utterance of its trigger's speaker that shows the trigger's
 * cue while the call (so far) or that utterance is classified as one of the trigger's categories,
 * or neither is about any topic yet; its steps not yet done are then suggested. A step is done, and
 * withdrawn if shown, at the first utterance of its {@code done} speaker that shows the {@code
 * done} cue; a step done before its playbook is raised (the caller was verified first) is never
 * shown. Of the playbooks sharing an {@linkplain Playbook#issue() issue}, only the first raised is
 * raised at all. Phrases are matched as the rule engine matches them, over the speaker's last few
 * utterances joined when close in time, so a phrase cut at a pause still counts.
 *
 * <p>The work per utterance does not grow with the call: one call-classifier and (when the pack
 * asks for acts and the caller gives none) one act-classifier pass over the utterance, the running
 * category updated in constant time, and the pack's cues matched against at most {@value
 * #RUN_LENGTH} utterances. Not thread-safe: one session per call, fed from one thread.
 *
 * <p>A stream processor that keeps a call between records takes the session's {@link #saved()}
 * state after each utterance and continues with {@link AgentAssist#resume}; the state's size
 * depends on the pack, not on the call's length.
 */
public final class AssistSession {

    /** How many of a speaker's consecutive, close utterances are matched as one stream. */
    static final int RUN_LENGTH = 3;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");

    private final AgentAssist assist;
    private final String language;
    private final double joinWithin;
    private final Map<String, String> variables = new HashMap<>();
    private final RunningClassification category;
    private final boolean needsActs;
    private final String residual = CallWeighting.DEFAULT.residual();
    private final List<PlaybookState> playbooks = new ArrayList<>();
    private final Map<Speaker, Deque<Part>> runs = new EnumMap<>(Speaker.class);
    private int next;

    AssistSession(AgentAssist assist, Map<String, String> metadata) {
        this.assist = assist;
        RulePack pack = assist.pack();
        this.language = pack.language();
        this.joinWithin = pack.matching().joinWithin();
        variables.putAll(pack.variables());
        if (metadata != null) {
            metadata.forEach(
                    (k, v) -> {
                        if (k != null && v != null && !v.isBlank()) {
                            variables.put(k, v);
                        }
                    });
        }
        this.category = new RunningClassification(assist.categories(), language);
        boolean acts = false;
        for (Playbook p : pack.playbooks()) {
            PlaybookState s = new PlaybookState(p, resolve(p.trigger().cue().phrases()));
            acts |= !p.trigger().cue().acts().isEmpty();
            for (PlaybookStep step : p.steps()) {
                s.steps.add(new StepState(step, resolve(step.done().phrases())));
                acts |= !step.done().acts().isEmpty();
            }
            playbooks.add(s);
        }
        this.needsActs = acts;
    }

    /** The next finalized utterance; its acts are classified here when the pack needs them. */
    public List<AssistEvent> accept(Utterance utterance) {
        return accept(utterance, null);
    }

    /**
     * The next finalized utterance with its dialogue acts as the caller already classified them.
     *
     * @param utterance the utterance, after the previous one in time
     * @param acts its act scores, or null to have them classified when the pack needs them
     * @return the steps suggested and withdrawn because of this utterance, withdrawals first
     */
    public List<AssistEvent> accept(Utterance utterance, ActScores acts) {
        if (utterance == null) {
            throw new IllegalArgumentException("utterance is null; give each finalized utterance");
        }
        int index = next++;
        List<SpokenText> stream = stream(utterance);
        ActScores scores =
                acts != null
                        ? acts
                        : needsActs ? assist.acts().classify(utterance.text(), language) : null;
        Classification own = category.add(utterance);
        Classification call = category.current();
        List<AssistEvent> events = new ArrayList<>();
        for (PlaybookState p : playbooks) {
            for (StepState s : p.steps) {
                if (s.doneAt >= 0 || !speaks(s.step.doneBy(), utterance)) {
                    continue;
                }
                Optional<String> why = shows(s.step.done(), s.donePhrases, stream, scores);
                if (why.isPresent()) {
                    s.doneAt = index;
                    if (s.suggested != null) {
                        events.add(
                                new AssistEvent.Withdrawn(
                                        p.playbook.id(),
                                        s.step.id(),
                                        index,
                                        utterance.start(),
                                        utterance.text(),
                                        why.get()));
                    }
                }
            }
        }
        for (PlaybookState p : playbooks) {
            if (p.raisedAt >= 0
                    || !speaks(p.playbook.trigger().speaker(), utterance)
                    || issueRaised(p.playbook.issue())) {
                continue;
            }
            if (!inCategory(p.playbook.trigger().categories(), own, call)) {
                continue;
            }
            Optional<String> why =
                    shows(p.playbook.trigger().cue(), p.triggerPhrases, stream, scores);
            if (why.isEmpty()) {
                continue;
            }
            p.raisedAt = index;
            p.evidence = why.get();
            for (StepState s : p.steps) {
                if (s.doneAt >= 0) {
                    continue;
                }
                s.suggested =
                        new AssistEvent.Suggested(
                                p.playbook.id(),
                                s.step.id(),
                                fill(s.step.text()),
                                s.step.snippets().stream().map(this::fill).toList(),
                                resolve(s.step.phrases()),
                                index,
                                utterance.start(),
                                utterance.text(),
                                why.get());
                events.add(s.suggested);
            }
        }
        return events;
    }

    /**
     * Everything this session knows, as plain data (records of strings and numbers, for JSON):
     * {@link AgentAssist#resume} continues from it as if no break had happened.
     */
    public Saved saved() {
        List<Saved.PlaybookProgress> progress = new ArrayList<>();
        for (PlaybookState p : playbooks) {
            List<Saved.StepProgress> steps = new ArrayList<>();
            for (StepState st : p.steps) {
                steps.add(new Saved.StepProgress(st.step.id(), st.doneAt, st.suggested));
            }
            progress.add(
                    new Saved.PlaybookProgress(p.playbook.id(), p.raisedAt, p.evidence, steps));
        }
        Map<Speaker, List<Saved.Heard>> heard = new EnumMap<>(Speaker.class);
        runs.forEach(
                (speaker, run) ->
                        heard.put(
                                speaker,
                                run.stream()
                                        .map(r -> new Saved.Heard(r.text.text(), r.end))
                                        .toList()));
        return new Saved(next, category.sums(), progress, heard);
    }

    /** Continues from {@code saved}; see {@link AgentAssist#resume}. */
    void restore(Saved saved) {
        if (saved.playbooks().size() != playbooks.size()) {
            throw new IllegalArgumentException(
                    "saved assist state has "
                            + saved.playbooks().size()
                            + " playbooks, the pack "
                            + playbooks.size()
                            + ": resume with the pack the call started with");
        }
        for (int i = 0; i < playbooks.size(); i++) {
            PlaybookState p = playbooks.get(i);
            Saved.PlaybookProgress sp = saved.playbooks().get(i);
            if (!p.playbook.id().equals(sp.playbook()) || p.steps.size() != sp.steps().size()) {
                throw new IllegalArgumentException(
                        "saved assist state has playbook "
                                + sp.playbook()
                                + " where the pack has "
                                + p.playbook.id()
                                + ": resume with the pack the call started with");
            }
            p.raisedAt = sp.raisedAt();
            p.evidence = sp.evidence();
            for (int k = 0; k < p.steps.size(); k++) {
                StepState st = p.steps.get(k);
                Saved.StepProgress ss = sp.steps().get(k);
                if (!st.step.id().equals(ss.step())) {
                    throw new IllegalArgumentException(
                            "saved assist state has step "
                                    + ss.step()
                                    + " of playbook "
                                    + sp.playbook()
                                    + " where the pack has "
                                    + st.step.id());
                }
                st.doneAt = ss.doneAt();
                st.suggested = ss.suggested();
            }
        }
        category.restore(saved.category());
        runs.clear();
        saved.recent()
                .forEach(
                        (speaker, parts) -> {
                            Deque<Part> run = new ArrayDeque<>();
                            for (Saved.Heard h : parts) {
                                run.addLast(new Part(SpokenText.of(h.text()), h.end()));
                            }
                            runs.put(speaker, run);
                        });
        next = saved.next();
    }

    /**
     * An assist session's state between two utterances.
     *
     * @param next the index the next utterance gets
     * @param category the running call classification
     * @param playbooks per playbook, in pack order, what it has seen
     * @param recent per speaker, the last utterances still close enough to join the next one
     */
    public record Saved(
            int next,
            RunningClassification.Sums category,
            List<PlaybookProgress> playbooks,
            Map<Speaker, List<Heard>> recent) {

        /** Copies the collections. */
        public Saved {
            playbooks = List.copyOf(playbooks);
            recent = Map.copyOf(recent);
        }

        /** A playbook's progress: raised at which utterance (-1: not yet), and by what. */
        public record PlaybookProgress(
                String playbook, int raisedAt, String evidence, List<StepProgress> steps) {
            /** Copies the list. */
            public PlaybookProgress {
                steps = List.copyOf(steps);
            }
        }

        /** A step's progress: done at which utterance (-1: not yet), and what was shown. */
        public record StepProgress(String step, int doneAt, AssistEvent.Suggested suggested) {}

        /** One recent utterance's words and end, seconds into the call. */
        public record Heard(String text, double end) {}
    }

    /** The steps shown and not yet done, in pack order. */
    public List<AssistEvent.Suggested> open() {
        List<AssistEvent.Suggested> out = new ArrayList<>();
        for (PlaybookState p : playbooks) {
            for (StepState s : p.steps) {
                if (s.suggested != null && s.doneAt < 0) {
                    out.add(s.suggested);
                }
            }
        }
        return out;
    }

    /** What was raised and suggested so far, and whether the agent followed it. */
    public AssistReport report() {
        List<AssistReport.RaisedPlaybook> raised = new ArrayList<>();
        playbooks.stream()
                .filter(p -> p.raisedAt >= 0)
                .sorted((a, b) -> Integer.compare(a.raisedAt, b.raisedAt))
                .forEach(
                        p -> {
                            List<AssistReport.StepOutcome> steps = new ArrayList<>();
                            for (StepState s : p.steps) {
                                steps.add(
                                        new AssistReport.StepOutcome(
                                                p.playbook.id(),
                                                s.step.id(),
                                                s.suggested == null
                                                        ? OptionalInt.empty()
                                                        : OptionalInt.of(s.suggested.utterance()),
                                                s.doneAt < 0
                                                        ? OptionalInt.empty()
                                                        : OptionalInt.of(s.doneAt)));
                            }
                            raised.add(
                                    new AssistReport.RaisedPlaybook(
                                            p.playbook.id(), p.raisedAt, p.evidence, steps));
                        });
        return new AssistReport(raised);
    }

    /**
     * Whether a playbook for this issue is already raised: alternatives for one problem are not
     * shown side by side, and the first one raised stays (pack order within one utterance).
     */
    private boolean issueRaised(String issue) {
        for (PlaybookState p : playbooks) {
            if (p.raisedAt >= 0 && p.playbook.issue().equals(issue)) {
                return true;
            }
        }
        return false;
    }

    /** The utterance with the speaker's previous ones that are close enough to join it. */
    private List<SpokenText> stream(Utterance u) {
        Deque<Part> run = runs.computeIfAbsent(u.speaker(), s -> new ArrayDeque<>());
        if (!run.isEmpty() && u.start() - run.peekLast().end > joinWithin) {
            run.clear();
        }
        run.addLast(new Part(SpokenText.of(u.text()), u.end()));
        while (run.size() > RUN_LENGTH) {
            run.removeFirst();
        }
        List<SpokenText> out = new ArrayList<>(run.size());
        for (Part p : run) {
            out.add(p.text);
        }
        return out;
    }

    /**
     * Whether the call may be about one of the categories: the utterance or the call so far is
     * classified as one of them, or neither is about any topic yet. The classifier calls procedure
     * and a short first statement of an issue ("it still hasn't shown up") the residual category,
     * which is no evidence against a topic; only another topic is.
     */
    private boolean inCategory(List<String> cats, Classification own, Classification call) {
        if (cats.isEmpty() || cats.contains(own.label()) || cats.contains(call.label())) {
            return true;
        }
        return own.label().equals(residual) && call.label().equals(residual);
    }

    private static boolean speaks(Optional<Speaker> who, Utterance u) {
        return who.isEmpty() || who.get() == u.speaker();
    }

    /** What shows the cue in the stream ending with this utterance: matched words or an act. */
    private Optional<String> shows(
            Cue cue, List<String> phrases, List<SpokenText> stream, ActScores scores) {
        if (!phrases.isEmpty()) {
            Optional<PhraseMatch> m = assist.matcher().findAny(stream, phrases);
            if (m.isPresent()) {
                return Optional.of(m.get().matched());
            }
        }
        if (scores != null) {
            for (String act : cue.acts()) {
                if (scores.score(DialogueAct.fromId(act)) >= cue.minConfidence()) {
                    return Optional.of("act " + act);
                }
            }
        }
        return Optional.empty();
    }

    /** Phrases with variables filled in; a phrase naming a variable left unset is dropped. */
    private List<String> resolve(List<String> phrases) {
        List<String> out = new ArrayList<>();
        for (String p : phrases) {
            String r = fillOrNull(p);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Advice text with variables filled in; an unset variable is left as written. */
    private String fill(String text) {
        String r = fillOrNull(text);
        return r == null ? text : r;
    }

    private String fillOrNull(String phrase) {
        if (phrase.indexOf('{') < 0) {
            return phrase;
        }
        Matcher m = PLACEHOLDER.matcher(phrase);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = variables.get(m.group(1).trim());
            if (v == null) {
                return null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private record Part(SpokenText text, double end) {}

    private static final class PlaybookState {
        final Playbook playbook;
        final List<String> triggerPhrases;
        final List<StepState> steps = new ArrayList<>();
        int raisedAt = -1;
        String evidence;

        PlaybookState(Playbook playbook, List<String> triggerPhrases) {
            this.playbook = playbook;
            this.triggerPhrases = triggerPhrases;
        }
    }

    private static final class StepState {
        final PlaybookStep step;
        final List<String> donePhrases;
        AssistEvent.Suggested suggested;
        int doneAt = -1;

        StepState(PlaybookStep step, List<String> donePhrases) {
            this.step = step;
            this.donePhrases = donePhrases;
        }
    }
}
