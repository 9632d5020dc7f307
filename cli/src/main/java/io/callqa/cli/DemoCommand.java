package io.callqa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.console.ConsoleServer;
import io.callqa.pipeline.CallqaJob;
import io.callqa.pipeline.OpenSearchConnection;
import io.callqa.servers.LocalOpenSearch;
import io.callqa.servers.ServerDistributions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.opensearch.client.transport.OpenSearchTransport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code callqa demo}: the pipeline on the bundled sample calls, with a local Flink and, when none
 * answers at the configured URL, a local OpenSearch that the demo starts and stops itself. With
 * {@code --live} it also starts a local Kafka (unless one is given), runs the live job, and replays
 * the samples as live calls, so that the console's live alerts fill in while the calls go on.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run callqa on the bundled sample calls and print what was indexed.",
            "Uses the sample transcripts (no Vosk model is needed). Starts a local OpenSearch if"
                    + " none answers at --opensearch, then the supervisor console over it (users"
                    + " and passwords are generated and printed), and keeps both running until"
                    + " Ctrl+C, unless --exit is given.",
            "With --live, also starts a local Kafka (unless --kafka names one), runs the live"
                    + " job and replays the samples as live calls (ids ending in -live), so that"
                    + " live alerts arrive in the console while the calls go on."
        })
