package io.callqa.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.rules.assist.AgentAssist;
import io.callqa.rules.engine.CallAnalyzer;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The report classifies each utterance's acts once for the rules and the agent assist alike, and
 * gets what each would get on its own: the same rule results as the pack's own analyzer, the same
 * assist as the playbooks reviewing the redacted call.
 */
class CallReporterTest {

    @Test
    void theRulesAndTheAssistSeeTheSameActsAsOnTheirOwn() throws Exception {
        List<Path> sidecars;
        try (Stream<Path> files = Files.list(Path.of("..", "samples"))) {
            sidecars = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(sidecars).hasSize(20);
        CallReporter reporter = new CallReporter(DynamicsSettings.DEFAULTS);
        for (Path sidecar : sidecars) {
            CallTranscript call = new TranscriptReader().read(sidecar);
            CallReport report =
                    reporter.report(call, Source.transcript("x", "y"), Asr.PROVIDED, null);
            var alone = new CallAnalyzer(reporter.pack(call.language())).analyze(call);
            assertThat(report.analysis().results())
                    .as("%s", sidecar.getFileName())
                    .isEqualTo(alone.results());
            assertThat(report.assist())
                    .as("%s", sidecar.getFileName())
                    .isEqualTo(
                            AgentAssist.withDefaultModels(reporter.pack(call.language()))
                                    .review(alone.call()));
        }
    }
}
