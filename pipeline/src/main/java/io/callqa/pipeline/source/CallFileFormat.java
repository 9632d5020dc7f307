package io.callqa.pipeline.source;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.SingletonResultIterator;
import org.apache.flink.core.fs.Path;

/**
 * A {@link BulkFormat} that turns each file into one {@link CallInput} reference without reading
 * it, with the recording that belongs to a transcript ({@link CallFiles#recordingOf}). Files are
 * never split: a call is analysed as a whole.
 */
public final class CallFileFormat implements BulkFormat<CallInput, FileSourceSplit> {
    private static final long serialVersionUID = 1L;

    @Override
    public Reader<CallInput> createReader(Configuration config, FileSourceSplit split) {
        return new OneRecordReader(split, false);
    }

    @Override
    public Reader<CallInput> restoreReader(Configuration config, FileSourceSplit split) {
        // A checkpointed position with one record after it means the reference was emitted.
        boolean done =
                split.getReaderPosition().map(p -> p.getRecordsAfterOffset() > 0).orElse(false);
        return new OneRecordReader(split, done);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<CallInput> getProducedType() {
        return TypeInformation.of(CallInput.class);
    }

    private static final class OneRecordReader implements Reader<CallInput> {
        private final FileSourceSplit split;
        private boolean emitted;

        OneRecordReader(FileSourceSplit split, boolean emitted) {
            this.split = split;
            this.emitted = emitted;
        }

        @Override
        public RecordIterator<CallInput> readBatch() throws IOException {
            if (emitted) {
                return null;
            }
            emitted = true;
            SingletonResultIterator<CallInput> it = new SingletonResultIterator<>();
            it.set(
                    new CallInput(
                            split.path().toUri().toString(),
                            split.fileSize(),
                            recordingBeside(split.path())),
                    CheckpointedPosition.NO_OFFSET,
                    1);
            return it;
        }

        /** The recording that belongs to a transcript file, or null when there is none. */
        private static String recordingBeside(Path file) throws IOException {
            if (!CallFiles.isTranscript(file.getName())) {
                return null;
            }
            Path wav = CallFiles.recordingOf(file);
            return wav.getFileSystem().exists(wav) ? wav.toUri().toString() : null;
        }

        @Override
        public void close() {}
    }
}
