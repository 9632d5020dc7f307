package io.callqa.rules.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The evaluation corpus of {@code src/test/resources/io/callqa/rules/eval/calls/}: invented calls
 * in a dev half (for tuning) and a test half (for reporting), labelled in their {@code
 * ground_truth}. See the README beside the calls.
 */
final class EvalCorpus {

    static final Path ROOT = Path.of("src/test/resources/io/callqa/rules/eval/calls");
    static final List<String> SPLITS = List.of("dev", "test");

    /**
     * Splits run only on request ({@code -Dcallqa.eval.split=tune}): calls written later for tuning
     * the call classifier, so that tuning does not keep reusing the dev half (see the README beside
     * the calls). Never part of the default run, which reports dev and test.
     */
    static final List<String> ON_REQUEST = List.of("tune");

    /**
     * The split asked for with {@code -Dcallqa.eval.split} (dev, test or tune), or the empty string
     * for the default run; any other value is refused, so that a typo does not silently run
     * nothing.
     */
    static String requestedSplit() {
        String only = System.getProperty("callqa.eval.split", "").strip();
        if (!only.isEmpty() && !SPLITS.contains(only) && !ON_REQUEST.contains(only)) {
            throw new IllegalArgumentException(
                    "callqa.eval.split: expected dev, test or tune, got '" + only + "'");
        }
        return only;
    }

    /** The splits a run covers: the one asked for, or dev and test when none was. */
    static List<String> splitsToRun(String requested) {
        return requested.isEmpty() ? SPLITS : List.of(requested);
    }

    /** A call of the corpus and its labels. */
    record LabelledCall(String split, CallTranscript call, Labels labels) {
        String id() {
            return call.callId();
        }

        String language() {
            return call.language();
        }
    }

    /** The ground truth of a call. */
    record Labels(
            String business,
            String category,
            Set<String> expectedViolations,
            boolean escalationRequested,
            List<String> piiSpoken) {

        static Labels of(String source, JsonNode truth) {
            if (truth == null || !truth.isObject()) {
                throw new IllegalArgumentException(source + ": no ground_truth object");
            }
            Set<String> violations = new LinkedHashSet<>();
            truth.path("expected_violations").forEach(n -> violations.add(n.asText()));
            List<String> pii = new ArrayList<>();
            truth.path("pii_spoken").forEach(n -> pii.add(n.asText()));
            String category = truth.path("category").asText("");
            if (category.isEmpty()) {
                throw new IllegalArgumentException(source + ": ground_truth.category is missing");
            }
            return new Labels(
                    truth.path("business").asText(""),
                    category,
                    violations,
                    truth.path("escalation_requested").asBoolean(),
                    pii);
        }
    }

    private EvalCorpus() {}

    /** Every call of one split, sorted by file name. */
    static List<LabelledCall> load(String split) {
        Path dir = ROOT.resolve(split);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list the evaluation calls", e);
        }
        List<LabelledCall> out = new ArrayList<>();
        TranscriptReader reader = new TranscriptReader();
        for (Path f : files) {
            try {
                CallTranscript call = reader.read(f);
                out.add(
                        new LabelledCall(
                                split,
                                call,
                                Labels.of(f.toString(), call.extra().get("ground_truth"))));
            } catch (Exception e) {
                throw new IllegalStateException(f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Both splits, dev first. */
    static List<LabelledCall> all() {
        List<LabelledCall> out = new ArrayList<>();
        for (String s : SPLITS) {
            out.addAll(load(s));
        }
        return out;
    }
}
