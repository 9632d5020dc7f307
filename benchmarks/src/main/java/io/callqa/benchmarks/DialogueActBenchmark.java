package io.callqa.benchmarks;

import io.callqa.rules.acts.ActScores;
import io.callqa.rules.acts.DialogueActClassifier;
import io.callqa.rules.transcript.TranscriptException;
import io.callqa.rules.transcript.Utterance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Dialogue acts of every utterance of a 10-minute call on one thread, with the bundled model: the
 * call of {@link RuleAnalysisBenchmark} (sample calls played one after another), as written and as
 * a recognizer would give it (lower case, no punctuation).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DialogueAct
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
public class DialogueActBenchmark {

    /** Language of the call. */
    @Param({"en", "ko"})
    public String language;

    /** {@code written} as in the samples, or {@code recognizer}: lower case, no punctuation. */
    @Param({"written", "recognizer"})
    public String style;

    private List<String> utterances;
    private DialogueActClassifier classifier;

    /** Stitches the call and loads the model. */
    @Setup
    public void setUp() throws IOException, TranscriptException {
        Path dir = Path.of(System.getProperty("callqa.samples", "samples"));
        utterances =
                RuleAnalysisBenchmark.tenMinuteCall(dir, language).utterances().stream()
                        .map(Utterance::text)
                        .map(t -> style.equals("written") ? t : recognized(t))
                        .toList();
        classifier = DialogueActClassifier.defaults();
    }

    private static String recognized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ").strip();
    }

    /** Acts of every utterance of the call; one operation is one call. */
    @Benchmark
    public void classifyCall(Blackhole out) {
        for (String u : utterances) {
            ActScores s = classifier.classify(u, language);
            out.consume(s);
        }
    }
}
