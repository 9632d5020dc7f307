package io.callqa.pipeline.source;

import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
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

    /**
     * Recordings in formats callqa does not decode. They are read too, so that each is reported
     * with what to do about it instead of being ignored.
     */
    public static final Set<String> UNSUPPORTED_AUDIO_EXTENSIONS =
            Set.of(
                    ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".flac", ".wma", ".amr",
                    ".aif", ".aiff", ".gsm", ".webm");

    private CallFiles() {}

    /**
     * A source of the transcript and recording files under {@code dir}: bounded, or, when {@code
     * watchEvery} is non-null, monitoring the directory for new files at that interval.
     */
    public static FileSource<CallInput> transcripts(Path dir, Duration watchEvery) {
        FileSource.FileSourceBuilder<CallInput> builder =
                FileSource.forBulkFileFormat(new CallFileFormat(), dir)
                        .setFileEnumerator(
                                () ->
                                        new CallFileEnumerator(
                                                union(
                                                        CALL_EXTENSIONS,
                                                        UNSUPPORTED_AUDIO_EXTENSIONS)));
        if (watchEvery != null) {
            builder.monitorContinuously(watchEvery);
        }
        return builder.build();
    }

    /**
     * The transcript that belongs to the recording {@code wav}: the same name with {@code .json}
     * ({@code c-1.wav} and {@code c-1.json}). The one statement of the recorded-call convention.
     */
    public static Path transcriptOf(Path wav) {
        return sibling(wav, ".wav", ".json");
    }

    /**
     * The recording that belongs to the transcript {@code json}: the same name with {@code .wav}.
     */
    public static Path recordingOf(Path json) {
        return sibling(json, ".json", ".wav");
    }

    /** Whether {@code uri} names a recording callqa decodes (WAV). */
    public static boolean isRecording(String uri) {
        return uri.toLowerCase(Locale.ROOT).endsWith(".wav");
    }

    /** Whether {@code uri} names a transcript. */
    public static boolean isTranscript(String uri) {
        return uri.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static Path sibling(Path file, String from, String to) {
        String s = file.toString();
        return new Path(s.substring(0, s.length() - from.length()) + to);
    }

    /** Whether {@code uri} names a recording in a format callqa does not decode. */
    public static boolean isUnsupportedAudio(String uri) {
        String name = uri.toLowerCase(Locale.ROOT);
        return UNSUPPORTED_AUDIO_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
