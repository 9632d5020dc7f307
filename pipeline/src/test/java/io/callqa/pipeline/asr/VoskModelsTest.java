package io.callqa.pipeline.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelsTest {

    @TempDir Path tmp;

    @Test
    void withoutAModelTheMessageSaysHowToGetOne() {
        assertThatThrownBy(() -> VoskModels.resolve(Optional.empty(), Optional.empty()))
                .isInstanceOf(VoskModelNotFoundException.class)
                .hasMessageContaining("scripts/fetch-vosk-model.sh en")
                .hasMessageContaining("--model models/vosk-model-small-en-us-0.15")
                .hasMessageContaining("CALLQA_VOSK_MODEL")
                .hasMessageContaining("Calls with a sidecar transcript need no model");
    }

    @Test
    void aMissingDirectoryIsNamedWithTheSettingThatNamedIt() {
        Path missing = tmp.resolve("vosk-model-small-en-us-0.15");
        assertThatThrownBy(() -> VoskModels.resolve(Optional.of(missing), Optional.empty()))
                .hasMessageStartingWith("--model names " + missing + ", which is not a directory");
        assertThatThrownBy(
                        () -> VoskModels.resolve(Optional.empty(), Optional.of(missing.toString())))
                .hasMessageStartingWith("CALLQA_VOSK_MODEL names " + missing);
    }

    @Test
    void aFolderWithoutModelFilesIsRejectedWithWhatIsMissing() throws Exception {
        Path zipRoot = Files.createDirectory(tmp.resolve("download"));
        assertThatThrownBy(() -> VoskModels.resolve(Optional.of(zipRoot), Optional.empty()))
                .hasMessageStartingWith(
                        zipRoot + " is not a Vosk model folder: it has no am/final.mdl");
    }

    @Test
    void aFolderLaidOutLikeAModelResolvesAndTheFlagWinsOverTheEnvironment() throws Exception {
        Path model = tmp.resolve("m");
        Files.createDirectories(model.resolve("am"));
        Files.writeString(model.resolve("am/final.mdl"), "x");
        assertThat(VoskModels.resolve(Optional.of(model), Optional.of("/elsewhere")))
                .isEqualTo(model.toAbsolutePath());
    }

    @Test
    void theNativeLibraryLoadsAndABrokenModelFailsWithTheFolderNamed() throws Exception {
        // Real libvosk from the com.alphacephei:vosk jar: the folder passes the layout check but
        // holds no real model, so the native loader refuses it.
        Path model = tmp.resolve("broken-model");
        Files.createDirectories(model.resolve("am"));
        Files.writeString(model.resolve("am/final.mdl"), "not a model");
        Path dir = VoskModels.resolve(Optional.of(model), Optional.empty());
        assertThatThrownBy(() -> new VoskTranscriber(dir, 16000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Vosk could not load the model in " + dir);
    }

    @Test
    void anAbsurdSampleRateIsRefusedBeforeAnyNativeCall() {
        assertThatThrownBy(() -> new VoskTranscriber(tmp, 100))
                .hasMessage("sample rate must be between 8000 and 48000 Hz, got 100.0");
    }
}
