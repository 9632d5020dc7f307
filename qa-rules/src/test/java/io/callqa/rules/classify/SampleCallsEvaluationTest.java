package io.callqa.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Whole-call classification of the 20 sample calls, which are never trained on. */
class SampleCallsEvaluationTest {

    @Test
    void classifiesTheSampleCalls() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("../samples"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(20);
        CallClassifier model = CallClassifier.defaultModel();
        ObjectMapper json = new ObjectMapper();
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (Path f : files) {
            CallTranscript call = new TranscriptReader().read(f);
            String truth = json.readTree(f.toFile()).path("ground_truth").path("category").asText();
            Classification c = model.classify(call);
            gold.add(truth);
            predicted.add(c.label());
            System.out.printf(
                    "%-22s %-8s %-8s %.2f%n", f.getFileName(), truth, c.label(), c.confidence());
        }
        ClassifierEvaluation ev = ClassifierEvaluation.of(model.categories(), gold, predicted);
        System.out.println("sample calls (whole-call): " + ev.summary());
        System.out.print(ev.confusionTable());
        assertThat(ev.accuracy()).isGreaterThanOrEqualTo(0.85);
    }
}
