package io.callqa.pipeline.source;

import java.time.Duration;
import java.util.Set;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;

/** Builds the {@link FileSource} over a directory of recorded calls. */
public final class CallFiles {

    /** Sidecar transcripts: the pre-transcribed input. */
    public static final Set<String> TRANSCRIPT_EXTENSIONS = Set.of(".json");

    private CallFiles() {}

    /**
     * A source of the transcript files under {@code dir}: bounded, or, when {@code watchEvery} is
     * non-null, monitoring the directory for new files at that interval.
     */
    public static FileSource<CallInput> transcripts(Path dir, Duration watchEvery) {
        FileSource.FileSourceBuilder<CallInput> builder =
                FileSource.forBulkFileFormat(new CallFileFormat(), dir)
                        .setFileEnumerator(() -> new CallFileEnumerator(TRANSCRIPT_EXTENSIONS));
        if (watchEvery != null) {
            builder.monitorContinuously(watchEvery);
        }
        return builder.build();
    }
}
