package io.callqa.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.audio.AudioSource;
import io.callqa.audio.WavDecoder;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Long live calls for {@link LiveAlertLatencyBenchmark}: the samples of one language played one
 * after another, recording and sidecar alike, until the call lasts as long as asked. The recording
 * is stereo 16-bit PCM at the analysis rate (what the replayer sends anyway), two seconds of
 * silence between the parts, and every utterance moved by its part's offset.
 */
final class LongCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double GAP_S = 2.0;

    private LongCalls() {}

    /**
     * Writes {@code calls} long calls into {@code dir}, English and Korean by turns, call {@code i}
     * starting from the language's {@code i}-th sample.
     *
     * @return {@code dir}
     */
    static Path write(Path samples, int calls, double seconds, String suffix, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        // Each sample recurs some 80 times in an hour: decode it once.
        Map<Path, byte[]> decoded = new HashMap<>();
        List<String> languages = List.of("en", "ko");
        for (int i = 0; i < calls; i++) {
            String language = languages.get(i % languages.size());
            List<Path> parts = RuleAnalysisBenchmark.samplesOf(samples, language);
            int first = (i / languages.size()) % parts.size();
            List<Path> rotated = new ArrayList<>(parts.subList(first, parts.size()));
            rotated.addAll(parts.subList(0, first));
            write(rotated, seconds, "long-" + language + "-" + i + suffix, dir, decoded);
        }
        return dir;
    }

    /** One call of at least {@code seconds}, from {@code parts} in turn. */
    private static void write(
            List<Path> parts, double seconds, String id, Path dir, Map<Path, byte[]> decoded)
            throws IOException {
        Path pcm = dir.resolve(id + ".pcm");
        ArrayNode utterances = JSON.createArrayNode();
        ObjectNode sidecar = null;
        long frames = 0;
        int rate = AudioSource.ANALYSIS_RATE;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pcm), 1 << 16)) {
            for (int k = 0; frames < seconds * rate; k = (k + 1) % parts.size()) {
                Path side = parts.get(k);
                JsonNode j = JSON.readTree(side.toFile());
                if (sidecar == null) {
                    sidecar = (ObjectNode) j.deepCopy();
                }
                double offset = frames / (double) rate;
                for (JsonNode u : j.path("utterances")) {
                    ObjectNode moved = (ObjectNode) u.deepCopy();
                    moved.put("start", offset + u.path("start").asDouble());
                    moved.put("end", offset + u.path("end").asDouble());
                    utterances.add(moved);
                }
                Path wav = side.resolveSibling(j.path("audio").path("file").asText());
                byte[] pcmBytes = decoded.get(wav);
                if (pcmBytes == null) {
                    pcmBytes = decode(wav);
                    decoded.put(wav, pcmBytes);
                }
                out.write(pcmBytes);
                frames += pcmBytes.length / 4;
                long gap = Math.round(GAP_S * rate);
                out.write(new byte[(int) (gap * 4)]);
                frames += gap;
            }
        }
        Path wav = dir.resolve(id + ".wav");
        AudioFormat format = new AudioFormat(rate, 16, 2, true, false);
        try (InputStream in = Files.newInputStream(pcm);
                AudioInputStream audio = new AudioInputStream(in, format, frames)) {
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, wav.toFile());
        }
        Files.delete(pcm);
        sidecar.put("call_id", id);
        sidecar.remove("ground_truth");
        ObjectNode audio = (ObjectNode) sidecar.path("audio");
        audio.put("file", wav.toString());
        audio.put("sample_rate", rate);
        audio.put("encoding", "pcm16");
        audio.put("duration_s", frames / (double) rate);
        sidecar.set("utterances", utterances);
        Files.writeString(dir.resolve(id + ".json"), JSON.writeValueAsString(sidecar));
    }

    /** A recording as stereo 16-bit little-endian PCM at the analysis rate. */
    private static byte[] decode(Path wav) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioSource source = WavDecoder.open(wav)) {
            if (source.channels() != 2) {
                throw new IOException(wav + ": a long call needs stereo samples");
            }
            float[][] block = new float[2][source.blockCapacity()];
            byte[] bytes = new byte[block[0].length * 4];
            int n;
            while ((n = source.read(block)) >= 0) {
                for (int i = 0; i < n; i++) {
                    for (int ch = 0; ch < 2; ch++) {
                        int v = (int) Math.max(-32768, Math.min(32767, block[ch][i] * 32768f));
                        bytes[4 * i + 2 * ch] = (byte) v;
                        bytes[4 * i + 2 * ch + 1] = (byte) (v >> 8);
                    }
                }
                out.write(bytes, 0, 4 * n);
            }
        }
        return out.toByteArray();
    }
}
