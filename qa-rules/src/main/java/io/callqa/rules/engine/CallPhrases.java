package io.callqa.rules.engine;

import io.callqa.rules.pack.Cue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack's phrases as one call says them: {@code {variable}} placeholders filled from the call's
 * metadata, or else from the pack's variables; a phrase naming a variable that both leave unset is
 * dropped. The batch engine and a live call's incremental evaluation resolve phrases alike.
 */
public final class CallPhrases {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");

    private final Map<String, String> variables;
    private final Map<Cue, List<String>> resolved = new IdentityHashMap<>();

    /** The phrases of a call with {@code metadata}, under a pack with {@code packVariables}. */
    public CallPhrases(Map<String, String> packVariables, Map<String, String> metadata) {
        this.variables = new HashMap<>(packVariables);
        // The call's own metadata (its brand) is more specific than the pack's default.
        metadata.forEach(
                (k, v) -> {
                    if (!v.isBlank()) {
                        variables.put(k, v);
                    }
                });
    }

    /** The cue's phrases with variables filled in, unresolvable ones dropped. */
    public List<String> phrases(Cue cue) {
        return resolved.computeIfAbsent(
                cue,
                c -> {
                    List<String> out = new ArrayList<>();
                    for (String p : c.phrases()) {
                        resolve(p).ifPresent(out::add);
                    }
                    return out;
                });
    }

    /** Whether the cue can be checked: it has an act, or a phrase left after variables. */
    public boolean checkable(Cue cue) {
        return !cue.acts().isEmpty() || !phrases(cue).isEmpty();
    }

    private Optional<String> resolve(String phrase) {
        if (phrase.indexOf('{') < 0) {
            return Optional.of(phrase);
        }
        Matcher m = PLACEHOLDER.matcher(phrase);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = variables.get(m.group(1).trim());
            if (v == null) {
                return Optional.empty();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return Optional.of(sb.toString());
    }
}
