package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * callqa's pitch on the sample calls against Praat's autocorrelation pitch with its default
 * settings and the range 75-500 Hz ({@code To Pitch: 0, 75, 500}), run on the same files by this
 * test. Skipped with a message when {@code praat} is not installed ({@code apt-get install praat};
 * CI installs it).
 *
 * <p>On a few low voices Praat's own track holds octave jumps: where an utterance ends in a fall
 * below the 75 Hz floor, it reports a high harmonic instead (for example 476-479 Hz at 18.04-18.09
 * s on the customer channel of s-en-refund-01, in a voice whose other frames lie at 76-103 Hz).
 * Those frames raise Praat's plain mean by up to 9%. The test therefore holds callqa to the plain
 * mean on every channel where Praat's track has no frame more than an octave from its own median,
 * and to the mean without those frames where it has some; it prints both, the number of frames
 * dropped, and compares the tracks frame by frame.
 */
class PraatComparisonTest {
    /** Every voiced frame of Praat's default pitch analysis, one "time f0" line each. */
    private static final String SCRIPT =
            String.join(
                    "\n",
                    "form Pitch frames",
                    "    sentence file",
                    "    integer channel 1",
                    "endform",
                    "Read from file: file$",
                    "Extract one channel: channel",
                    "To Pitch: 0, 75, 500",
                    "n = Get number of frames",
                    "for i to n",
                    "    f = Get value in frame: i, \"Hertz\"",
                    "    if f <> undefined",
                    "        t = Get time from frame number: i",
                    "        appendInfoLine: fixed$(t, 4), \" \", fixed$(f, 2)",
                    "    endif",
                    "endfor",
                    "");

    @TempDir Path tmp;

    @Test
    void meanF0PerChannelWithinFivePercentOfPraat() throws Exception {
        assumeTrue(
                onPath("praat"),
                "skipped: praat is not on the PATH (apt-get install praat; .ci/run installs it)");
        Path script = tmp.resolve("f0.praat");
        Files.writeString(script, SCRIPT);
        List<Double> plainErrors = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        int jumpChannels = 0;
        double worstAgreement = 1;
        System.out.println(
                "call              channel   callqa   Praat  diff | w/o jumps  diff  jumps"
                        + " | both voiced  F0 within 5%  Praat-voiced found");
        for (Path side : SampleCalls.sidecars()) {
            JsonNode j = SampleCalls.read(side);
            Path wav = SampleCalls.wav(side, j);
            CallFeatures f = new CallAnalyzer(FeatureSettings.DEFAULTS).analyze(wav);
            int c = 0;
            for (ChannelFeatures ch : f.channels().values()) {
                double[][] praat = praatFrames(script, wav, c + 1);
                FrameTrack ours = track(wav, c++);
                double ourMean = ch.prosody().pitchMeanHz();
                double plain = mean(praat[1]);
                double median = median(praat[1]);
                double[] inOctave =
                        Arrays.stream(praat[1])
                                .filter(hz -> hz > median / 2 && hz < median * 2)
                                .toArray();
                int jumps = praat[1].length - inOctave.length;
                double clean = mean(inOctave);
                double plainDiff = (ourMean - plain) / plain;
                double diff = (ourMean - clean) / clean;
                jumpChannels += jumps > 0 ? 1 : 0;

                // Frame by frame: callqa's frame i ends at (i + 1) hops and spans one window, so
                // its centre is WINDOW / 2 samples earlier; Praat reports frame centres.
                double offset =
                        FrameTrack.HOP_S - FrameAnalyzer.WINDOW / 2.0 / AudioSource.ANALYSIS_RATE;
                int both = 0;
                int agree = 0;
                for (int k = 0; k < praat[0].length; k++) {
                    int i = (int) Math.round((praat[0][k] - offset) / FrameTrack.HOP_S);
                    if (i >= 0 && i < ours.size() && ours.f0(i) > 0) {
                        both++;
                        agree += Math.abs(ours.f0(i) - praat[1][k]) <= 0.05 * praat[1][k] ? 1 : 0;
                    }
                }
                double agreement = (double) agree / both;
                worstAgreement = Math.min(worstAgreement, agreement);
                System.out.printf(
                        "%-17s %-8s %7.1f %7.1f %+5.1f%% | %7.1f %+5.1f%% %5d | %11d %13.3f"
                                + " %18.2f%n",
                        j.path("call_id").asText(),
                        ch.name(),
                        ourMean,
                        plain,
                        100 * plainDiff,
                        clean,
                        100 * diff,
                        jumps,
                        both,
                        agreement,
                        (double) both / praat[0].length);
                String where = String.format("%s %s", wav.getFileName(), ch.name());
                if (jumps == 0) {
                    assertThat(Math.abs(plainDiff))
                            .as("%s: callqa %.1f Hz, Praat %.1f Hz", where, ourMean, plain)
                            .isLessThanOrEqualTo(0.05);
                }
                assertThat(Math.abs(diff))
                        .as(
                                "%s: callqa %.1f Hz, Praat without its %d octave jumps %.1f Hz",
                                where, ourMean, jumps, clean)
                        .isLessThanOrEqualTo(0.05);
                assertThat(agreement)
                        .as("%s: share of frames both call voiced with F0 within 5%%", where)
                        .isGreaterThanOrEqualTo(0.9);
                plainErrors.add(Math.abs(plainDiff));
                errors.add(Math.abs(diff));
            }
        }
        System.out.printf(
                "|diff| against Praat without octave jumps: median %.2f%%, max %.2f%% over %d"
                        + " channels; plain Praat mean: median %.2f%%, max %.2f%% (%d channels"
                        + " with jumps); F0 within 5%% on at least %.1f%% of the frames both call"
                        + " voiced%n",
                100 * median(errors),
                100 * max(errors),
                errors.size(),
                100 * median(plainErrors),
                100 * max(plainErrors),
                jumpChannels,
                100 * worstAgreement);
    }

