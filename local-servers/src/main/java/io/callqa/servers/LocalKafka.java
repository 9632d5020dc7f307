package io.callqa.servers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real single-node Kafka (KRaft, broker and controller in one JVM), started as a child JVM on the
 * broker jars that the build copied, on free loopback ports, with its log directories and log files
 * in a fresh temporary directory that {@link #close()} deletes.
 *
 * <p>The broker never outlives this JVM: {@link #close()} stops its whole process tree, a shutdown
 * hook does the same when the JVM exits, and a watchdog process stops it if the JVM is killed.
 *
 * <pre>{@code
 * try (LocalKafka kafka = LocalKafka.builder().start()) {
 *     String bootstrap = kafka.bootstrapServers(); // 127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class LocalKafka implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalKafka.class.getName());
    private static final Pattern VERSION_JAR =
            Pattern.compile("kafka_2\\.13-(\\d+\\.\\d+\\.\\d+[A-Za-z0-9.-]*)\\.jar");
    private static final String READY_LINE = "Kafka Server started";
    private static final int LOG_TAIL_LINES = 40;

    /** Properties that LocalKafka sets itself and that {@link Builder#property} may not change. */
    static final Set<String> MANAGED_PROPERTIES =
            Set.of(
                    "process.roles",
                    "node.id",
                    "controller.quorum.voters",
                    "controller.quorum.bootstrap.servers",
                    "listeners",
                    "advertised.listeners",
                    "controller.listener.names",
                    "inter.broker.listener.name",
                    "listener.security.protocol.map",
                    "log.dirs",
                    "log.dir");

    private final String version;
    private final int port;
    private final int controllerPort;
    private final Path workDir;
    private final Path serverLog;
    private final ServerProcess process;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalKafka(
            String version,
            int port,
            int controllerPort,
            Path workDir,
            Path serverLog,
            ServerProcess process,
            Duration startupTime) {
        this.version = version;
        this.port = port;
        this.controllerPort = controllerPort;
        this.workDir = workDir;
        this.serverLog = serverLog;
        this.process = process;
        this.startupTime = startupTime;
    }

    /** Returns a builder with the defaults: the jars the build copied, 512 MB heap. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bootstrap servers for clients, e.g. {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    /** The PLAINTEXT broker port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The KRaft controller port on 127.0.0.1. */
    public int controllerPort() {
        return controllerPort;
    }

    /** The Kafka version, read from the broker jar's name. */
    public String version() {
        return version;
    }

    /** The temporary directory with the broker's config, log dirs and logs. */
    public Path workDir() {
        return workDir;
    }

    /** The broker's log file (log4j2, INFO and up). */
    public Path logFile() {
        return serverLog;
    }

    /** How long the broker took from launch to ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The pid of the broker JVM (the leader of its process group). */
    public long pid() {
        return process.pid();
    }

    /** Whether the broker process is still running. */
    public boolean isRunning() {
        return !closed.get() && process.isAlive();
    }

    /** Stops the broker and its process tree, then deletes the work directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.stop(Duration.ofSeconds(30));
        ServerFiles.deleteTree(workDir);
        LOG.log(System.Logger.Level.INFO, "Stopped Kafka at {0}", bootstrapServers());
    }

    @Override
    public String toString() {
        return "LocalKafka " + version + " at " + bootstrapServers();
    }

    /**
     * Configures and starts a {@link LocalKafka}. Setters reject bad values at once, with a message
     * that says what to pass instead; {@link #start()} checks the files before launching anything.
     */
    public static final class Builder {
        private Path libs;
        private int heapMb = 512;
        private Duration startupTimeout = Duration.ofSeconds(90);
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private Path workDirParent = Path.of(System.getProperty("java.io.tmpdir"));
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
            // Fast, single-node defaults; each can be changed with property().
            properties.put("offsets.topic.replication.factor", "1");
            properties.put("offsets.topic.num.partitions", "1");
            properties.put("transaction.state.log.replication.factor", "1");
            properties.put("transaction.state.log.min.isr", "1");
            properties.put("transaction.state.log.num.partitions", "1");
            properties.put("share.coordinator.state.topic.replication.factor", "1");
            properties.put("share.coordinator.state.topic.min.isr", "1");
            properties.put("default.replication.factor", "1");
            properties.put("min.insync.replicas", "1");
            properties.put("num.partitions", "1");
            properties.put("group.initial.rebalance.delay.ms", "0");
            properties.put("auto.create.topics.enable", "true");
        }

        /**
         * The directory of broker jars (holding {@code kafka_2.13-<version>.jar} and its
         * dependencies). Default: {@link ServerDistributions#kafkaLibs()}.
         */
        public Builder libs(Path libs) {
            this.libs =
                    Objects.requireNonNull(
                            libs,
                            "libs is null: pass the directory that holds kafka_2.13-*.jar, or do"
                                    + " not call libs() to use the one the build filled");
            return this;
        }

        /** Broker JVM heap (-Xmx) in MB, 128 to 4096. Default 512. */
        public Builder heapMb(int heapMb) {
            this.heapMb = BuilderChecks.heapMb(heapMb, 4096, "256 to 512 is enough for tests");
            return this;
        }

        /** How long to wait for the broker to be ready. Default 90 s. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = BuilderChecks.startupTimeout(timeout, "Duration.ofSeconds(90)");
            return this;
        }

        /** The JDK that runs the broker. Default: this JVM's {@code java.home}. */
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
         * Sets one broker property in server.properties, e.g. {@code property("num.partitions",
         * "3")}. The listener, node and log-directory properties are managed by LocalKafka and
         * rejected.
         */
        public Builder property(String key, String value) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(
                        "property key is blank: pass a broker config name such as"
                                + " \"num.partitions\"");
            }
            if (MANAGED_PROPERTIES.contains(key.strip())) {
                throw new IllegalArgumentException(
                        "property \""
                                + key
                                + "\" is set by LocalKafka itself (loopback listeners on free"
                                + " ports, node 1, log dirs in the work directory) and cannot be"
                                + " changed; read the chosen values from bootstrapServers(),"
                                + " controllerPort() and workDir()");
            }
            if (value == null || value.contains("\n") || value.contains("\r")) {
                throw new IllegalArgumentException(
                        "property \""
                                + key
                                + "\" needs a single-line, non-null value, was "
                                + (value == null ? "null" : "\"" + value + "\""));
            }
            properties.put(key.strip(), value);
            return this;
        }

        /**
         * Formats the storage, starts the broker and waits until it accepts connections.
         *
         * @throws IllegalStateException if the jars, the JDK or the work directory parent are
         *     unusable (before anything is launched)
         * @throws ServerStartException if the broker does not start; the message names the log file
         *     and quotes its last lines
         */
        public LocalKafka start() {
            Path libDir = libs != null ? libs : ServerDistributions.locate().kafkaLibs();
            String version = checkFiles(libDir);
            long t0 = System.nanoTime();
            Path work;
            try {
                work = Files.createTempDirectory(workDirParent, "callqa-kafka-");
            } catch (IOException e) {
                throw new ServerStartException(
                        "Cannot create a work directory in " + workDirParent + ": " + e, e);
            }
            Path logs = work.resolve("logs");
            Path serverLog = logs.resolve("server.log");
            Path consoleLog = logs.resolve("console.log");
            Path config = work.resolve("server.properties");
            Path log4j = work.resolve("log4j2.properties");
            int[] ports = Ports.free(2);
            int port = ports[0];
            int controllerPort = ports[1];
            ServerProcess process = null;
            try {
                Files.createDirectories(logs);
                Files.writeString(
                        config,
                        serverProperties(port, controllerPort, work.resolve("data")),
                        StandardCharsets.UTF_8);
                Files.writeString(log4j, log4jConfig(serverLog), StandardCharsets.UTF_8);

                List<String> jvm = new ArrayList<>();
                jvm.add(javaHome.resolve("bin/java").toString());
                jvm.add("-Xms128m");
                jvm.add("-Xmx" + heapMb + "m");
                jvm.add("-XX:+UseG1GC");
                jvm.add("-Djava.awt.headless=true");
                jvm.add("-Dlog4j2.configurationFile=" + log4j);
                jvm.add("-Dkafka.logs.dir=" + logs);
                jvm.add("-cp");
                jvm.add(libDir.toAbsolutePath() + "/*");

                format(jvm, config, work, logs.resolve("format.log"), serverLog);

                List<String> server = new ArrayList<>(jvm);
                server.add("kafka.Kafka");
                server.add(config.toString());
                process = ServerProcess.start("Kafka", server, Map.of(), work, consoleLog, true);
                awaitReady(process, port, serverLog, consoleLog, work);
            } catch (IOException | RuntimeException e) {
                if (process != null) {
                    process.stop(Duration.ofSeconds(10));
                }
                ServerFiles.deleteTree(work.resolve("data"));
                if (e instanceof ServerStartException sse) {
                    throw sse;
                }
                throw new ServerStartException(
                        "Cannot start Kafka in " + work + ": " + e + "\nLog file: " + serverLog, e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            LocalKafka kafka =
                    new LocalKafka(version, port, controllerPort, work, serverLog, process, took);
            LOG.log(
                    System.Logger.Level.INFO,
                    String.format(
                            Locale.ROOT,
                            "Started Kafka %s at %s in %.1f s (pid %d, work dir %s)",
                            version,
                            kafka.bootstrapServers(),
                            took.toMillis() / 1000.0,
                            kafka.pid(),
                            work));
            return kafka;
        }

        private String checkFiles(Path libDir) {
            String version = detectVersion(libDir);
            if (version == null) {
                throw new IllegalStateException(
                        "No Kafka broker jars in "
                                + libDir
                                + " (kafka_2.13-<version>.jar is missing). Run `"
                                + ServerDistributions.BUILD_COMMAND
                                + "` from the repository root, or pass libs() the directory"
                                + " that holds the broker jars.");
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
                        "LocalKafka runs on Linux only (it needs /proc, setsid and bash)");
            }
            return version;
        }

        /** The server.properties text (package-private for tests). */
        String serverProperties(int port, int controllerPort, Path dataDir) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("process.roles", "broker,controller");
            all.put("node.id", "1");
            all.put("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + controllerPort);
            all.put(
                    "listeners",
                    "PLAINTEXT://"
                            + Ports.LOOPBACK
                            + ":"
                            + port
                            + ",CONTROLLER://"
                            + Ports.LOOPBACK
                            + ":"
                            + controllerPort);
            all.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
            all.put("controller.listener.names", "CONTROLLER");
            all.put("inter.broker.listener.name", "PLAINTEXT");
            all.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            all.put("log.dirs", dataDir.toString());
            all.putAll(properties);
            return "# Written by callqa LocalKafka.\n"
                    + all.entrySet().stream()
                            .map(e -> e.getKey() + "=" + escape(e.getValue()))
                            .collect(Collectors.joining("\n"))
                    + "\n";
        }

        private static String escape(String value) {
            return value.replace("\\", "\\\\");
        }

        private static String log4jConfig(Path serverLog) {
            return String.join(
                    "\n",
                    "# Written by callqa LocalKafka: the broker logs to a file, never to the"
                            + " console.",
                    "status = warn",
                    "appender.file.type = File",
                    "appender.file.name = file",
                    "appender.file.fileName = " + serverLog.toString().replace("\\", "/"),
                    "appender.file.layout.type = PatternLayout",
                    "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                    "rootLogger.level = INFO",
                    "rootLogger.appenderRef.file.ref = file",
                    "logger.request.name = kafka.request.logger",
                    "logger.request.level = WARN",
                    "logger.state.name = state.change.logger",
                    "logger.state.level = WARN",
                    "logger.cleaner.name = kafka.log.LogCleaner",
                    "logger.cleaner.level = WARN",
                    "");
        }

        private static void format(
                List<String> jvm, Path config, Path work, Path formatLog, Path serverLog) {
            List<String> command = new ArrayList<>(jvm);
            command.add("kafka.tools.StorageTool");
            command.add("format");
            command.add("-t");
            command.add(clusterId());
            command.add("-c");
            command.add(config.toString());
            ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
            pb.redirectErrorStream(true);
            pb.redirectOutput(formatLog.toFile());
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            try {
                Process p = pb.start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new ServerStartException(
                            "kafka.tools.StorageTool format did not finish within 60 s; its"
                                    + " output is in "
                                    + formatLog
                                    + ":\n"
                                    + ServerFiles.tail(formatLog, LOG_TAIL_LINES));
                }
                if (p.exitValue() != 0) {
                    throw new ServerStartException(
                            "kafka.tools.StorageTool format failed with exit code "
                                    + p.exitValue()
                                    + ". Output ("
                                    + formatLog
                                    + "):\n"
                                    + ServerFiles.tail(formatLog, LOG_TAIL_LINES)
                                    + "\nLast lines of "
                                    + serverLog
                                    + ":\n"
                                    + ServerFiles.tail(serverLog, 10));
                }
            } catch (IOException e) {
                throw new ServerStartException("Cannot run kafka.tools.StorageTool: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerStartException("Interrupted while formatting Kafka storage", e);
            }
        }

        /** A random cluster id in Kafka's format: 16 bytes, URL-safe base64, no padding. */
        static String clusterId() {
            while (true) {
                UUID uuid = UUID.randomUUID();
                ByteBuffer b = ByteBuffer.allocate(16);
                b.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
                String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
                if (!id.startsWith("-")) { // Kafka rejects ids that look like a CLI option
                    return id;
                }
            }
        }

        private void awaitReady(
                ServerProcess process, int port, Path serverLog, Path consoleLog, Path work) {
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            boolean logged = false;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw failure(
                            "Kafka exited with code "
                                    + process.exitCode()
                                    + " before it became ready",
                            serverLog,
                            consoleLog,
                            work);
                }
                logged = logged || ServerFiles.contains(serverLog, READY_LINE);
                if (logged && Ports.accepts(port)) {
                    return;
                }
                Os.sleep(200);
            }
            throw failure(
                    "Kafka did not become ready within "
                            + startupTimeout.toSeconds()
                            + " s ("
                            + (logged
                                    ? "it logged \"" + READY_LINE + "\" but port " + port
                                    : "no \"" + READY_LINE + "\" in its log, and port " + port)
                            + (Ports.accepts(port) ? " accepts connections)" : " is closed)"),
                    serverLog,
                    consoleLog,
                    work);
        }

        private static ServerStartException failure(
                String what, Path serverLog, Path consoleLog, Path work) {
            return new ServerStartException(
                    what
                            + ".\nLog file: "
                            + serverLog
                            + " (the work directory "
                            + work
                            + " is kept, without data, for reading)."
                            + "\nLast lines of the log:\n"
                            + ServerFiles.tail(serverLog, LOG_TAIL_LINES)
                            + "\nConsole output ("
                            + consoleLog
                            + "):\n"
                            + ServerFiles.tail(consoleLog, 10));
        }

        private static String detectVersion(Path libDir) {
            if (!Files.isDirectory(libDir)) {
                return null;
            }
            try (Stream<Path> jars = Files.list(libDir)) {
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
