package io.callqa.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded-call convention on the source side: a transcript's input carries the recording
 * beside it, and that recording is not a call of its own; a recording without a transcript, and a
 * recording in a format callqa does not decode, are still inputs (so that they are reported).
 */
class CallFilesTest {

    @TempDir Path dir;

    @Test
    void aTranscriptCarriesItsRecordingAndTheRecordingIsNotACallOfItsOwn() throws Exception {
        Files.writeString(dir.resolve("c-1.json"), "{}");
        Files.write(dir.resolve("c-1.wav"), new byte[] {1});
        Files.write(dir.resolve("lone.wav"), new byte[] {1});
        Files.writeString(dir.resolve("only.json"), "{}");
        Files.write(dir.resolve("voicemail.mp3"), new byte[] {1});
        Files.writeString(dir.resolve("notes.txt"), "not a call");

        List<CallInput> inputs = inputs();

        assertThat(inputs)
                .extracting(
                        i -> name(i.uri), i -> i.recordingUri == null ? null : name(i.recordingUri))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("c-1.json", "c-1.wav"),
                        org.assertj.core.groups.Tuple.tuple("lone.wav", null),
                        org.assertj.core.groups.Tuple.tuple("only.json", null),
                        org.assertj.core.groups.Tuple.tuple("voicemail.mp3", null));
    }

    @Test
    void theConventionNamesTheSiblingOfEither() {
        org.apache.flink.core.fs.Path wav = new org.apache.flink.core.fs.Path("file:/in/c-1.wav");
        assertThat(CallFiles.transcriptOf(wav).toString()).isEqualTo("file:/in/c-1.json");
        assertThat(CallFiles.recordingOf(CallFiles.transcriptOf(wav))).isEqualTo(wav);
        assertThat(CallFiles.isRecording("file:/in/C-1.WAV")).isTrue();
        assertThat(CallFiles.isTranscript("file:/in/c-1.wav")).isFalse();
    }

    private List<CallInput> inputs() throws Exception {
        CallFileEnumerator enumerator =
                new CallFileEnumerator(java.util.Set.of(".json", ".wav", ".mp3"));
        List<CallInput> out = new ArrayList<>();
        CallFileFormat format = new CallFileFormat();
        for (FileSourceSplit split :
                enumerator.enumerateSplits(
                        new org.apache.flink.core.fs.Path[] {
                            new org.apache.flink.core.fs.Path(dir.toUri())
                        },
                        1)) {
            try (BulkFormat.Reader<CallInput> reader =
                    format.createReader(new Configuration(), split)) {
                BulkFormat.RecordIterator<CallInput> batch = reader.readBatch();
                RecordAndPosition<CallInput> r;
                while ((r = batch.next()) != null) {
                    out.add(r.getRecord());
                }
                batch.releaseBatch();
            }
        }
        return out;
    }

    private static String name(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
