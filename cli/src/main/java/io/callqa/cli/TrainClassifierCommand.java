package io.callqa.cli;

import io.callqa.rules.classify.CallClassifier;
import io.callqa.rules.classify.ClassifierEvaluation;
import io.callqa.rules.classify.TrainingCorpus;
import io.callqa.rules.classify.TrainingDataException;
import io.callqa.rules.classify.TrainingExample;
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
 * {@code callqa train-classifier}: trains a call classifier from labelled JSON lines, reports how
 * it does on the held-out fifth of the data, and writes the model for {@code classify --model}.
 */
@Command(
        name = "train-classifier",
        mixinStandardHelpOptions = true,
        description = {
            "Train a call classifier from JSON lines"
                    + " {\"text\":..,\"label\":..,\"lang\":\"en|ko\"}.",
            "One example in five (chosen by a hash of its text) is held out and used to report"
                    + " accuracy and macro-F1; the model is trained on the rest."
        })
final class TrainClassifierCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "FILE.jsonl",
            required = true,
            description = "Training data.")
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
            defaultValue = "" + CallClassifier.DEFAULT_SEED,
            description =
                    "Seed for training; the same data and seed give the same model (default:"
                            + " ${DEFAULT-VALUE}, the seed of the built-in model).")
    long seed;

    @Override
    public Integer call() throws IOException {
        TrainingCorpus corpus = readCorpus();
        List<TrainingExample> training = corpus.training();
        if (training.isEmpty()) {
            throw CallqaException.badInput(data + ": every example fell in the held-out split");
        }
        ModelFile model = ModelFile.at(out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(
                "training on %d examples, holding out %d; labels %s%n",
                training.size(), corpus.heldOut().size(), corpus.labels());
        CallClassifier classifier = CallClassifier.train(training, seed);
        report(w, classifier, corpus.heldOut());
        model.replace(classifier::write);
        w.println("wrote " + out);
        return 0;
    }

    private TrainingCorpus readCorpus() throws IOException {
        try {
            return TrainingCorpus.read(data);
        } catch (NoSuchFileException e) {
            throw CallqaException.badInput(data + ": no such file");
        } catch (TrainingDataException e) {
            throw CallqaException.badInput(e.getMessage());
        }
    }

    private static void report(PrintWriter w, CallClassifier c, List<TrainingExample> heldOut) {
        if (heldOut.isEmpty()) {
            w.println("held-out: no examples; add more data to get figures");
            return;
        }
        ClassifierEvaluation all = ClassifierEvaluation.of(c, heldOut);
        w.println("held-out: " + all.summary());
        for (String lang : List.of("en", "ko")) {
            List<TrainingExample> part =
                    heldOut.stream().filter(e -> e.lang().equals(lang)).toList();
            if (!part.isEmpty()) {
                w.println("held-out " + lang + ": " + ClassifierEvaluation.of(c, part).summary());
            }
        }
        w.print(all.confusionTable());
    }
}