    /** callqa's frame track of one channel (0-based), as {@link CallAnalyzer} measures it. */
    private static FrameTrack track(Path wav, int channel) throws IOException {
        try (AudioSource source = WavDecoder.open(wav)) {
            FrameAnalyzer analyzer =
                    new FrameAnalyzer(
                            wav.toString(),
                            PitchSettings.DEFAULTS,
                            VadSettings.DEFAULTS,
                            source.format().frames());
            float[][] block = new float[source.channels()][source.blockCapacity()];
            int n;
            while ((n = source.read(block)) >= 0) {
                analyzer.accept(block[channel], n);
            }
            return analyzer.finish();
        }
    }

    /** Praat's voiced frames of one channel (1-based): {times, F0 in Hz}. */
    private static double[][] praatFrames(Path script, Path wav, int channel) throws Exception {
        // Thousands of lines: to a file, so a full pipe can never stall Praat.
        Path out = script.resolveSibling("frames-" + channel + ".txt");
        Process p =
                new ProcessBuilder(
                                "praat",
                                "--run",
                                script.toString(),
                                wav.toAbsolutePath().toString(),
                                Integer.toString(channel))
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("praat did not finish within 60 s on " + wav);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new IOException("praat failed on " + wav + ": " + text);
        }
        String[] lines = text.split("\\R");
        double[][] frames = new double[2][lines.length];
        for (int k = 0; k < lines.length; k++) {
            String[] two = lines[k].trim().split("\\s+");
            frames[0][k] = Double.parseDouble(two[0]);
            frames[1][k] = Double.parseDouble(two[1]);
        }
        return frames;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double median(List<Double> v) {
        return median(v.stream().mapToDouble(d -> d).toArray());
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(d -> d).max().orElse(Double.NaN);
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(File.pathSeparator))
                        .anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
    }
}
