package io.callqa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where a training verb writes its model: checked before training, replaced whole after. */
final class ModelFile {

    /** Writes a trained model to a file. */
    @FunctionalInterface
    interface Writer {
        /** Writes the model to {@code file}. */
        void write(Path file) throws IOException;
    }

    private final Path given;
    private final Path target;

    private ModelFile(Path given) {
        this.given = given;
        this.target = given.toAbsolutePath();
    }

    /** The model file {@code out}, refused before any training when its directory is missing. */
    static ModelFile at(Path out) {
        ModelFile f = new ModelFile(out);
        if (f.target.getParent() != null && !Files.isDirectory(f.target.getParent())) {
            throw CallqaException.badInput(out + ": the directory does not exist");
        }
        return f;
    }

    /**
     * Writes beside the target and moves it into place, so that a failed run never leaves half a
     * model.
     */
    void replace(Writer model) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".callqa-model", ".tmp");
        try {
            model.write(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file as the user named it. */
    @Override
    public String toString() {
        return given.toString();
    }
}
