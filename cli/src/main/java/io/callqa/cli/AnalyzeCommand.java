package io.callqa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.audio.AudioFormatException;
import io.callqa.audio.CallFeatures;
import io.callqa.audio.FeatureSettings;
import io.callqa.pipeline.analysis.AudioSignals;
import io.callqa.rules.classify.CallClassifier;
import io.callqa.rules.engine.AnalysisJson;
import io.callqa.rules.engine.CallAnalysis;
import io.callqa.rules.engine.CallAnalyzer;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackException;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptException;
import io.callqa.rules.transcript.TranscriptReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code callqa analyze}: the post-call analysis of one pre-transcribed call, printed as the
 * analysis result JSON. Runs without Flink or OpenSearch.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Analyse one call transcript and print the result as JSON: QA score, compliance,"
                    + " rule results with evidence, summary, keywords, PII found, redacted"
                    + " utterances and alerts.",
            "Uses the bundled rule pack for the call's language (default-en, default-ko)"
                    + " unless --rules is given."
        })
final class AnalyzeCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--transcript",
            paramLabel = "CALL.json",
            required = true,
            description = "The call transcript (sidecar JSON; see the README, Transcript format).")
    Path transcript;

    @Option(
            names = "--rules",
            paramLabel = "PACK.yaml",
            description = "Rule pack to score with (see the README, Rule packs).")
    Path rules;

    @Option(
            names = "--audio",
            paramLabel = "CALL.wav",
            description =
                    "The call's recording (stereo: agent left). Adds prosody and voice emotion"
                            + " per utterance, and measures dead air and overtalk from the audio.")
    Path audio;

    @Override
    public Integer call() throws Exception {
        CallTranscript call;
        try {
            call = new TranscriptReader().read(transcript);
        } catch (TranscriptException e) {
            throw CallqaException.badInput(e.getMessage());
        }
        RulePack pack;
        try {
            RulePackLoader loader = new RulePackLoader();
            pack = rules == null ? loader.loadDefault(call.language()) : loader.load(rules);
        } catch (RulePackException e) {
            throw CallqaException.badInput(e.getMessage());
        }
        CallFeatures features = audio == null ? null : audioFeatures(call);
        CallAnalysis analysis =
                features == null
                        ? new CallAnalyzer(pack).analyze(call)
                        : new CallAnalyzer(pack)
                                .analyze(call, AudioSignals.signals(call, features));
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode result = AnalysisJson.toJson(analysis);
        result.set(
                "category",
                AnalysisJson.category(CallClassifier.defaultModel().classify(analysis.call())));
        if (features != null) {
            AudioSignals.enrich(result, call, features);
        }
        out.println(mapper.writeValueAsString(result));
        out.flush();
        return 0;
    }

    private CallFeatures audioFeatures(CallTranscript call) {
        try {
            return new io.callqa.audio.CallAnalyzer(FeatureSettings.DEFAULTS)
                    .analyze(audio, AudioSignals.timings(call));
        } catch (AudioFormatException e) {
            throw CallqaException.badInput(e.getMessage());
        } catch (java.io.IOException e) {
            throw CallqaException.badInput(audio + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
