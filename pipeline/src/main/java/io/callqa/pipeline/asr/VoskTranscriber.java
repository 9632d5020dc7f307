package io.callqa.pipeline.asr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Transcribes one audio stream (one channel of one call) with Vosk, emitting utterances as Vosk
 * end-points them.
 *
 * <p>Native-memory rules from Vosk's issue tracker shape this class: it holds one recognizer for
 * its stream and a lease on the JVM's shared model; it feeds audio in chunks of at most {@link
 * #MAX_CHUNK_SECONDS} (large chunks collapse throughput); and it must be closed exactly once, by
 * the thread that used it (closing from another thread has crashed the JVM on JDK 17). A
 * transcriber is therefore not thread-safe and belongs to one operator instance.
 */
public final class VoskTranscriber implements AutoCloseable {

    /** Longest piece of audio handed to Vosk at once. */
    public static final double MAX_CHUNK_SECONDS = 0.2;

    private final RefCountedCache.Lease<Model> model;
    private final Recognizer recognizer;
    private final float sampleRate;
    private final int maxChunk;
    private final Thread owner = Thread.currentThread();
    private long samplesFed;
    private boolean closed;

    /**
     * A transcriber for 16-bit mono PCM at {@code sampleRate} (the rate the model expects, 8000 or
     * 16000 for the small models; resample before feeding).
     */
    public VoskTranscriber(Path modelDir, float sampleRate) throws IOException {
        if (!(sampleRate >= 8000 && sampleRate <= 48000)) {
            throw new IllegalArgumentException(
                    "sample rate must be between 8000 and 48000 Hz, got " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.maxChunk = Math.max(1, Math.round(sampleRate * (float) MAX_CHUNK_SECONDS));
        this.model = VoskModels.acquire(modelDir);
        Recognizer r;
        try {
            r = new Recognizer(model.value(), sampleRate);
        } catch (IOException | RuntimeException e) {
            releaseModel();
            throw e;
        }
        this.recognizer = r;
        recognizer.setWords(true);
    }

    /**
     * Feeds {@code n} samples and returns the utterances Vosk finalized meanwhile, with times
     * relative to the first sample ever fed.
     */
    public List<RecognizedUtterance> accept(short[] pcm, int n) {
        checkOpen();
        List<RecognizedUtterance> out = new ArrayList<>();
        short[] chunk = new short[Math.min(maxChunk, n)];
        for (int off = 0; off < n; off += maxChunk) {
            int len = Math.min(maxChunk, n - off);
            System.arraycopy(pcm, off, chunk, 0, len);
            boolean endpoint = recognizer.acceptWaveForm(chunk, len);
            samplesFed += len;
            if (endpoint) {
                VoskResults.parse(recognizer.getResult(), 0).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Ends the stream: returns what Vosk still held as the last utterance, if any. */
    public List<RecognizedUtterance> finish() {
        checkOpen();
        return VoskResults.parse(recognizer.getFinalResult(), 0).stream().toList();
    }

    /** Seconds of audio fed so far. */
    public double secondsFed() {
        return samplesFed / (double) sampleRate;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException(
                    "a Vosk transcriber must be closed by the thread that used it ("
                            + owner.getName()
                            + "), not "
                            + Thread.currentThread().getName());
        }
        closed = true;
        recognizer.close();
        releaseModel();
    }

    private void releaseModel() {
        try {
            model.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not release the Vosk model", e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this Vosk transcriber is closed");
        }
    }
}
