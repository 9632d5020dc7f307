package io.callqa.benchmarks;

import io.callqa.audio.AudioSource;
import io.callqa.audio.WavDecoder;
import io.callqa.pipeline.asr.RecognizedUtterance;
import io.callqa.pipeline.asr.VoskModelNotFoundException;
import io.callqa.pipeline.asr.VoskModels;
import io.callqa.pipeline.asr.VoskTranscriber;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.TranscriptException;
import io.callqa.rules.transcript.TranscriptReader;
import io.callqa.rules.transcript.Utterance;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Vosk on the sample calls, when {@value VoskModels#ENV} names a model: how many times faster than
 * real time one core transcribes (audio seconds per CPU second of the transcribing thread, one
 * value per call), and the word error rate against the sidecar transcripts. Each channel of a
 * stereo call is its own stream (left agent, right customer), as in the pipeline. Without a model
 * both lines say {@code no model}.
 *
 * <p>The model's language is {@code ko} when its folder name contains {@code -ko}, else {@code en};
 * only that language's samples are transcribed.
 *
 * <pre>
 * CALLQA_VOSK_MODEL=models/vosk-model-small-en-us-0.15 \
 *   java -cp benchmarks/target/benchmarks.jar io.callqa.benchmarks.VoskBenchmark
 * </pre>
 */
public final class VoskBenchmark {

    private static final String RTF = "Vosk: real time per core";
    private static final String WER = "Vosk: word error rate vs sidecar transcripts";

    private VoskBenchmark() {}

    /** Entry point; options {@code --samples DIR --out FILE}. */
    public static void main(String[] args) throws Exception {
        BenchArgs.run("VoskBenchmark", args, VoskBenchmark::measure);
    }

    private static void measure(String[] args) throws Exception {
        BenchArgs opt = new BenchArgs(args, List.of("--samples", "--out"));
        Path samples = opt.path("--samples", "samples");
        Path out = opt.path("--out", "benchmarks/target/bench/vosk.json");
        Optional<String> env = Optional.ofNullable(System.getenv(VoskModels.ENV));
        List<Figure> figures;
        if (env.filter(s -> !s.isBlank()).isEmpty()) {
            figures = List.of(Figure.missing(RTF, "no model"), Figure.missing(WER, "no model"));
        } else {
            Path model;
            try {
                model = VoskModels.resolve(Optional.empty(), env);
            } catch (VoskModelNotFoundException e) {
                // The full reason is in the log; the table keeps to one short line.
                System.err.println(e.getMessage());
                String why = "no model (" + env.get().trim() + " is not a Vosk model folder)";
                figures = List.of(Figure.missing(RTF, why), Figure.missing(WER, why));
                BenchReport.writePart(out, figures);
                System.out.print(BenchTable.format(figures));
                return;
            }
            figures = measure(model, samples);
        }
        BenchReport.writePart(out, figures);
        System.out.print(BenchTable.format(figures));
    }

    private static List<Figure> measure(Path model, Path samples)
            throws IOException, TranscriptException {
        String language =
                model.getFileName().toString().toLowerCase(Locale.ROOT).contains("-ko")
                        ? "ko"
                        : "en";
        List<Path> calls;
        try (Stream<Path> s = Files.list(samples)) {
            calls =
                    s.filter(
                                    p -> {
                                        String n = p.getFileName().toString();
                                        return n.startsWith("s-" + language + "-")
                                                && n.endsWith(".json")
                                                && Files.exists(
                                                        p.resolveSibling(
                                                                n.replace(".json", ".wav")));
                                    })
                            .sorted()
                            .toList();
        }
        if (calls.isEmpty()) {
            String why = "no " + language + " sample calls with recordings in " + samples;
            return List.of(Figure.missing(RTF, why), Figure.missing(WER, why));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        TranscriptReader reader = new TranscriptReader();
        WordErrorRate wer = new WordErrorRate();
        List<Double> realTime = new ArrayList<>();
        for (Path json : calls) {
            CallTranscript truth = reader.read(json);
            Path wav = json.resolveSibling(json.getFileName().toString().replace(".json", ".wav"));
            long c0 = mx.getCurrentThreadCpuTime();
            List<String> heard = transcribe(model, wav);
            double cpuS = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            double audioS;
            try (AudioSource a = WavDecoder.open(wav)) {
                audioS = a.format().durationS() * a.channels();
            }
            realTime.add(audioS / cpuS);
            List<Speaker> order = List.of(Speaker.AGENT, Speaker.CUSTOMER);
            for (int ch = 0; ch < Math.min(order.size(), heard.size()); ch++) {
                Speaker who = order.get(ch);
                String reference =
                        truth.utterances().stream()
                                .filter(u -> u.speaker() == who)
                                .map(Utterance::text)
                                .collect(Collectors.joining(" "));
                wer.add(reference, heard.get(ch));
            }
            System.err.printf(
                    "  %s: %.1fx real time per core%n", json.getFileName(), audioS / cpuS);
        }
        String note =
                String.format(
                        Locale.ROOT,
                        "Vosk (%s) on %d %s sample calls, each channel its own stream fed in"
                                + " chunks of at most %.1f s: audio seconds per CPU second of"
                                + " the transcribing thread (one run per call); WER pooled over"
                                + " %d reference words, lower-cased, punctuation removed.",
                        model.getFileName(),
                        calls.size(),
                        language,
                        VoskTranscriber.MAX_CHUNK_SECONDS,
                        wer.referenceWords());
        return List.of(
                Figure.measured(RTF, "x real time", realTime, note),
                Figure.exact(WER, "fraction", wer.rate(), note));
    }

    /** The words Vosk heard on each channel of {@code wav}, in channel order. */
    private static List<String> transcribe(Path model, Path wav) throws IOException {
        List<String> out = new ArrayList<>();
        try (AudioSource audio = WavDecoder.open(wav)) {
            int channels = audio.channels();
            List<VoskTranscriber> recognizers = new ArrayList<>();
            List<StringBuilder> text = new ArrayList<>();
            try {
                for (int c = 0; c < channels; c++) {
                    recognizers.add(new VoskTranscriber(model, AudioSource.ANALYSIS_RATE));
                    text.add(new StringBuilder());
                }
                float[][] block = new float[channels][audio.blockCapacity()];
                short[] pcm = new short[audio.blockCapacity()];
                int n;
                while ((n = audio.read(block)) >= 0) {
                    for (int c = 0; c < channels; c++) {
                        for (int i = 0; i < n; i++) {
                            float v = Math.max(-1f, Math.min(1f, block[c][i]));
                            pcm[i] = (short) Math.round(v * Short.MAX_VALUE);
                        }
                        append(text.get(c), recognizers.get(c).accept(pcm, n));
                    }
                }
                for (int c = 0; c < channels; c++) {
                    append(text.get(c), recognizers.get(c).finish());
                    out.add(text.get(c).toString());
                }
            } finally {
                recognizers.forEach(VoskTranscriber::close);
            }
        }
        return out;
    }

    private static void append(StringBuilder text, List<RecognizedUtterance> utterances) {
        for (RecognizedUtterance u : utterances) {
            text.append(' ').append(u.text());
        }
    }
}
