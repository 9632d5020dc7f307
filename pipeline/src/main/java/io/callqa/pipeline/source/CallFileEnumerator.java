package io.callqa.pipeline.source;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;

/**
 * Enumerates the files of an input directory tree whose names end in one of the given extensions.
 * Hidden files and directories are skipped as Flink's default filter does; the extension check
 * applies to files only, so directory names need no extension.
 *
 * <p>A recording with its transcript beside it ({@link CallFiles#transcriptOf}) is not a call of
 * its own: the transcript's input carries it, so the recording is left out here.
 */
public final class CallFileEnumerator extends NonSplittingRecursiveEnumerator {
    private final Set<String> extensions;

    /** Accepts files ending in any of {@code extensions}, e.g. {@code .json}, ignoring case. */
    public CallFileEnumerator(Set<String> extensions) {
        this.extensions = Set.copyOf(extensions);
    }

    @Override
    protected void convertToSourceSplits(
            FileStatus file, FileSystem fs, List<FileSourceSplit> target)
            throws java.io.IOException {
        String name = file.getPath().getName().toLowerCase(Locale.ROOT);
        if (extensions.stream().noneMatch(name::endsWith)) {
            return;
        }
        if (CallFiles.isRecording(name) && fs.exists(CallFiles.transcriptOf(file.getPath()))) {
            return;
        }
        super.convertToSourceSplits(file, fs, target);
    }
}