final class DemoCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--samples",
            paramLabel = "DIR",
            description = "Directory of sample calls (default: samples/ of the callqa checkout).")
    Path samples;

    @Mixin OpenSearchOption opensearch;

    @Option(
            names = "--exit",
            description = "Exit when done instead of keeping OpenSearch and the console up.")
    boolean exit;

    @Option(
            names = "--console-port",
            paramLabel = "PORT",
            defaultValue = "8088",
            description =
                    "Port of the supervisor console (default: ${DEFAULT-VALUE}; any free port"
                            + " if taken).")
    int consolePort;

    @Option(
            names = "--live",
            description =
                    "Also replay the samples as live calls through Kafka and the live job, so"
                            + " that alerts arrive while the calls go on.")
    boolean live;

    @Option(
            names = "--kafka",
            paramLabel = "BOOTSTRAP",
            description =
                    "With --live: the Kafka to use (default: a local Kafka that the demo starts"
                            + " and stops).")
    String kafka;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "2",
            description =
                    "With --live: how many times faster than real time the calls are replayed"
                            + " (default: ${DEFAULT-VALUE}).")
    double speed;

    @Override
    public Integer call() throws Exception {
        if ((kafka != null || spec.commandLine().getParseResult().hasMatchedOption("--speed"))
                && !live) {
            throw new ParameterException(
                    spec.commandLine(), "--kafka and --speed go with --live; add --live.");
        }
        if (!(speed > 0) || speed > 100) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--speed must be more than 0 and at most 100, got " + speed);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir =
                (samples != null ? samples : JobSettings.home().resolve("samples"))
                        .toAbsolutePath()
                        .normalize();
        long transcripts = JobSettings.countTranscripts(dir, "--samples");
        JobSettings.warnAboutAudioOnly(dir, spec.commandLine().getErr());

        URI url = opensearch.url;
        LocalOpenSearch local = null;
        if (!OpenSearchEndpoint.answers(url, Duration.ofSeconds(2))) {
            local = startLocalOpenSearch(out);
            url = local.httpUri();
        }
        try {
            out.printf(
                    "Analysing %d call(s) from %s: words from the sidecar transcripts (the demo"
                            + " needs no Vosk model), voice from the recordings beside them%n",
                    transcripts, dir);
            out.flush();
            JobSettings.installTemplates(url);
            Configuration conf = JobSettings.forOpenSearch(url);
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(2, conf);
            long t0 = System.nanoTime();
            org.apache.flink.core.fs.Path input = new org.apache.flink.core.fs.Path(dir.toUri());
            CallqaJob.recordedCalls(input, null, conf).execute(env);
            out.printf("Job finished in %.1f s.%n%n", (System.nanoTime() - t0) / 1e9);
            // Documents carry the URIs of Flink's child paths (file:/x/c.json), which is the
            // form Path.toString() prints, not the one given to it (file:///x/).
            String prefix = input.toString().endsWith("/") ? input.toString() : input + "/";
            new CallTable(url, prefix).print(out);
            out.println();
            out.println("Browse the calls: curl '" + url + "/callqa-calls/_search?pretty'");
            out.flush();
            OpenSearchTransport transport = OpenSearchConnection.open(url);
            ConsoleServer console = null;
            LiveDemo liveDemo = null;
            try {
                console = startConsole(transport, dir, out);
                if (live) {
                    liveDemo = LiveDemo.start(dir, url, kafka, speed, out);
                    if (exit) {
                        liveDemo.awaitCalls(out);
                    }
                }
                if (!exit) {
                    out.println(
                            (local != null
                                            ? "The local OpenSearch ("
                                                    + url
                                                    + ") and the console keep"
                                            : "The console keeps")
                                    + (live ? ", with the live job," : "")
                                    + " running until you press Ctrl+C.");
                    out.flush();
                    Thread.currentThread().join();
                }
            } finally {
                if (liveDemo != null) {
                    liveDemo.close();
                }
                if (console != null) {
                    console.close();
                }
                transport.close();
            }
            return 0;
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    /**
     * The console over the demo's OpenSearch, with a generated users file (one user per role) and
     * the samples as the only directory whose recordings it plays.
     */
    private ConsoleServer startConsole(OpenSearchTransport transport, Path samples, PrintWriter out)
            throws Exception {
        Path usersFile =
                Files.createTempFile(
                        "callqa-demo-users",
                        ".txt",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
        usersFile.toFile().deleteOnExit();
        String agent = firstAgent(samples);
        Map<String, String> passwords = ConsoleCommand.writeDemoUsers(usersFile, agent);
        io.callqa.console.Users users = ConsoleCommand.readUsers(usersFile);
        ConsoleServer console;
        try {
            console =
                    ConsoleCommand.start(
                            transport, users, "127.0.0.1", consolePort, List.of(samples));
        } catch (CallqaException taken) {
            // Another demo or console may hold the port; the demo just takes another.
            console = ConsoleCommand.start(transport, users, "127.0.0.1", 0, List.of(samples));
        }
        out.println(ConsoleCommand.demoBanner(console.url(), passwords));
        out.println(
                "  ("
                        + agent
                        + " is an agent: the Live calls page shows the agent view of their calls;"
                        + " supervisor and floor see every call's)");
        out.flush();
        return console;
    }

    /**
     * The agent of the first sample call (by file name) that names one, for the demo's agent user,
     * or {@code agent} if none does.
     */
    static String firstAgent(Path samples) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(samples)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        ObjectMapper json = new ObjectMapper();
        for (Path f : files) {
            try {
                String agent = json.readTree(f.toFile()).path("agent_id").asText("");
                if (agent.matches("[A-Za-z0-9._@-]{1,64}")) {
                    return agent;
                }
            } catch (IOException e) {
                // A sample that does not parse is reported when it is indexed; skip it here.
            }
        }
        return "agent";
    }

    private static LocalOpenSearch startLocalOpenSearch(PrintWriter out) {
        ServerDistributions dists;
        try {
            dists = ServerDistributions.locate();
        } catch (RuntimeException e) {
            throw CallqaException.unreachable(e.getMessage(), e);
        }
        out.printf(
                "No OpenSearch answers; starting a local OpenSearch %s (takes about 15 s)...%n",
                dists.opensearchVersion());
        out.flush();
        try {
            LocalOpenSearch node =
                    LocalOpenSearch.builder().distribution(dists.opensearchHome()).start();
            // Ctrl+C ends the demo through the shutdown hook; the node must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "stop-opensearch"));
            out.printf(
                    "OpenSearch %s is up at %s (%.1f s).%n",
                    node.version(), node.httpUri(), node.startupTime().toMillis() / 1000.0);
            return node;
        } catch (RuntimeException e) {
            throw CallqaException.unreachable(
                    "could not start a local OpenSearch: " + e.getMessage(), e);
        }
    }
}
