package io.callqa.cli;

import io.callqa.pipeline.CallqaIndices;
import io.callqa.pipeline.OpenSearchAccess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;

/** Turns command-line flags into the job's Flink configuration and checks the input first. */
final class JobSettings {

    private JobSettings() {}

    /** A configuration pointing the job's OpenSearch sinks at {@code opensearch}. */
    static Configuration forOpenSearch(URI opensearch) {
        return OpenSearchAccess.plain(opensearch).sinkConfiguration();
    }

    /**
     * Counts the transcripts under {@code dir}, failing with exit code 3 and a message naming the
     * directory when it is missing or holds none.
     */
    static long countTranscripts(Path dir, String flag) {
        return countCalls(dir, flag, false);
    }

    /**
     * Counts the calls under {@code dir}: transcripts, plus recordings without one when they can be
     * transcribed. Fails fast (exit 3) when there is nothing to analyse, saying what to do: a
     * folder of recordings alone needs a Vosk model.
     */
    static long countCalls(Path dir, String flag, boolean canTranscribe) {
        if (!Files.isDirectory(dir)) {
            throw CallqaException.badInput(
                    dir + ": no such directory; pass " + flag + " DIR with the calls to analyse");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            long n = all.stream().filter(p -> p.getFileName().toString().endsWith(".json")).count();
            long recordingsAlone =
                    all.stream().filter(JobSettings::isRecordingWithoutTranscript).count();
            if (canTranscribe) {
                n += recordingsAlone;
            } else if (n == 0 && recordingsAlone > 0) {
                throw CallqaException.badInput(
                        dir
                                + ": holds "
                                + recordingsAlone
                                + " recording(s) and no transcripts, and no Vosk model is"
                                + " configured to transcribe them. Run `scripts/fetch-vosk-model.sh"
                                + " en` (or ko) and pass --model models/<folder> or set "
                                + io.callqa.pipeline.asr.VoskModels.ENV
                                + "; or put each call's transcript (<name>.json) beside it");
            }
            if (n == 0) {
                throw CallqaException.badInput(
                        dir
                                + ": holds no call transcripts (*.json); see the README's"
                                + " \"Transcript format\"");
            }
            return n;
        } catch (java.io.IOException e) {
            throw CallqaException.badInput(dir + ": cannot list: " + e.getMessage());
        }
    }

    /** A {@code .wav} file with no {@code .json} transcript of the same name beside it. */
    private static boolean isRecordingWithoutTranscript(Path p) {
        String name = p.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".wav")
                && !Files.exists(p.resolveSibling(name.substring(0, name.length() - 4) + ".json"));
    }

    /**
     * Warns, before the job starts, about recordings that have no transcript beside them: the job
     * reports each in callqa-errors, and the operator should hear of it now, not later.
     */
    static void warnAboutAudioOnly(Path dir, java.io.PrintWriter err) {
        try (Stream<Path> files = Files.walk(dir)) {
            long n = files.filter(JobSettings::isRecordingWithoutTranscript).count();
            if (n > 0) {
                err.printf(
                        "callqa: %d recording(s) under %s have no transcript beside them; they will"
                                + " be listed in callqa-errors. Transcribe them and put the"
                                + " transcript (<name>.json) beside each recording.%n",
                        n, dir);
                err.flush();
            }
        } catch (java.io.IOException e) {
            throw CallqaException.badInput(dir + ": cannot list: " + e.getMessage());
        }
    }

    /** Installs the index templates, failing with exit code 4 and the reason if refused. */
    static void installTemplates(URI opensearch) {
        installTemplates(OpenSearchAccess.plain(opensearch));
    }

    /** As {@link #installTemplates(URI)}, with credentials. */
    static void installTemplates(OpenSearchAccess opensearch) {
        try {
            CallqaIndices.installTemplates(opensearch);
        } catch (java.io.IOException e) {
            throw CallqaException.unreachable(
                    "could not install the index templates into "
                            + opensearch
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The checkout (or installation) callqa runs from: {@code -Dcallqa.home}, else cwd. */
    static Path home() {
        String home = System.getProperty("callqa.home");
        return Path.of(home != null ? home : ".").toAbsolutePath().normalize();
    }
}
