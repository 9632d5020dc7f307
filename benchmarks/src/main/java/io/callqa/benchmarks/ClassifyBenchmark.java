package io.callqa.benchmarks;

import io.callqa.rules.classify.CallClassifier;
import io.callqa.rules.classify.Classification;
import io.callqa.rules.classify.TrainingCorpus;
import io.callqa.rules.classify.TrainingExample;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Utterances per second through {@link CallClassifier#classify(String, String)} with the default
 * model on one thread, over the held-out corpus lines (half English, half Korean, short and long),
 * with the language detected per line as {@code callqa classify} does by default.
 *
 * <p>Run: {@code java -cp "benchmarks/target/classes:$(cat cp.txt)" org.openjdk.jmh.Main
 * ClassifyBenchmark} (see the README, "Call classifier").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Threads(1)
public class ClassifyBenchmark {

    private CallClassifier classifier;
    private List<TrainingExample> utterances;
    private int next;

    /** Loads the default model and the utterances to classify. */
    @Setup
    public void setUp() {
        classifier = CallClassifier.defaultModel();
        utterances = TrainingCorpus.shipped().heldOut();
    }

    /** Classifies the next utterance; one operation is one utterance. */
    @Benchmark
    public Classification classifyUtterance() {
        TrainingExample e = utterances.get(next);
        next = next + 1 == utterances.size() ? 0 : next + 1;
        return classifier.classify(e.text(), "auto");
    }
}
