package io.callqa.cli;

import io.callqa.rules.acts.ActCorpus;
import io.callqa.rules.acts.ActEvaluation;
import io.callqa.rules.acts.ActExample;
import io.callqa.rules.acts.DialogueActClassifier;
import io.callqa.rules.classify.TrainingDataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code callqa train-acts}: trains the dialogue-act classifier from an act corpus, reports per-act
 * precision and recall on its test split, and writes the model.
 */
@Command(
        name = "train-acts",
        mixinStandardHelpOptions = true,
        description = {
            "Train the dialogue-act classifier from JSON lines"
                    + " {\"text\":..,\"acts\":[..],\"lang\":\"en|ko\",\"style\":\"clean|asr\","
                    + "\"template\":..,\"split\":\"train|test\"}"
                    + " (see scripts/generate-act-corpus.py).",
            "The model is trained on the train split; per-act precision and recall are reported"
                    + " on the test split, per language and style."
        })
final class TrainActsCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "FILE.jsonl",
            required = true,
            description = "The act corpus.")
    Path data;

    @Option(
            names = "--out",
            paramLabel = "MODEL",
            required = true,
            description = "Model file to write.")
    Path out;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "" + DialogueActClassifier.DEFAULT_SEED,
            description =
                    "Seed for training; the same data and seed give the same model (default:"
                            + " ${DEFAULT-VALUE}, the seed of the built-in model).")
    long seed;

    @Override
    public Integer call() throws IOException {
        ActCorpus corpus = readCorpus();
        List<ActExample> training = corpus.training();
        if (training.isEmpty()) {
            throw CallqaException.badInput(data + ": no example is in the train split");
        }
        ModelFile model = ModelFile.at(out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(
                "training on %d examples, testing on %d%n",
                training.size(), corpus.heldOut().size());
        DialogueActClassifier classifier;
        try {
            classifier = DialogueActClassifier.train(training, seed);
        } catch (IllegalArgumentException e) {
            throw CallqaException.badInput(data + ": " + e.getMessage());
        }
        for (String lang : List.of("en", "ko")) {
            for (String style : List.of("clean", "asr")) {
                List<ActExample> part =
                        corpus.heldOut().stream()
                                .filter(e -> e.lang().equals(lang) && e.style().equals(style))
                                .toList();
                if (!part.isEmpty()) {
                    w.printf("test split, %s %s:%n", lang, style);
                    w.print(ActEvaluation.of(classifier, part, 0.5).table());
                }
            }
        }
        model.replace(classifier::write);
        w.println("wrote " + out);
        return 0;
    }

    private ActCorpus readCorpus() throws IOException {
        try {
            return ActCorpus.read(data);
        } catch (NoSuchFileException e) {
            throw CallqaException.badInput(data + ": no such file");
        } catch (TrainingDataException e) {
            throw CallqaException.badInput(e.getMessage());
        }
    }
}
