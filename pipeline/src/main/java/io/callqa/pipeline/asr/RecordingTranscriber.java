package io.callqa.pipeline.asr;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.audio.AudioFormatException;
import io.callqa.audio.AudioSource;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Languages;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import io.callqa.rules.transcript.Word;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transcribes a stereo call recording with Vosk, one recognizer per channel (agent left, customer
 * right), into a transcript in callqa's format with one utterance per end-pointed stretch of
 * speech. A mono recording is refused: without separate channels nobody can tell who said what.
 */
public final class RecordingTranscriber {

    private RecordingTranscriber() {}

    /**
     * The transcript of {@code audio} (read at the analysis rate, 8 kHz), under {@code callId}.
     *
     * @throws AudioFormatException when the recording is not stereo or cannot be read
     */
    public static CallTranscript transcribe(AudioSource audio, String callId, Path modelDir)
            throws IOException {
        if (audio.channels() != 2) {
            throw new AudioFormatException(
                    audio.name(),
                    "a "
                            + audio.channels()
                            + "-channel recording cannot be transcribed per speaker; callqa"
                            + " needs the agent on the left channel and the customer on the"
                            + " right, or a transcript beside the recording");
        }
        Speaker[] speakers = {Speaker.AGENT, Speaker.CUSTOMER};
        List<Utterance> utterances = new ArrayList<>();
        VoskTranscriber[] recognizers = new VoskTranscriber[2];
        try {
            for (int c = 0; c < 2; c++) {
                recognizers[c] = new VoskTranscriber(modelDir, AudioSource.ANALYSIS_RATE);
            }
            float[][] block = new float[2][audio.blockCapacity()];
            short[] pcm = new short[audio.blockCapacity()];
            int n;
            while ((n = audio.read(block)) >= 0) {
                for (int c = 0; c < 2; c++) {
                    for (int i = 0; i < n; i++) {
                        pcm[i] = (short) Math.max(-32768, Math.min(32767, block[c][i] * 32768f));
                    }
                    add(utterances, speakers[c], recognizers[c].accept(pcm, n));
                }
            }
            for (int c = 0; c < 2; c++) {
                add(utterances, speakers[c], recognizers[c].finish());
            }
        } finally {
            for (VoskTranscriber r : recognizers) {
                if (r != null) {
                    r.close();
                }
            }
        }
        utterances.sort(Comparator.comparingDouble(Utterance::start));
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        extra.putObject("asr")
                .put("engine", "vosk")
                .put("model", modelDir.getFileName().toString());
        return new CallTranscript(
                callId,
                Languages.detect(utterances.stream().map(Utterance::text).toList()),
                Optional.empty(),
                Map.of(),
                Map.of(Speaker.AGENT, "left", Speaker.CUSTOMER, "right"),
                utterances,
                extra);
    }

    private static void add(List<Utterance> out, Speaker s, List<RecognizedUtterance> rs) {
        for (RecognizedUtterance r : rs) {
            List<Word> words = new ArrayList<>();
            for (RecognizedWord w : r.words()) {
                words.add(new Word(w.word(), w.start(), w.end(), w.confidence()));
            }
            out.add(new Utterance(s, r.start(), r.end(), r.text(), r.confidence(), words));
        }
    }
}
