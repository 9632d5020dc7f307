package io.callqa.pipeline.source;

import java.time.Duration;
import java.util.Set;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;

/** Builds the {@link FileSource} over a directory of recorded calls. */
public final class CallFiles {

    /**
     * Sidecar transcripts (the pre-transcribed input) and recordings. A recording with a sidecar is
     * analysed through it; one without is reported, never silently skipped.
     */
    public static final Set<String> CALL_EXTENSIONS = Set.of(".json", ".wav");

    private CallFiles() {}

    /**
     * A source of the transcript and recording files under {@code dir}: bounded, or, when {@code
     * watchEvery} is non-null, monitoring the directory for new files at that interval.
     */
    public static FileSource<CallInput> transcripts(Path dir, Duration watchEvery) {
        FileSource.FileSourceBuilder<CallInput> builder =
                FileSource.forBulkFileFormat(new CallFileFormat(), dir)
                        .setFileEnumerator(() -> new CallFileEnumerator(CALL_EXTENSIONS));
        if (watchEvery != null) {
            builder.monitorContinuously(watchEvery);
        }
        return builder.build();
    }
}
