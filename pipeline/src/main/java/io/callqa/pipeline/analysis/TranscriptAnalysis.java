package io.callqa.pipeline.analysis;

import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.pipeline.document.CallDocument;
import io.callqa.pipeline.document.CallDocumentBuilder;
import io.callqa.pipeline.source.CallInput;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptException;
import io.callqa.rules.transcript.TranscriptReader;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads a pre-transcribed call (sidecar JSON, from a file or a Kafka record) and turns it into its
 * call document. A file that cannot be read or is not a valid transcript becomes a {@link
 * DeadLetter} on {@link #DEAD_LETTERS}; the operator carries on with the next file.
 */
public class TranscriptAnalysis extends ProcessFunction<CallInput, CallDocument> {
    private static final long serialVersionUID = 1L;

    /** Side output for inputs that could not be analysed. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = DeadLetter.OUTPUT;

    static final String STAGE = "transcript";

    private transient TranscriptReader reader;
    private transient CallDocumentBuilder documents;

    @Override
    public void open(OpenContext openContext) {
        reader = new TranscriptReader();
        documents = new CallDocumentBuilder(DynamicsSettings.DEFAULTS);
    }

    @Override
    public void processElement(CallInput file, Context ctx, Collector<CallDocument> out) {
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
        out.collect(documents.build(transcript, file.uri, sha256(bytes)));
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

    private static void reject(Context ctx, CallInput file, String reason) {
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
}
