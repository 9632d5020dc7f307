package io.callqa.cli;

import io.callqa.pipeline.live.CallReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code callqa replay}: plays recorded calls to the live topics as a telephony platform would, so
 * that the live path ({@code callqa run --live}) can be tried and load-tested without a switch.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Play recorded calls to the live Kafka topics as if they were happening now.",
            "Each call sends a start event, its stereo audio (agent left, customer right) in 0.2 s"
                    + " chunks on callqa.audio, its sidecar utterances on callqa.utterances as"
                    + " each one ends, and an end event. All calls play at once."
        })
final class ReplayCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(
            paramLabel = "CALL",
            arity = "1..*",
            description = "Sidecar *.json files, or directories of them (each names its WAV).")
    List<Path> calls;

    @Option(
            names = "--kafka",
            paramLabel = "BOOTSTRAP",
            required = true,
            description = "Kafka bootstrap servers, e.g. localhost:9092.")
    String kafka;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "1",
            description = "Times faster than real time (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(
            names = "--id-suffix",
            paramLabel = "TEXT",
            defaultValue = "",
            description = "Appended to every call id, so that a replay is a new set of calls.")
    String idSuffix;

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0)) {
            throw CallqaException.badInput("--speed must be positive, got " + speed);
        }
        List<CallReplayer.Call> toPlay = new ArrayList<>();
        for (Path p : sidecars()) {
            try {
                CallReplayer.Call c = CallReplayer.of(p, null);
                toPlay.add(CallReplayer.of(p, c.callId() + idSuffix));
            } catch (IOException e) {
                throw CallqaException.badInput(p + ": not a readable sidecar: " + e.getMessage());
            }
            if (!Files.isRegularFile(toPlay.get(toPlay.size() - 1).wav())) {
                throw CallqaException.badInput(
                        p
                                + ": its recording "
                                + toPlay.get(toPlay.size() - 1).wav()
                                + " is missing");
            }
        }
        KafkaEndpoint.require(kafka);
        spec.commandLine()
                .getErr()
                .printf("callqa: replaying %d call(s) at %sx to %s%n", toPlay.size(), speed, kafka);
        Map<String, Long> ended;
        try (CallReplayer replayer = new CallReplayer(kafka, speed)) {
            ended = replayer.play(toPlay);
        }
        spec.commandLine().getOut().printf("replayed %d call(s)%n", ended.size());
        return 0;
    }

    private List<Path> sidecars() throws IOException, CallqaException {
        List<Path> out = new ArrayList<>();
        for (Path p : calls) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw CallqaException.badInput(p + ": no such file or directory");
            }
        }
        if (out.isEmpty()) {
            throw CallqaException.badInput("no sidecar *.json files in " + calls);
        }
        return out;
    }
}
