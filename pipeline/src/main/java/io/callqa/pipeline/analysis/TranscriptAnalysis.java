package io.callqa.pipeline.analysis;

import io.callqa.analysis.Asr;
import io.callqa.analysis.AudioSignals;
import io.callqa.analysis.CallReporter;
import io.callqa.analysis.Source;
import io.callqa.analysis.document.AlertDocument;
import io.callqa.analysis.document.CallDocument;
import io.callqa.analysis.document.CallDocuments;
import io.callqa.audio.AudioFormatException;
import io.callqa.audio.AudioSource;
import io.callqa.audio.CallFeatures;
import io.callqa.audio.FeatureSettings;
import io.callqa.audio.WavDecoder;
import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.pipeline.asr.RecordingTranscriber;
import io.callqa.pipeline.source.CallFiles;
import io.callqa.pipeline.source.CallInput;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptException;
import io.callqa.rules.transcript.TranscriptReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads a pre-transcribed call (sidecar JSON, from a file or a Kafka record) and turns it into its
 * call document. A file that cannot be read or is not a valid transcript becomes a {@link
 * DeadLetter} on {@link #DEAD_LETTERS}; the operator carries on with the next file.
 *
 * <p>Each input is isolated: whatever its analysis throws, Errors such as a {@link
 * StackOverflowError} in a rule included, becomes a dead letter naming the input and the failure
 * ({@link RecordFailure}), and the job goes on. Only the emitting of the results stays outside, so
 * that a failing sink still fails the task instead of being mistaken for a bad input.
 */
public class TranscriptAnalysis extends ProcessFunction<CallInput, CallDocument> {
    private static final long serialVersionUID = 1L;

    /** Side output for inputs that could not be analysed. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = DeadLetter.OUTPUT;

    /** Side output for the alerts a call raised. */
    public static final OutputTag<AlertDocument> ALERTS =
            new OutputTag<>("alerts") {
                private static final long serialVersionUID = 1L;
            };

    static final String STAGE = "transcript";
    static final String AUDIO_STAGE = "audio";

    private final String modelDir;
    private final TranscriptReader.Limits limits;

    private transient TranscriptReader reader;
    private transient CallReporter reporter;
    private transient io.callqa.audio.CallAnalyzer audioAnalyzer;
    private transient BatchCounters progress;

    /** A call's recording as analysed: where it is, its hash and what audio analysis measured. */
    private record Recording(String uri, String sha256, CallFeatures features) {}

    /** Analysis of transcribed calls; recordings without a transcript are reported. */
    public TranscriptAnalysis() {
        this(null);
    }

    /**
     * @param modelDir the Vosk model that transcribes recordings without a transcript, or null to
     *     report them instead
     */
    public TranscriptAnalysis(String modelDir) {
        this(modelDir, TranscriptReader.Limits.DEFAULTS);
    }

    /**
     * @param modelDir as above
     * @param limits transcripts beyond these are rejected with the limit they exceed
     */
    public TranscriptAnalysis(String modelDir, TranscriptReader.Limits limits) {
        this.modelDir = modelDir;
        this.limits = limits;
    }

    @Override
    public void open(OpenContext openContext) {
        reader = new TranscriptReader(limits);
        reporter = new CallReporter(DynamicsSettings.DEFAULTS);
        audioAnalyzer = new io.callqa.audio.CallAnalyzer(FeatureSettings.DEFAULTS);
        progress = BatchCounters.register(getRuntimeContext());
    }

    @Override
    public void processElement(CallInput file, Context ctx, Collector<CallDocument> out) {
        List<CallDocuments.Written> results = new ArrayList<>();
        try {
            analyse(file, ctx, results::add);
        } catch (Throwable t) {
            RecordFailure.rethrowIfFatal(t);
            // Nothing of this input was emitted yet: its results wait in the list below.
            reject(ctx, file, file.uri + ": could not be analysed: " + RecordFailure.describe(t));
            return;
        }
        for (CallDocuments.Written built : results) {
            out.collect(built.call());
            built.alerts().forEach(a -> ctx.output(ALERTS, a));
        }
    }

    private void analyse(CallInput file, Context ctx, Consumer<CallDocuments.Written> out) {
        if (file.payload == null && CallFiles.isUnsupportedAudio(file.uri)) {
            unsupportedAudio(file, ctx);
            return;
        }
        if (file.payload == null && CallFiles.isRecording(file.uri)) {
            audioOnly(file, ctx, out);
            return;
        }
        byte[] bytes;
        try {
            bytes = read(file);
        } catch (IOException e) {
            reject(ctx, file, file.uri + ": cannot read: " + e.getMessage());
            return;
        }
        CallTranscript transcript;
        try {
            transcript = reader.read(file.uri, bytes);
        } catch (TranscriptException e) {
            reject(ctx, file, e.getMessage());
            return;
        }
        Recording recording = recording(file, transcript, ctx);
        Source source =
                recording == null
                        ? Source.transcript(file.uri, sha256(bytes))
                        : Source.recording(
                                recording.uri(), recording.sha256(), file.uri, sha256(bytes));
        out.accept(
                CallDocuments.write(
                        reporter.report(
                                transcript,
                                source,
                                Asr.PROVIDED,
                                recording == null ? null : recording.features())));
        progress.fileDone(transcript.speechEnd());
    }

    /**
     * A recording that came as its own input has no transcript beside it (the source leaves out a
     * recording whose transcript is there: {@link CallFiles}): it is transcribed when a model is
     * configured, and otherwise reported rather than left to vanish.
     */
    private void audioOnly(CallInput wav, Context ctx, Consumer<CallDocuments.Written> out) {
        Path sidecar = CallFiles.transcriptOf(new Path(wav.uri));
        if (modelDir != null) {
            transcribe(wav, ctx, out);
            return;
        }
        progress.error();
        ctx.output(
                DEAD_LETTERS,
                new DeadLetter(
                        wav.uri,
                        AUDIO_STAGE,
                        wav.uri
                                + ": no transcript beside it ("
                                + sidecar.getName()
                                + "). This version of the job analyses recorded calls through"
                                + " their sidecar transcripts; transcribe the call (for example"
                                + " with Vosk, see the README) and put the transcript beside the"
                                + " recording",
                        null,
                        System.currentTimeMillis()));
    }

    /**
     * Transcribes a recording that came without a transcript, then analyses it like any other call;
     * the call id is the file name without {@code .wav}.
     */
    private void transcribe(CallInput wav, Context ctx, Consumer<CallDocuments.Written> out) {
        Path path = new Path(wav.uri);
        String name = path.getName();
        String callId = name.substring(0, name.length() - ".wav".length());
        CallTranscript transcript;
        try {
            FileSystem fs = path.getFileSystem();
            long length = fs.getFileStatus(path).getLen();
            try (AudioSource audio = WavDecoder.open(fs.open(path), wav.uri, length)) {
                transcript =
                        RecordingTranscriber.transcribe(
                                audio, callId, java.nio.file.Path.of(modelDir));
            }
        } catch (IOException | RuntimeException e) {
            reject(
                    ctx,
                    wav,
                    e instanceof AudioFormatException
                            ? e.getMessage()
                            : wav.uri + ": could not transcribe: " + RecordFailure.describe(e));
            return;
        }
        if (transcript.utterances().isEmpty()) {
            reject(ctx, wav, wav.uri + ": Vosk (" + modelDir + ") recognized no words in it");
            return;
        }
        Recording recording = analyse(path, transcript, ctx);
        Asr vosk = new Asr("vosk", java.nio.file.Path.of(modelDir).getFileName().toString());
        out.accept(
                CallDocuments.write(
                        recording == null
                                ? reporter.report(
                                        transcript, Source.transcript(wav.uri, null), vosk, null)
                                : reporter.report(
                                        transcript,
                                        Source.recording(
                                                recording.uri(),
                                                recording.sha256(),
                                                wav.uri,
                                                recording.sha256()),
                                        vosk,
                                        recording.features())));
        progress.fileDone(transcript.speechEnd());
    }

    /** A recording callqa cannot decode is reported with how to convert it, not ignored. */
    private void unsupportedAudio(CallInput file, Context ctx) {
        String name = new Path(file.uri).getName();
        String base = name.substring(0, name.lastIndexOf('.'));
        progress.error();
        ctx.output(
                DEAD_LETTERS,
                new DeadLetter(
                        file.uri,
                        AUDIO_STAGE,
                        file.uri
                                + ": an audio format callqa does not decode ("
                                + name.substring(base.length())
                                + "); it reads WAV files (16-bit PCM, mu-law or A-law). Convert"
                                + " it, for example with `ffmpeg -i "
                                + name
                                + " -c:a pcm_s16le "
                                + base
                                + ".wav`, and put its transcript ("
                                + base
                                + ".json) beside it",
                        null,
                        System.currentTimeMillis()));
    }

    /**
     * The recording that the source found beside a transcript file, analysed with the transcript's
     * timings; null when there is none. A recording that cannot be used becomes a dead letter, and
     * the call is still analysed from its transcript alone.
     */
    private Recording recording(CallInput file, CallTranscript transcript, Context ctx) {
        if (file.recordingUri == null) {
            return null;
        }
        return analyse(new Path(file.recordingUri), transcript, ctx);
    }

    /**
     * Analyses the recording {@code wav} with the transcript's timings; null, and a dead letter,
     * when it cannot be used.
     */
    private Recording analyse(Path wav, CallTranscript transcript, Context ctx) {
        try {
            FileSystem fs = wav.getFileSystem();
            long length = fs.getFileStatus(wav).getLen();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            CallFeatures features;
            try (DigestInputStream in = new HashingStream(fs.open(wav), sha);
                    AudioSource audio = WavDecoder.open(in, wav.toString(), length)) {
                features = audioAnalyzer.analyze(audio, AudioSignals.timings(transcript));
                // Hash the whole file, including any chunks after the audio data.
                in.transferTo(OutputStream.nullOutputStream());
            }
            return new Recording(wav.toString(), HexFormat.of().formatHex(sha.digest()), features);
        } catch (IOException | RuntimeException | Error e) {
            RecordFailure.rethrowIfFatal(e);
            String reason =
                    e instanceof AudioFormatException
                            ? e.getMessage()
                            : wav + ": " + RecordFailure.describe(e);
            progress.error();
            ctx.output(
                    DEAD_LETTERS,
                    new DeadLetter(
                            wav.toString(),
                            AUDIO_STAGE,
                            reason + "; the call was analysed from its transcript alone",
                            transcript.callId(),
                            System.currentTimeMillis()));
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] read(CallInput file) throws IOException {
        if (file.payload != null) {
            return file.payload;
        }
        if (file.sizeBytes > TranscriptReader.MAX_BYTES) {
            throw new IOException(
                    file.sizeBytes
                            + " bytes is over the "
                            + TranscriptReader.MAX_BYTES
                            + "-byte limit for transcripts");
        }
        Path path = new Path(file.uri);
        try (InputStream in = path.getFileSystem().open(path)) {
            return in.readNBytes((int) TranscriptReader.MAX_BYTES + 1);
        }
    }

    private void reject(Context ctx, CallInput file, String reason) {
        progress.fileDone(0);
        progress.error();
        ctx.output(
                DEAD_LETTERS,
                new DeadLetter(file.uri, STAGE, reason, null, System.currentTimeMillis()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Digests every byte, skipped ones included: the decoder skips chunks it does not need, and a
     * plain {@link DigestInputStream} would leave those out of the recording's hash.
     */
    private static final class HashingStream extends DigestInputStream {
        private final byte[] skipBuffer = new byte[8192];

        HashingStream(InputStream in, MessageDigest digest) {
            super(in, digest);
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n) {
                int r = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }
}
