package io.callqa.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.callqa.audio.ArousalSeparation;
import io.callqa.audio.CallAnalyzer;
import io.callqa.audio.ChannelFeatures;
import io.callqa.audio.EmotionEstimate;
import io.callqa.audio.EmotionEstimator;
import io.callqa.audio.EmotionReference;
import io.callqa.audio.FeatureSettings;
import io.callqa.audio.Prosody;
import io.callqa.audio.VoiceActivityAgreement;
import io.callqa.audio.dynamics.SpeechSegment;
import io.callqa.rules.classify.CallClassifier;
import io.callqa.rules.classify.ClassifierEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Accuracy on the public datasets in {@code ../shared/datasets} (see its README), with the
 * production code: the default call classifier on Bitext's 8k sample (mapped to four labels), voice
 * arousal on EmoDB anger vs neutral (AUC, arousal normalised per speaker over each actor's
 * utterances, as within a call), and voice activity on Harper Valley's separate agent and caller
 * recordings against the transcripts' word timings (10 ms frames, whole calls). The data is fixed,
 * so each figure is computed once. A dataset that is absent gives the line {@code dataset absent}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.callqa.benchmarks.AccuracyBenchmark \
 *     [--datasets ../shared/datasets] [--out benchmarks/target/bench/accuracy.json]
 * </pre>
 */
public final class AccuracyBenchmark {

    private static final String ABSENT = "dataset absent";

    private AccuracyBenchmark() {}

    /** Entry point; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        BenchArgs.run("AccuracyBenchmark", args, AccuracyBenchmark::measure);
    }

    private static void measure(String[] args) throws IOException {
        BenchArgs opt = new BenchArgs(args, List.of("--datasets", "--out"));
        Path datasets = opt.path("--datasets", "../shared/datasets");
        Path out = opt.path("--out", "benchmarks/target/bench/accuracy.json");
        List<Figure> figures = new ArrayList<>();
        figures.addAll(bitext(datasets.resolve("bitext/mapped_bitext_customer_service_8k.csv")));
        figures.add(emoDb(datasets.resolve("emodb-anger-neutral/wav")));
        figures.addAll(harperValley(datasets.resolve("harper-valley-subset")));
        BenchReport.writePart(out, figures);
        System.out.print(BenchTable.format(figures));
    }

    static List<Figure> bitext(Path csv) throws IOException {
        String acc = "accuracy: Bitext 8k classifier accuracy";
        String f1 = "accuracy: Bitext 8k classifier macro-F1";
        if (!Files.isRegularFile(csv)) {
            return List.of(Figure.missing(acc, ABSENT), Figure.missing(f1, ABSENT));
        }
        CallClassifier model = CallClassifier.defaultModel();
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows =
                mapper.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(csv.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String text = row.get("text");
                String label = row.get("label4");
                if (text == null || label == null) {
                    throw new IOException(csv + ": expected columns text and label4, got " + row);
                }
                gold.add(label);
                predicted.add(model.classify(text, "en").label());
            }
        }
        ClassifierEvaluation ev = ClassifierEvaluation.of(model.categories(), gold, predicted);
        String note =
                "Bitext: the default model (never trained on Bitext) on "
                        + ev.count()
                        + " utterances of mapped_bitext_customer_service_8k.csv, label4"
                        + " (refund/shipping/billing/other), classified as English.";
        return List.of(
                Figure.exact(acc, "fraction", ev.accuracy(), note),
                Figure.exact(f1, "fraction", ev.macroF1(), note));
    }

    static Figure emoDb(Path dir) throws IOException {
        String name = "accuracy: EmoDB arousal AUC, anger vs neutral";
        if (!Files.isDirectory(dir)) {
            return Figure.missing(name, ABSENT);
        }
        Map<String, List<Path>> bySpeaker = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".wav")).sorted().toList()) {
                // EmoDB file names: speaker in characters 1-2, emotion letter in character 6.
                bySpeaker
                        .computeIfAbsent(
                                p.getFileName().toString().substring(0, 2), k -> new ArrayList<>())
                        .add(p);
            }
        }
        CallAnalyzer analyzer = new CallAnalyzer(FeatureSettings.DEFAULTS);
        EmotionEstimator estimator = new EmotionEstimator(EmotionReference.LITERATURE);
        List<Double> anger = new ArrayList<>();
        List<Double> neutral = new ArrayList<>();
        for (List<Path> files : bySpeaker.values()) {
            List<Prosody> prosody = new ArrayList<>();
            for (Path f : files) {
                prosody.add(analyzer.analyze(f).channels().get("mixed").prosody());
            }
            List<EmotionEstimate> estimates = estimator.estimate(prosody);
            for (int i = 0; i < files.size(); i++) {
                char label = files.get(i).getFileName().toString().charAt(5);
                double arousal = estimates.get(i).arousal();
                if (label == 'W') {
                    anger.add(arousal);
                } else if (label == 'N') {
                    neutral.add(arousal);
                }
            }
        }
        return Figure.exact(
                name,
                "AUC",
                ArousalSeparation.auc(anger, neutral),
                String.format(
                        Locale.ROOT,
                        "EmoDB: %d anger and %d neutral utterances of %d speakers; arousal"
                                + " normalised against the literature reference and each"
                                + " speaker's own utterances.",
                        anger.size(),
                        neutral.size(),
                        bySpeaker.size()));
    }

    static List<Figure> harperValley(Path root) throws IOException {
        String p = "accuracy: Harper Valley VAD precision";
        String r = "accuracy: Harper Valley VAD recall";
        Path transcripts = root.resolve("transcript");
        if (!Files.isDirectory(transcripts)) {
            return List.of(Figure.missing(p, ABSENT), Figure.missing(r, ABSENT));
        }
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(transcripts)) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        VoiceActivityAgreement agreement = VoiceActivityAgreement.NONE;
        int recordings = 0;
        for (Path t : files) {
            String sid = t.getFileName().toString().replace(".json", "");
            JsonNode segments = json.readTree(t.toFile());
            for (String role : new String[] {"agent", "caller"}) {
                Path wav = root.resolve("audio").resolve(role).resolve(sid + ".wav");
                if (!Files.exists(wav)) {
                    continue;
                }
                ChannelFeatures ch =
                        new CallAnalyzer(FeatureSettings.DEFAULTS.withChannels(List.of(role)))
                                .analyze(wav)
                                .channels()
                                .get(role);
                List<SpeechSegment> words = new ArrayList<>();
                for (JsonNode seg : segments) {
                    if (!seg.path("speaker_role").asText().equals(role)) {
                        continue;
                    }
                    // Word times are relative to the segment, in this party's own recording.
                    double start = seg.path("start_ms").asDouble() / 1000;
                    JsonNode offsets = seg.path("word_offsets_ms");
                    JsonNode durations = seg.path("word_durations_ms");
                    for (int w = 0; w < offsets.size(); w++) {
                        double ws = start + offsets.get(w).asDouble() / 1000;
                        words.add(new SpeechSegment(ws, ws + durations.get(w).asDouble() / 1000));
                    }
                }
                agreement = agreement.plus(VoiceActivityAgreement.of(ch.activity().runs(), words));
                recordings++;
            }
        }
        String note =
                String.format(
                        Locale.ROOT,
                        "Harper Valley: voice activity of %d single-party 8 kHz recordings (%d"
                                + " calls) against the transcripts' word timings, 10 ms frames"
                                + " pooled over whole recordings.",
                        recordings,
                        files.size());
        return List.of(
                Figure.exact(p, "fraction", agreement.precision(), note),
                Figure.exact(r, "fraction", agreement.recall(), note));
    }
}
