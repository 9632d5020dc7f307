package io.callqa.pipeline.asr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * Finds and loads Vosk models. A model is a directory such as {@code vosk-model-small-en-us-0.15}
 * (download it with {@code scripts/fetch-vosk-model.sh en}); it is named by {@code --model DIR} or
 * the environment variable {@value #ENV}. Each JVM loads a model once and shares it among all
 * subtasks ({@link #acquire(Path)}).
 */
public final class VoskModels {

    /** Environment variable naming the model directory. */
    public static final String ENV = "CALLQA_VOSK_MODEL";

    private static final RefCountedCache<Path, Model> MODELS =
            new RefCountedCache<>(VoskModels::load);

    private VoskModels() {}

    /**
     * The model directory to use: {@code flag} if given, else {@value #ENV}, checked to look like a
     * Vosk model.
     *
     * @param flag the {@code --model} value, or empty
     * @param env the value of {@value #ENV}, or empty
     */
    public static Path resolve(Optional<Path> flag, Optional<String> env)
            throws VoskModelNotFoundException {
        Optional<Path> dir =
                flag.or(() -> env.filter(s -> !s.isBlank()).map(s -> Path.of(s.trim())));
        if (dir.isEmpty()) {
            throw new VoskModelNotFoundException(
                    "no Vosk model configured, and audio without a transcript needs one to be"
                            + " transcribed. Download one with `scripts/fetch-vosk-model.sh en`"
                            + " (or `ko` for Korean), then pass --model"
                            + " models/vosk-model-small-en-us-0.15 or set "
                            + ENV
                            + ". Calls with a sidecar transcript need no model.");
        }
        Path d = dir.get().toAbsolutePath().normalize();
        String source = flag.isPresent() ? "--model" : ENV;
        if (!Files.isDirectory(d)) {
            throw new VoskModelNotFoundException(
                    source
                            + " names "
                            + d
                            + ", which is not a directory. Download a model with"
                            + " `scripts/fetch-vosk-model.sh en` and point "
                            + source
                            + " at the unpacked folder.");
        }
        // Vosk's own check (model.cc): am/final.mdl for current models, final.mdl for old ones.
        if (!Files.isRegularFile(d.resolve("am/final.mdl"))
                && !Files.isRegularFile(d.resolve("final.mdl"))) {
            throw new VoskModelNotFoundException(
                    d
                            + " is not a Vosk model folder: it has no am/final.mdl. Point "
                            + source
                            + " at the folder unpacked from the model zip (the one holding am/,"
                            + " conf/ and graph/).");
        }
        return d;
    }

    /**
     * A lease on the shared model in {@code dir}; close it when done. The model is freed when the
     * last lease is closed.
     */
    public static RefCountedCache.Lease<Model> acquire(Path dir) {
        return MODELS.acquire(dir.toAbsolutePath().normalize());
    }

    /** Loads the native library and silences Vosk's per-utterance logging. */
    static void initNative() {
        LibVosk.setLogLevel(LogLevel.WARNINGS);
    }

    private static Model load(Path dir) {
        initNative();
        try {
            return new Model(dir.toString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Vosk could not load the model in "
                            + dir
                            + " ("
                            + e.getMessage()
                            + "); the folder may be incomplete: download it again with"
                            + " scripts/fetch-vosk-model.sh",
                    e);
        }
    }
}
