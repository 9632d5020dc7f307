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
 * Per-channel mean F0 on the sample calls against Praat's autocorrelation pitch (default settings,
 * 75-500 Hz, then a speaker-range second pass), run on the same files by this test. Skipped with a
 * message when {@code praat} is not installed ({@code apt-get install praat}; CI installs it).
 */
class PraatComparisonTest {
    /**
     * Pass 1 is Praat's default autocorrelation pitch, 75-500 Hz. Its mean is thrown off on a few
     * channels by Praat's own octave jumps (frames at 400+ Hz in a 90 Hz voice), so pass 2 redoes
     * the analysis in the speaker's range, 0.75 x the first quartile to 1.5 x the third (the
     * two-pass method of De Looze and Hirst 2008, Hirst 2011). Both means are printed; callqa is
     * held to the two-pass one.
     */
    private static final String SCRIPT =
            String.join(
                    "\n",
                    "form Mean F0",
                    "    sentence file",
                    "    integer channel 1",
                    "endform",
                    "Read from file: file$",
                    "ch = Extract one channel: channel",
                    "To Pitch: 0, 75, 500",
                    "mean1 = Get mean: 0, 0, \"Hertz\"",
                    "q25 = Get quantile: 0, 0, 0.25, \"Hertz\"",
                    "q75 = Get quantile: 0, 0, 0.75, \"Hertz\"",
                    "selectObject: ch",
                    "To Pitch: 0, max(75, q25 * 0.75), min(500, q75 * 1.5)",
                    "mean2 = Get mean: 0, 0, \"Hertz\"",
                    "writeInfoLine: fixed$(mean1, 3), \" \", fixed$(mean2, 3)",
                    "");

    @TempDir Path tmp;

    @Test
    void meanF0PerChannelWithinFivePercentOfPraat() throws Exception {
        assumeTrue(
                onPath("praat"),
                "skipped: praat is not on the PATH (apt-get install praat; .ci/run installs it)");
        Path script = tmp.resolve("f0.praat");
        Files.writeString(script, SCRIPT);
        List<Double> errors = new ArrayList<>();
        System.out.println("call                 channel   callqa  Praat-1pass Praat-2pass  diff");
        for (Path side : SampleCalls.sidecars()) {
            JsonNode j = SampleCalls.read(side);
            Path wav = SampleCalls.wav(side, j);
            CallFeatures f = new CallAnalyzer(FeatureSettings.DEFAULTS).analyze(wav);
            int c = 1;
            for (ChannelFeatures ch : f.channels().values()) {
                double ours = ch.prosody().pitchMeanHz();
                double[] pr = praat(script, wav, c++);
                double praat = pr[1];
                double diff = (ours - praat) / praat;
                errors.add(Math.abs(diff));
                System.out.printf(
                        "%-20s %-8s %7.1f %10.1f %11.1f %+5.1f%%%n",
                        j.path("call_id").asText(), ch.name(), ours, pr[0], praat, 100 * diff);
                assertThat(Math.abs(diff))
                        .as("%s %s: callqa %.1f Hz, Praat %.1f Hz", wav, ch.name(), ours, praat)
                        .isLessThanOrEqualTo(0.05);
            }
        }
        double[] sorted = errors.stream().mapToDouble(d -> d).sorted().toArray();
        System.out.printf(
                "median |diff| %.2f%%, max %.2f%% over %d channels%n",
                100 * sorted[sorted.length / 2], 100 * sorted[sorted.length - 1], sorted.length);
    }

    private static double[] praat(Path script, Path wav, int channel) throws Exception {
        Process p =
                new ProcessBuilder(
                                "praat",
                                "--run",
                                script.toString(),
                                wav.toAbsolutePath().toString(),
                                Integer.toString(channel))
                        .redirectErrorStream(true)
                        .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("praat did not finish within 60 s on " + wav);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new IOException("praat failed on " + wav + ": " + out);
        }
        String[] two = out.split("\\s+");
        return new double[] {Double.parseDouble(two[0]), Double.parseDouble(two[1])};
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(File.pathSeparator))
                        .anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
    }
}
