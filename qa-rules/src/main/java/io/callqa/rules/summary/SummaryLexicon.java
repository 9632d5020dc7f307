package io.callqa.rules.summary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the summarizer looks for in one language (action cues, next-step cues, closings,
 * identity questions, stop words, ...), read once from {@code summary/<language>.txt} beside this
 * class: {@code [section]} lines, then one lowercase entry a line; {@code #} starts a comment.
 */
final class SummaryLexicon {

    private static final Map<String, SummaryLexicon> LOADED =
            Map.of("en", load("en"), "ko", load("ko"));

    private final String language;
    private final Map<String, List<String>> sections;

    private SummaryLexicon(String language, Map<String, List<String>> sections) {
        this.language = language;
        this.sections = sections;
    }

    /** The lexicon of {@code language}, English for a language without one. */
    static SummaryLexicon of(String language) {
        return LOADED.getOrDefault(language, LOADED.get("en"));
    }

    /** The entries of a section in file order; empty when the file has no such section. */
    List<String> list(String section) {
        return sections.getOrDefault(section, List.of());
    }

    /** The entries of a section as a set. */
    Set<String> set(String section) {
        return Set.copyOf(list(section));
    }

    String language() {
        return language;
    }

    private static SummaryLexicon load(String language) {
        String resource = "summary/" + language + ".txt";
        Map<String, List<String>> sections = new LinkedHashMap<>();
        try (InputStream in = SummaryLexicon.class.getResourceAsStream(language + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("the summary lexicon " + resource + " is missing");
            }
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> current = null;
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                if (s.startsWith("[") && s.endsWith("]")) {
                    current =
                            sections.computeIfAbsent(
                                    s.substring(1, s.length() - 1), k -> new ArrayList<>());
                } else if (current == null) {
                    throw new IllegalStateException(
                            resource + " line " + lineNo + ": an entry before any [section]");
                } else {
                    current.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the summary lexicon " + resource, e);
        }
        sections.replaceAll((k, v) -> List.copyOf(v));
        return new SummaryLexicon(language, Map.copyOf(sections));
    }
}
