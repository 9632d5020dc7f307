package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.audio.dynamics.ConversationDynamics;
import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.audio.dynamics.SpeechSegment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Evaluation on public data nobody on the project wrote, from {@code ../../shared/datasets} (a
 * checkout with the shared folder beside it, as in CI). Prints its figures; skipped with a message
 * when the datasets are absent, since a fresh clone does not have them.
 */
class DatasetEvaluationTest {
    static final Path DATASETS = Path.of("../../shared/datasets");

    /**
     * EmoDB anger vs neutral: the arousal of each utterance, normalised per speaker as callqa does
     * within a call (all of one actor's utterances form the baseline), separates the two classes.
     */
    @Test
    void emoDbArousalSeparatesAngerFromNeutral() throws IOException {
        Path dir = DATASETS.resolve("emodb-anger-neutral/wav");
        assumeTrue(
                Files.isDirectory(dir),
                "skipped: "
                        + dir.toAbsolutePath().normalize()
                        + " is absent (evaluation data is"
                        + " not part of the repository; clone with ../shared beside it)");
        Map<String, List<Path>> bySpeaker = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".wav"))
                    .sorted()
                    .forEach(
                            p ->
                                    bySpeaker
                                            .computeIfAbsent(
                                                    p.getFileName().toString().substring(0, 2),
                                                    k -> new ArrayList<>())
                                            .add(p));
        }
        CallAnalyzer analyzer = new CallAnalyzer(FeatureSettings.DEFAULTS);
        EmotionEstimator estimator = new EmotionEstimator(EmotionReference.LITERATURE);
        List<double[]> scored = new ArrayList<>(); // {label, arousal, pop, self, f0, hf, rate}
        int[][] confusion = new int[2][3];
        for (List<Path> files : bySpeaker.values()) {
            List<Prosody> ps = new ArrayList<>();
            for (Path f : files) {
                ps.add(analyzer.analyze(f).channels().get("mixed").prosody());
            }
            List<EmotionEstimate> es = estimator.estimate(ps);
            for (int i = 0; i < files.size(); i++) {
                int anger = files.get(i).getFileName().toString().charAt(5) == 'W' ? 1 : 0;
                EmotionEstimate e = es.get(i);
                Prosody p = ps.get(i);
                scored.add(
                        new double[] {
                            anger,
                            e.arousal(),
                            e.populationArousal(),
                            e.speakerArousal(),
                            p.pitchMedianHz(),
                            p.hfRatioDb(),
                            p.syllablesPerS(),
                            p.energyMeanDbfs()
                        });
                confusion[anger][e.emotion().ordinal()]++;
            }
        }
        double auc = auc(scored, r -> r[1]);
        System.out.printf(
                "EmoDB anger vs neutral, %d utterances, %d speakers%n",
                scored.size(), bySpeaker.size());
        System.out.printf(
                "  AUC arousal %.3f | population half %.3f | speaker half %.3f%n",
                auc, auc(scored, r -> r[2]), auc(scored, r -> r[3]));
        System.out.printf(
                "  AUC per feature: median F0 %.3f, share above 1 kHz %.3f,"
                        + " syllable rate %.3f, energy %.3f%n",
                auc(scored, r -> r[4]),
                auc(scored, r -> r[5]),
                auc(scored, r -> r[6]),
                auc(scored, r -> r[7]));
        System.out.println("  labels      neutral agitated low");
        System.out.printf(
                "  neutral     %7d %8d %3d%n", confusion[0][0], confusion[0][1], confusion[0][2]);
        System.out.printf(
                "  anger       %7d %8d %3d%n", confusion[1][0], confusion[1][1], confusion[1][2]);
        assertThat(auc).isGreaterThanOrEqualTo(0.90);
    }

    /**
     * Harper Valley: frame-level voice activity on real 8 kHz telephone speech against the
     * transcripts' word timings (each party's own file).
     */
    @Test
    void harperValleyVoiceActivityAgainstWordTimings() throws IOException {
        Path root = DATASETS.resolve("harper-valley-subset");
        assumeTrue(
                Files.isDirectory(root.resolve("transcript")),
                "skipped: "
                        + root.toAbsolutePath().normalize()
                        + " is absent (evaluation data is"
                        + " not part of the repository; clone with ../shared beside it)");
        ObjectMapper json = new ObjectMapper();
        VoiceActivityAgreement all = VoiceActivityAgreement.NONE;
        long seconds = 0;
        System.out.println("Harper Valley VAD vs word timings (10 ms frames)");
        List<Path> transcripts;
        try (Stream<Path> s = Files.list(root.resolve("transcript"))) {
            transcripts = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path t : transcripts) {
            String sid = t.getFileName().toString().replace(".json", "");
            JsonNode segs = json.readTree(t.toFile());
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
                int frames = (int) Math.ceil(ch.prosody().speechS() / FrameTrack.HOP_S) + 1;
                List<SpeechSegment> words = new ArrayList<>();
                for (JsonNode seg : segs) {
                    if (!seg.path("speaker_role").asText().equals(role)) {
                        continue;
                    }
                    double start = seg.path("start_ms").asDouble() / 1000;
                    for (int w = 0; w < seg.path("word_offsets_ms").size(); w++) {
                        double ws = start + seg.path("word_offsets_ms").get(w).asDouble() / 1000;
                        double we = ws + seg.path("word_durations_ms").get(w).asDouble() / 1000;
                        words.add(new SpeechSegment(ws, we));
                    }
                }
                VoiceActivityAgreement one = VoiceActivityAgreement.of(ch.activity().runs(), words);
                all = all.plus(one);
                seconds += frames;
                System.out.printf(
                        "  %s %-6s precision %.3f recall %.3f%n",
                        sid, role, one.precision(), one.recall());
            }
        }
        double precision = all.precision();
        double recall = all.recall();
        System.out.printf(
                "  overall: precision %.3f recall %.3f (%d VAD frames, %d word frames)%n",
                precision, recall, all.activityFrames(), all.speechFrames());
        assertThat(seconds).isPositive();
        assertThat(precision).isGreaterThan(0.8);
        assertThat(recall).isGreaterThan(0.9);
    }

    /**
     * Harper Valley as stereo calls: the two parties' files mixed to agent-left/customer-right (the
     * agent's recording starts later; the transcript's offset_ms minus start_ms says by how much),
     * and the dynamics from voice activity compared with those from the transcripts' word timings.
     */
    @Test
    void harperValleyDynamicsFromVoiceActivityAgainstWordTimings() throws IOException {
        Path root = DATASETS.resolve("harper-valley-subset");
        assumeTrue(
                Files.isDirectory(root.resolve("transcript")),
                "skipped: "
                        + root.toAbsolutePath().normalize()
                        + " is absent (evaluation data is"
                        + " not part of the repository; clone with ../shared beside it)");
        ObjectMapper json = new ObjectMapper();
        List<Path> transcripts;
        try (Stream<Path> s = Files.list(root.resolve("transcript"))) {
            transcripts = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        System.out.println("Harper Valley dynamics: VAD vs word timings (seconds)");
        System.out.println(
                "  call              overtalk VAD/words   silence VAD/words   talk ratio");
        double sumOver = 0;
        double sumSilence = 0;
        int calls = 0;
        for (Path t : transcripts) {
            String sid = t.getFileName().toString().replace(".json", "");
            Path agentWav = root.resolve("audio/agent").resolve(sid + ".wav");
            Path callerWav = root.resolve("audio/caller").resolve(sid + ".wav");
            if (!Files.exists(agentWav) || !Files.exists(callerWav)) {
                continue;
            }
            JsonNode segs = json.readTree(t.toFile());
            double agentDelay = 0;
            List<TimedUtterance> words = new ArrayList<>();
            for (JsonNode seg : segs) {
                String role = seg.path("speaker_role").asText();
                double offset = seg.path("offset_ms").asDouble() / 1000;
                if (role.equals("agent")) {
                    agentDelay = offset - seg.path("start_ms").asDouble() / 1000;
                }
                for (int w = 0; w < seg.path("word_offsets_ms").size(); w++) {
                    double ws = offset + seg.path("word_offsets_ms").get(w).asDouble() / 1000;
                    double we = ws + seg.path("word_durations_ms").get(w).asDouble() / 1000;
                    words.add(
                            new TimedUtterance(
                                    role.equals("agent") ? "agent" : "customer", ws, we, 1));
                }
            }
            float[] agent = mono(agentWav);
            float[] caller = mono(callerWav);
            // Word times are on the conversation clock; whichever recording started later is
            // shifted onto it (a negative delay means the caller's file starts later).
            int delay = (int) Math.round(agentDelay * 8000);
            int agentAt = Math.max(0, delay);
            int callerAt = Math.max(0, -delay);
            int n = Math.max(caller.length + callerAt, agent.length + agentAt);
            float[] left = new float[n];
            System.arraycopy(agent, 0, left, agentAt, agent.length);
            float[] right = new float[n];
            System.arraycopy(caller, 0, right, callerAt, caller.length);
            byte[] stereo = TestWavs.wav(8000, Encoding.PCM_S16, left, right);
            CallFeatures vad;
            try (AudioSource s =
                    WavDecoder.open(new ByteArrayInputStream(stereo), sid, stereo.length)) {
                vad = new CallAnalyzer(FeatureSettings.DEFAULTS).analyze(s, List.of());
            }
            ConversationDynamics fromWords =
                    ConversationDynamics.measure(
                            segments(words, "agent"),
                            segments(words, "customer"),
                            vad.durationS(),
                            DynamicsSettings.DEFAULTS);
            ConversationDynamics d = vad.dynamics();
            System.out.printf(
                    "  %s   %5.2f / %5.2f       %5.1f / %5.1f      %.2f / %.2f%n",
                    sid,
                    d.overtalkS(),
                    fromWords.overtalkS(),
                    d.silenceS(),
                    fromWords.silenceS(),
                    d.agentTalkRatio(),
                    fromWords.agentTalkRatio());
            sumOver += Math.abs(d.overtalkS() - fromWords.overtalkS());
            sumSilence += Math.abs(d.silenceS() - fromWords.silenceS());
            calls++;
        }
        System.out.printf(
                "  mean absolute difference: overtalk %.2f s, silence %.2f s over %d calls%n",
                sumOver / calls, sumSilence / calls, calls);
        assertThat(calls).isPositive();
    }

    private static float[] mono(Path wav) throws IOException {
        try (AudioSource s = WavDecoder.open(wav)) {
            float[] block = new float[s.blockCapacity()];
            float[] out = new float[0];
            int n;
            while ((n = s.read(new float[][] {block})) >= 0) {
                int old = out.length;
                out = Arrays.copyOf(out, old + n);
                System.arraycopy(block, 0, out, old, n);
            }
            return out;
        }
    }

    private static List<SpeechSegment> segments(List<TimedUtterance> words, String speaker) {
        List<SpeechSegment> out = new ArrayList<>();
        for (TimedUtterance w : words) {
            if (w.speaker().equals(speaker)) {
                out.add(new SpeechSegment(w.start(), w.end()));
            }
        }
        return out;
    }

    /** AUC of {@code score} for label 1 over label 0 (rows are {label, scores...}). */
    static double auc(List<double[]> rows, ToDoubleFunction<double[]> score) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (double[] r : rows) {
            (r[0] == 1 ? pos : neg).add(score.applyAsDouble(r));
        }
        return ArousalSeparation.auc(pos, neg);
    }
}
