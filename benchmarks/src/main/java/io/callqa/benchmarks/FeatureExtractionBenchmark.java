package io.callqa.benchmarks;

import io.callqa.audio.AudioSource;
import io.callqa.audio.CallAnalyzer;
import io.callqa.audio.CallFeatures;
import io.callqa.audio.FeatureSettings;
import io.callqa.audio.WavDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Full feature extraction (decode, frames, pitch, voice activity, prosody, emotion, dynamics) of a
 * stereo 8 kHz sample call on one thread. The {@code audioSeconds} secondary result is seconds of
 * audio analysed per second of wall time: how many times faster than real time.
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar FeatureExtraction
 * </pre>
 *
 * Run from the repository root, or pass {@code -Dcallqa.samples=DIR}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Threads(1)
public class FeatureExtractionBenchmark {

    /** Stereo 8 kHz sample calls: PCM16 with line noise, and mu-law. */
    @Param({"s-en-refund-04.wav", "s-en-refund-02.wav"})
    public String call;

    private byte[] wav;
    private double durationS;
    private CallAnalyzer analyzer;

    /** Seconds of audio analysed, reported per second: the real-time factor. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class RealTime {
        /** Audio seconds analysed. */
        public double audioSeconds;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            audioSeconds = 0;
        }
    }

    /** Reads the call into memory, so the benchmark measures analysis, not the disk. */
    @Setup
    public void load() throws IOException {
        Path dir = Path.of(System.getProperty("callqa.samples", "samples"));
        wav = Files.readAllBytes(dir.resolve(call));
        analyzer = new CallAnalyzer(FeatureSettings.DEFAULTS);
        durationS = extract().durationS();
    }

    /** One full extraction. */
    @Benchmark
    public CallFeatures extract(RealTime rt) throws IOException {
        CallFeatures f = extract();
        rt.audioSeconds += durationS;
        return f;
    }

    private CallFeatures extract() throws IOException {
        try (AudioSource s = WavDecoder.open(new ByteArrayInputStream(wav), call, wav.length)) {
            return analyzer.analyze(s, List.of());
        }
    }
}
