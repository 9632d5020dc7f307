package io.callqa.cli;

import io.callqa.analysis.Asr;
import io.callqa.analysis.AudioSignals;
import io.callqa.analysis.CallReport;
import io.callqa.analysis.CallReporter;
import io.callqa.analysis.Source;
import io.callqa.analysis.document.CallDocuments;
import io.callqa.audio.AudioFormatException;
import io.callqa.audio.CallFeatures;
import io.callqa.audio.FeatureSettings;
import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackException;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptException;
import io.callqa.rules.transcript.TranscriptReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.commons.codec.digest.DigestUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code callqa analyze}: the analysis of one pre-transcribed call, printed as the very document
 * the job indexes for it ({@link CallReporter}, {@link CallDocuments}). Runs without Flink or
 * OpenSearch.
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
        String transcriptSha = sha256(transcript);
        Source source =
                features == null
                        ? Source.transcript(transcript.toUri().toString(), transcriptSha)
                        : Source.recording(
                                audio.toUri().toString(),
                                sha256(audio),
                                transcript.toUri().toString(),
                                transcriptSha);
        CallReport report =
                new CallReporter(DynamicsSettings.DEFAULTS, pack)
                        .report(call, source, Asr.PROVIDED, features);
        PrintWriter out = spec.commandLine().getOut();
        out.println(CallDocuments.pretty(report));
        out.flush();
        return 0;
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return DigestUtils.sha256Hex(in);
        } catch (IOException e) {
            throw CallqaException.badInput(file + ": cannot be read (" + e.getMessage() + ")");
        }
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
