package io.callqa.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real single-node OpenSearch, started from the unpacked distribution as a child process on free
 * loopback ports, with its data, logs, config and temp files in a fresh temporary directory that
 * {@link #close()} deletes.
 *
 * <p>OpenSearch refuses to run as root. When this JVM runs as root, the node runs as an
 * unprivileged system user (default {@value Builder#DEFAULT_USER}, created with useradd if absent)
 * from a copy of the distribution inside the work directory, so that the repository may live where
 * that user cannot read.
 *
 * <p>The node never outlives this JVM: {@link #close()} stops its whole process tree, a shutdown
 * hook does the same when the JVM exits, and a watchdog process stops it if the JVM is killed.
 *
 * <p>{@link #stop()} and {@link #restart()} take the node down and bring it back on the same ports
 * and data, as an outage would, for tests of what clients do meanwhile.
 *
 * <pre>{@code
 * try (LocalOpenSearch node = LocalOpenSearch.builder().start()) {
 *     URI uri = node.httpUri(); // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class LocalOpenSearch implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalOpenSearch.class.getName());
    private static final Pattern VERSION_JAR =
            Pattern.compile("opensearch-(\\d+\\.\\d+\\.\\d+[A-Za-z0-9.-]*)\\.jar");
    private static final int LOG_TAIL_LINES = 40;

    private final String version;
    private final int httpPort;
    private final int transportPort;
    private final Path workDir;
    private final Path consoleLog;
    private final Path serverLog;
    private final Started launch;
    private volatile ServerProcess process;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalOpenSearch(Started s) {
        this.version = s.version;
        this.httpPort = s.httpPort;
        this.transportPort = s.transportPort;
        this.workDir = s.workDir;
        this.consoleLog = s.consoleLog;
        this.serverLog = s.serverLog;
        this.launch = s;
        this.process = s.process;
        this.startupTime = s.startupTime;
    }

    /** Returns a builder with the defaults: the distribution the build unpacked, 512 MB heap. */
    public static Builder builder() {
        return new Builder();
    }

    /** The HTTP endpoint, e.g. {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI httpUri() {
        return URI.create("http://" + Ports.LOOPBACK + ":" + httpPort);
    }

    /** The HTTP port on 127.0.0.1. */
    public int httpPort() {
        return httpPort;
    }

    /** The transport (node-to-node) port on 127.0.0.1. */
    public int transportPort() {
        return transportPort;
    }

    /** The OpenSearch version, read from the distribution's jar names. */
    public String version() {
        return version;
    }

    /** The temporary directory holding config, data, logs and tmp; deleted by {@link #close()}. */
    public Path workDir() {
        return workDir;
    }

    /** The node's main log file. */
    public Path logFile() {
        return serverLog;
    }

    /** The file receiving the process's stdout and stderr. */
    public Path consoleLogFile() {
        return consoleLog;
    }

    /** How long the node took from launch to a yellow cluster health. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The pid of the server process (the leader of its process group). */
    public long pid() {
        return process.pid();
    }

    /** Whether the server process is still running. */
    public boolean isRunning() {
        return !closed.get() && process.isAlive();
    }

    /**
     * Stops the node's process tree, as an outage would, keeping its ports, configuration and data
     * for {@link #restart()}. Does nothing if it is already stopped.
     *
     * @throws IllegalStateException if the node was closed
     */
    public synchronized void stop() {
        requireOpen("stop()");
        process.stop(Duration.ofSeconds(30));
        LOG.log(System.Logger.Level.INFO, "Stopped OpenSearch at {0}; data kept", httpUri());
    }

    /**
     * Starts the node again on the same ports, configuration and data (stopping it first if it is
     * running), and waits until its cluster health is yellow.
     *
     * @throws IllegalStateException if the node was closed
     * @throws ServerStartException if it does not come back, for example because another process
     *     took its port meanwhile; the message names the log file and quotes its last lines
     */
    public synchronized void restart() {
        requireOpen("restart()");
        process.stop(Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        launch.process =
                ServerProcess.start(
                        "OpenSearch",
                        launch.command,
                        launch.environment,
                        workDir,
                        consoleLog,
                        true);
        process = launch.process;
        try {
            Builder.awaitHealthy(launch, launch.startupTimeout, false);
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(10));
            throw e;
        }
        LOG.log(
                System.Logger.Level.INFO,
                String.format(
                        Locale.ROOT,
                        "Restarted OpenSearch at %s in %.1f s (pid %d)",
                        httpUri(),
                        (System.nanoTime() - t0) / 1e9,
                        pid()));
    }

    private void requireOpen(String what) {
        if (closed.get()) {
            throw new IllegalStateException(
                    this
                            + " was closed and its data deleted; "
                            + what
                            + " needs an open node, so start a new one with"
                            + " LocalOpenSearch.builder().start()");
        }
    }

    /** Stops the node and its whole process tree, then deletes the work directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.stop(Duration.ofSeconds(30));
        ServerFiles.deleteTree(workDir);
        LOG.log(System.Logger.Level.INFO, "Stopped OpenSearch at {0}", httpUri());
    }

    @Override
    public String toString() {
        return "LocalOpenSearch " + version + " at " + httpUri();
    }

    private static final class Started {
        String version;
        int httpPort;
        int transportPort;
        Path workDir;
        Path consoleLog;
        Path serverLog;
        ServerProcess process;
        Duration startupTime;
        List<String> command;
        Map<String, String> environment;
        Duration startupTimeout;
    }

    /**
     * Configures and starts a {@link LocalOpenSearch}. Setters reject bad values at once, with a
     * message that says what to pass instead; {@link #start()} checks the files before launching
     * anything.
     */
    public static final class Builder {
        /** The unprivileged user the node runs as when this JVM runs as root. */
        public static final String DEFAULT_USER = "callqa";

        private static final Pattern USER_NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
        private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

        private Path distribution;
        private int heapMb = 512;
        private Duration startupTimeout = Duration.ofSeconds(120);
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private Path workDirParent = Path.of(System.getProperty("java.io.tmpdir"));
        private String runAsUser = DEFAULT_USER;
        private String clusterName = "callqa";

        private Builder() {}

        /**
         * The unpacked OpenSearch distribution (the directory holding {@code bin/opensearch}).
         * Default: {@link ServerDistributions#opensearchHome()}.
         */
        public Builder distribution(Path home) {
            this.distribution =
                    Objects.requireNonNull(
                            home,
                            "distribution is null: pass the directory that holds bin/opensearch,"
                                    + " or do not call distribution() to use the one the build"
                                    + " unpacked");
            return this;
        }

        /** JVM heap (-Xms and -Xmx) in MB, 128 to 8192. Default 512. */
        public Builder heapMb(int heapMb) {
            this.heapMb = BuilderChecks.heapMb(heapMb, 8192, "512 is enough for tests");
            return this;
        }

        /** How long to wait for a yellow cluster health. Default 120 s. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = BuilderChecks.startupTimeout(timeout, "Duration.ofSeconds(120)");
            return this;
        }

        /**
         * The JDK that runs the node (becomes OPENSEARCH_JAVA_HOME). Default: this JVM's {@code
         * java.home}.
         */
        public Builder javaHome(Path javaHome) {
            this.javaHome = BuilderChecks.javaHome(javaHome);
            return this;
        }

        /** Where to create the temporary work directory. Default: {@code java.io.tmpdir}. */
        public Builder workDirParent(Path parent) {
            this.workDirParent = BuilderChecks.workDirParent(parent);
            return this;
        }

        /**
         * The unprivileged user the node runs as when this JVM runs as root (ignored otherwise).
         * Default {@value #DEFAULT_USER}.
         */
        public Builder runAsUser(String user) {
            if (user == null || !USER_NAME.matcher(user).matches()) {
                throw new IllegalArgumentException(
                        "runAsUser must be a Linux user name (lower-case letters, digits, _ and -,"
                                + " at most 32 characters, not starting with a digit), was "
                                + (user == null ? "null" : "\"" + user + "\""));
            }
            this.runAsUser = user;
            return this;
        }

        /** The cluster name (letters, digits, _ and -). Default "callqa". */
        public Builder clusterName(String name) {
            if (name == null || !CLUSTER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "clusterName must be 1 to 64 letters, digits, _ or -, was "
                                + (name == null ? "null" : "\"" + name + "\""));
            }
            this.clusterName = name;
            return this;
        }

        /**
         * Starts the node and waits until its cluster health is yellow.
         *
         * @throws IllegalStateException if the distribution, the JDK or the work directory parent
         *     is unusable (before anything is launched)
         * @throws ServerStartException if the node does not start; the message names the log file
         *     and quotes its last lines
         */
        public LocalOpenSearch start() {
            Path home =
                    distribution != null
                            ? distribution
                            : ServerDistributions.locate().opensearchHome();
            String version = checkFiles(home);
            boolean root = Os.isRoot();
            String user = root ? runAsUser : null;
            if (user != null) {
                Os.ensureSystemUser(user);
            }
            Started s = new Started();
            s.version = version;
            long t0 = System.nanoTime();
            try {
                s.workDir = Files.createTempDirectory(workDirParent, "callqa-opensearch-");
            } catch (IOException e) {
                throw new ServerStartException(
                        "Cannot create a work directory in " + workDirParent + ": " + e, e);
            }
            try {
                launch(s, home, user);
            } catch (RuntimeException e) {
                if (s.process != null) {
                    s.process.stop(Duration.ofSeconds(10));
                }
                keepOnlyLogs(s.workDir);
                throw e;
            }
            s.startupTime = Duration.ofNanos(System.nanoTime() - t0);
            LocalOpenSearch node = new LocalOpenSearch(s);
            LOG.log(
                    System.Logger.Level.INFO,
                    String.format(
                            Locale.ROOT,
                            "Started OpenSearch %s at %s in %.1f s (pid %d%s, work dir %s)",
                            version,
                            node.httpUri(),
                            s.startupTime.toMillis() / 1000.0,
                            node.pid(),
                            user == null ? "" : ", user " + user,
                            s.workDir));
            return node;
        }

        private String checkFiles(Path home) {
            if (!Files.isRegularFile(home.resolve("bin/opensearch"))) {
                throw new IllegalStateException(
                        "No OpenSearch distribution at "
                                + home
                                + " (bin/opensearch is missing). Run `"
                                + ServerDistributions.BUILD_COMMAND
                                + "` from the repository root, or pass distribution() the"
                                + " directory that holds bin/opensearch.");
            }
            String version = detectVersion(home.resolve("lib"));
            if (version == null) {
                throw new IllegalStateException(
                        "Cannot tell the OpenSearch version of "
                                + home
                                + ": lib/opensearch-<version>.jar is missing. Re-run `"
                                + ServerDistributions.BUILD_COMMAND
                                + "` from the repository root.");
            }
            if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
                throw new IllegalStateException(
                        "javaHome "
                                + javaHome
                                + " has no executable bin/java; pass javaHome() a JDK 17+"
                                + " directory");
            }
            if (!Files.isDirectory(workDirParent) || !Files.isWritable(workDirParent)) {
                throw new IllegalStateException(
                        "workDirParent "
                                + workDirParent
                                + " is not a writable directory; pass workDirParent() one that"
                                + " is");
            }
            if (!Files.isDirectory(Path.of("/proc/self"))) {
                throw new IllegalStateException(
                        "LocalOpenSearch runs on Linux only (it needs /proc, setsid and bash)");
            }
            return version;
        }

        private void launch(Started s, Path home, String user) {
            Path work = s.workDir;
            Path conf = work.resolve("config");
            Path data = work.resolve("data");
            Path logs = work.resolve("logs");
            Path tmp = work.resolve("tmp");
            Path opensearchHome = home;
            int[] ports = Ports.free(2);
            s.httpPort = ports[0];
            s.transportPort = ports[1];
            try {
                Files.createDirectories(data);
                Files.createDirectories(logs);
                Files.createDirectories(tmp);
                ServerFiles.copyTree(home.resolve("config"), conf);
                if (user != null) {
                    opensearchHome = work.resolve("opensearch-" + s.version);
                    ServerFiles.copyTree(home, opensearchHome);
                }
                Files.writeString(
                        conf.resolve("opensearch.yml"),
                        settings(s, data, logs),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ServerStartException("Cannot prepare " + work + ": " + e, e);
            }
            s.consoleLog = logs.resolve("console.log");
            s.serverLog = logs.resolve(clusterName + ".log");
            if (user != null) {
                Os.chown(work, user);
            }

            Map<String, String> env = new LinkedHashMap<>();
            env.put("OPENSEARCH_JAVA_HOME", javaHome.toString());
            env.put("OPENSEARCH_JAVA_OPTS", "-Xms" + heapMb + "m -Xmx" + heapMb + "m");
            env.put("OPENSEARCH_PATH_CONF", conf.toString());
            env.put("OPENSEARCH_TMPDIR", tmp.toString());
            env.put("HOME", work.toString());
            List<String> command = new ArrayList<>();
            if (user != null) {
                command.addAll(asUser(user));
            }
            command.add(opensearchHome.resolve("bin/opensearch").toString());
            s.command = List.copyOf(command);
            s.environment = Map.copyOf(env);
            s.startupTimeout = startupTimeout;
            s.process = ServerProcess.start("OpenSearch", command, env, work, s.consoleLog, true);
            awaitHealthy(s, startupTimeout, true);
        }

        private String settings(Started s, Path data, Path logs) {
            return String.join(
                    "\n",
                    "# Written by callqa LocalOpenSearch.",
                    "cluster.name: " + clusterName,
                    "node.name: " + clusterName + "-local",
                    "discovery.type: single-node",
                    "network.host: " + Ports.LOOPBACK,
                    "http.port: " + s.httpPort,
                    "transport.port: " + s.transportPort,
                    "path.data: " + data,
                    "path.logs: " + logs,
                    "cluster.routing.allocation.disk.threshold_enabled: false",
                    "action.destructive_requires_name: false",
                    "");
        }

        private static List<String> asUser(String user) {
            if (Os.which("setpriv").isPresent()) {
                return List.of(
                        Os.which("setpriv").get().toString(),
                        "--reuid=" + user,
                        "--regid=" + user,
                        "--init-groups");
            }
            return List.of(
                    Os.require("runuser", "to run OpenSearch as " + user + " (or setpriv)"),
                    "-u",
                    user,
                    "--");
        }

        /**
         * Waits for a yellow cluster health; {@code firstStart} says whether a failure leaves only
         * the logs (a first start) or the whole work directory (a restart, whose data is kept).
         */
        static void awaitHealthy(Started s, Duration startupTimeout, boolean firstStart) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI health =
                    URI.create(
                            "http://"
                                    + Ports.LOOPBACK
                                    + ":"
                                    + s.httpPort
                                    + "/_cluster/health?wait_for_status=yellow&timeout=5s");
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            String lastAnswer = "no answer yet";
            while (System.nanoTime() < deadline) {
                if (!s.process.isAlive()) {
                    throw failure(
                            s,
                            "OpenSearch exited with code "
                                    + s.process.exitCode()
                                    + " before it became ready",
                            firstStart);
                }
                try {
                    HttpResponse<String> r =
                            http.send(
                                    HttpRequest.newBuilder(health)
                                            .timeout(Duration.ofSeconds(10))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                    lastAnswer = "HTTP " + r.statusCode() + ": " + r.body();
                } catch (IOException e) {
                    lastAnswer = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure(s, "Interrupted while waiting for OpenSearch", firstStart);
                }
                Os.sleep(250);
            }
            throw failure(
                    s,
                    "OpenSearch did not reach yellow health at "
                            + health
                            + " within "
                            + startupTimeout.toSeconds()
                            + " s (last answer: "
                            + lastAnswer
                            + ")",
                    firstStart);
        }

        private static ServerStartException failure(Started s, String what, boolean firstStart) {
            return new ServerStartException(
                    what
                            + ".\nLog file: "
                            + s.serverLog
                            + "\nConsole output: "
                            + s.consoleLog
                            + " (the work directory "
                            + s.workDir
                            + (firstStart
                                    ? " is kept, without data, for reading)."
                                    : " is kept until close()).")
                            + "\nLast lines of the console output:\n"
                            + ServerFiles.tail(s.consoleLog, LOG_TAIL_LINES));
        }

        private static void keepOnlyLogs(Path work) {
            try (Stream<Path> entries = Files.list(work)) {
                entries.filter(p -> !p.getFileName().toString().equals("logs"))
                        .forEach(ServerFiles::deleteTree);
            } catch (IOException | UncheckedIOException e) {
                // best effort
            }
        }

        private static String detectVersion(Path lib) {
            if (!Files.isDirectory(lib)) {
                return null;
            }
            try (Stream<Path> jars = Files.list(lib)) {
                return jars.map(p -> VERSION_JAR.matcher(p.getFileName().toString()))
                        .filter(Matcher::matches)
                        .map(m -> m.group(1))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        }
    }
}
