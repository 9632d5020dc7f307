package io.callqa.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.rules.engine.CallAnalysis;
import io.callqa.rules.engine.CallAnalyzer;
import io.callqa.rules.pack.RulePackException;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptException;
import io.callqa.rules.transcript.TranscriptReader;
import io.callqa.rules.transcript.Utterance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The post-call analysis of a 10-minute call on one thread: PII redaction, the default rule pack,
 * the QA scorecard, the summary and the alerts ({@code qa-rules} {@link CallAnalyzer#analyze}). The
 * 10-minute transcript is stitched from the language's sample calls, one after another, so it holds
 * real greetings, identity checks, PII and complaints rather than repeated filler.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RuleAnalysis
 * </pre>
 *
 * Run from the repository root, or pass {@code -Dcallqa.samples=DIR}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Threads(1)
public class RuleAnalysisBenchmark {

    /** Length of the stitched call. */
    static final double CALL_SECONDS = 600;

    /** Language of the call and of its rule pack. */
    @Param({"en", "ko"})
    public String language;

    private CallTranscript call;
    private CallAnalyzer analyzer;

    /** Stitches the call and loads the language's default pack. */
    @Setup
    public void setUp() throws IOException, TranscriptException, RulePackException {
        Path dir = Path.of(System.getProperty("callqa.samples", "samples"));
        call = tenMinuteCall(dir, language);
        analyzer = new CallAnalyzer(new RulePackLoader().loadDefault(language));
    }

    /** One whole post-call analysis. */
    @Benchmark
    public CallAnalysis analyze() {
        return analyzer.analyze(call);
    }

    /**
     * The sample calls of {@code language} ({@code s-<language>-*.json} in {@code samples}), played
     * one after another, 2 s apart, until the call lasts {@link #CALL_SECONDS}; utterances past it
     * are dropped.
     */
    static CallTranscript tenMinuteCall(Path samples, String language)
            throws IOException, TranscriptException {
        return stitched(samples, language, CALL_SECONDS);
    }

    /** The sample calls of one language ({@code s-<language>-*.json}), sorted by name. */
    static List<Path> samplesOf(Path samples, String language) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(samples)) {
            files =
                    s.filter(
                                    p -> {
                                        String n = p.getFileName().toString();
                                        return n.startsWith("s-" + language + "-")
                                                && n.endsWith(".json");
                                    })
                            .sorted()
                            .toList();
        }
        if (files.isEmpty()) {
            throw new IOException(
                    samples.toAbsolutePath()
                            + ": no sample transcripts s-"
                            + language
                            + "-*.json; run from the repository root or pass"
                            + " -Dcallqa.samples=DIR");
        }
        return files;
    }

    /** As {@link #tenMinuteCall}, for a call of {@code seconds}. */
    static CallTranscript stitched(Path samples, String language, double seconds)
            throws IOException, TranscriptException {
        List<Path> files = samplesOf(samples, language);
        TranscriptReader reader = new TranscriptReader();
        List<CallTranscript> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(reader.read(f));
        }
        List<Utterance> utterances = new ArrayList<>();
        double offset = 0;
        for (int i = 0; offset < seconds; i = (i + 1) % parts.size()) {
            CallTranscript part = parts.get(i);
            for (Utterance u : part.utterances()) {
                if (offset + u.end() > seconds) {
                    break;
                }
                utterances.add(
                        new Utterance(u.speaker(), offset + u.start(), offset + u.end(), u.text()));
            }
            offset += part.speechEnd() + 2;
        }
        CallTranscript first = parts.get(0);
        return new CallTranscript(
                "bench-" + Math.round(seconds / 60) + "min-" + language,
                language,
                first.startedAt(),
                first.metadata(),
                first.channels(),
                utterances,
                JsonNodeFactory.instance.objectNode());
    }
}
