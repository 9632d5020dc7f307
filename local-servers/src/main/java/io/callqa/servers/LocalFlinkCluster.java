package io.callqa.servers;

import java.io.File;
import java.io.IOException;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real standalone Flink session cluster: a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}), each in a JVM
 * of its own, on the Flink jars from Maven Central that the build lists in {@value #CLASSPATH_FILE}
 * (module {@code local-servers/flink-cluster}), on free loopback ports, with its {@code
 * config.yaml}, logs and temporary files in a fresh work directory that {@link #close()} deletes.
 * Jobs are submitted with Flink's own client ({@link #submit}), as {@code flink run} does.
 *
 * <p>Like the other local servers, the JVMs never outlive this one: {@link #close()} stops them, a
 * shutdown hook does the same when the JVM exits, and a watchdog process stops them if it is
 * killed.
 *
 * <pre>{@code
 * try (LocalFlinkCluster flink = LocalFlinkCluster.builder().start()) {
 *     LocalFlinkCluster.ClientRun run = flink.submit(jobJar, List.of("--input", dir));
 * }
 * }</pre>
 */
public final class LocalFlinkCluster implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalFlinkCluster.class.getName());

    /** The file, in the servers directory, that holds the cluster's classpath. */
    public static final String CLASSPATH_FILE = "flink-classpath.txt";

    /** The command, run from the repository root, that writes {@value #CLASSPATH_FILE}. */
    public static final String BUILD_COMMAND =
            "./mvnw -q -pl local-servers/flink-cluster -am package";

    /**
     * The JDK packages Flink reflects into: its distribution's {@code env.java.default-opts.all}.
     * Without them the client fails with "Can not register process function transformation
     * translator".
     */
    static final List<String> ADD_OPENS =
            List.of(
                    "java.base/java.lang",
                    "java.base/java.lang.reflect",
                    "java.base/java.net",
                    "java.base/java.io",
                    "java.base/java.nio",
                    "java.base/sun.nio.ch",
                    "java.base/java.text",
                    "java.base/java.time",
                    "java.base/java.util",
                    "java.base/java.util.concurrent",
                    "java.base/java.util.concurrent.atomic",
                    "java.base/java.util.concurrent.locks");

    /**
     * Keys of config.yaml that LocalFlinkCluster sets itself and {@link Builder#property} may not.
     */
    static final Set<String> MANAGED_PROPERTIES =
            Set.of(
                    "jobmanager.rpc.address",
                    "jobmanager.rpc.port",
                    "jobmanager.bind-host",
                    "rest.port",
                    "rest.address",
                    "rest.bind-address",
                    "blob.server.port",
                    "taskmanager.host",
                    "taskmanager.bind-host",
                    "taskmanager.numberOfTaskSlots",
                    "taskmanager.resource-id",
                    "io.tmp.dirs");

    private static final String CLIENT_MAIN = "org.apache.flink.client.cli.CliFrontend";
    private static final int LOG_TAIL_LINES = 40;
    private static final Pattern TASK_MANAGERS = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)");
    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

    private final String version;
    private final int restPort;
    private final int rpcPort;
    private final Path workDir;
    private final Path confDir;
    private final String classpath;
    private final Path javaHome;
    private final ServerProcess jobManager;
    private final List<ServerProcess> taskManagers;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger clientRuns = new AtomicInteger();

    private LocalFlinkCluster(
            String version,
            int restPort,
            int rpcPort,
            Path workDir,
            String classpath,
            Path javaHome,
            ServerProcess jobManager,
            List<ServerProcess> taskManagers,
            Duration startupTime) {
        this.version = version;
        this.restPort = restPort;
        this.rpcPort = rpcPort;
        this.workDir = workDir;
        this.confDir = workDir.resolve("conf");
        this.classpath = classpath;
        this.javaHome = javaHome;
        this.jobManager = jobManager;
        this.taskManagers = List.copyOf(taskManagers);
        this.startupTime = startupTime;
    }

    /** Returns a builder with the defaults: one TaskManager with one slot. */
    public static Builder builder() {
        return new Builder();
    }

    /** The JobManager's REST address, {@code 127.0.0.1:PORT}: what {@code flink run -m} takes. */
    public String address() {
        return Ports.LOOPBACK + ":" + restPort;
    }

    /** The REST API and web UI, {@code http://127.0.0.1:PORT}. */
    public URI restUri() {
        return URI.create("http://" + address());
    }

    /** The JobManager's RPC port. */
    public int rpcPort() {
        return rpcPort;
    }

    /** The Flink version, read from the flink-runtime jar on the classpath. */
    public String version() {
        return version;
    }

    /** The work directory: {@code conf/config.yaml}, {@code log/}, {@code tmp/}. */
    public Path workDir() {
        return workDir;
    }

    /** The directory with {@code config.yaml}: what {@code FLINK_CONF_DIR} names for a client. */
    public Path confDir() {
        return confDir;
    }

    /** The JobManager's log file. */
    public Path jobManagerLog() {
        return workDir.resolve("log/jobmanager.log");
    }

    /** The log file of TaskManager {@code i} (from 0). */
    public Path taskManagerLog(int i) {
        return workDir.resolve("log/taskmanager-" + i + ".log");
    }

    /** How many TaskManagers this cluster started. */
    public int taskManagerCount() {
        return taskManagers.size();
    }

    /** The pids of the JobManager and then each TaskManager. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>(List.of(jobManager.pid()));
        taskManagers.forEach(t -> pids.add(t.pid()));
        return pids;
    }

    /** How long the cluster took from launch until every TaskManager had registered. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Whether the JobManager and every TaskManager still run. */
    public boolean isRunning() {
        return !closed.get()
                && jobManager.isAlive()
                && taskManagers.stream().allMatch(ServerProcess::isAlive);
    }

    /**
     * What a run of Flink's client did.
     *
     * @param exitCode the client's exit code (0: submitted, and for an attached run, finished)
     * @param output everything the client printed
     * @param log the client's log file
     * @param jobId the id of the job it submitted, or null if none was printed
     */
    public record ClientRun(int exitCode, String output, Path log, String jobId) {}

    /**
     * Submits {@code jobJar} with Flink's own client, as {@code flink run -m ADDRESS JAR ARGS}
     * does, and waits for the client: for a bounded job that is until the job has finished.
     *
     * @param jobArgs the arguments of the job's main class
     */
    public ClientRun submit(Path jobJar, List<String> jobArgs) {
        List<String> args = new ArrayList<>(List.of("run", "-m", address(), jobJar.toString()));
        args.addAll(jobArgs);
        return client(args, Map.of(), Duration.ofMinutes(5));
    }

    /**
     * Runs Flink's client ({@code CliFrontend}) in a JVM of its own, with {@code FLINK_CONF_DIR}
     * set to this cluster's configuration, e.g. {@code client(List.of("list", "-m", address()),
     * ...)}.
     *
     * @param args the client's arguments: an action ({@code run}, {@code list}, {@code cancel}) and
     *     its options
     * @param environment more environment variables for the client (and the job's main method)
     * @param timeout how long the client may take; it is killed after that
     * @throws ServerStartException if the client cannot be started or does not finish in time
     */
    public ClientRun client(List<String> args, Map<String, String> environment, Duration timeout) {
        if (closed.get()) {
            throw new IllegalStateException("the Flink cluster at " + address() + " was stopped");
        }
        int n = clientRuns.incrementAndGet();
        Path log = workDir.resolve("log/client-" + n + ".log");
        Path out = workDir.resolve("log/client-" + n + ".out");
        List<String> command = jvm("client-" + n, log);
        command.add("-Xmx256m");
        // A client lives for seconds: the quick compiler alone costs it less CPU.
        command.add("-XX:TieredStopAtLevel=1");
        command.add(CLIENT_MAIN);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().putAll(environment);
        pb.environment().put("FLINK_CONF_DIR", confDir.toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(out.toFile());
        try {
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new ServerStartException(
                        "Flink's client ("
                                + String.join(" ", args)
                                + ") did not finish within "
                                + timeout.toSeconds()
                                + " s. Its output ("
                                + out
                                + "):\n"
                                + ServerFiles.tail(out, LOG_TAIL_LINES)
                                + "\nLast lines of the JobManager log ("
                                + jobManagerLog()
                                + "):\n"
                                + ServerFiles.tail(jobManagerLog(), LOG_TAIL_LINES));
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Matcher id = JOB_ID.matcher(output);
            return new ClientRun(p.exitValue(), output, log, id.find() ? id.group(1) : null);
        } catch (IOException e) {
            throw new ServerStartException("Cannot run Flink's client " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("Interrupted while Flink's client ran", e);
        }
    }

    /** The java command line up to the main class: heap and main class are the caller's. */
    private List<String> jvm(String name, Path logFile) {
        return Builder.jvm(javaHome, classpath, confDir, logFile, name);
    }

    /** Stops the TaskManagers, then the JobManager, then deletes the work directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        taskManagers.forEach(t -> t.stop(Duration.ofSeconds(20)));
        jobManager.stop(Duration.ofSeconds(20));
        ServerFiles.deleteTree(workDir);
        LOG.log(System.Logger.Level.INFO, "Stopped the Flink cluster at {0}", address());
    }

    @Override
    public String toString() {
        return "LocalFlinkCluster "
                + version
                + " at "
                + address()
                + " ("
                + taskManagers.size()
                + " TaskManager(s))";
    }

    /**
     * The memory of one TaskManager, in MB, as Flink's start scripts hand it over: the dynamic
     * properties {@code taskmanager.memory.*} and the JVM flags that match them.
     */
    record TaskManagerMemory(
            int frameworkHeap,
            int taskHeap,
            int managed,
            int frameworkOffHeap,
            int taskOffHeap,
            int network,
            int metaspace,
            int overhead) {

        /** Defaults that run callqa's job (Jackson, OpenSearch client, Kafka client) in 1 slot. */
        static TaskManagerMemory forTaskHeap(int taskHeapMb) {
            return new TaskManagerMemory(128, taskHeapMb, 64, 128, 64, 64, 256, 192);
        }

        /** The {@code -D} dynamic properties that TaskManagerRunner requires. */
        List<String> dynamicProperties(int cpuCores) {
            return List.of(
                    "-Dtaskmanager.cpu.cores=" + cpuCores + ".0",
                    "-Dtaskmanager.memory.framework.heap.size=" + frameworkHeap + "m",
                    "-Dtaskmanager.memory.task.heap.size=" + taskHeap + "m",
                    "-Dtaskmanager.memory.managed.size=" + managed + "m",
                    "-Dtaskmanager.memory.framework.off-heap.size=" + frameworkOffHeap + "m",
                    "-Dtaskmanager.memory.task.off-heap.size=" + taskOffHeap + "m",
                    "-Dtaskmanager.memory.network.min=" + network + "m",
                    "-Dtaskmanager.memory.network.max=" + network + "m",
                    "-Dtaskmanager.memory.jvm-metaspace.size=" + metaspace + "m",
                    "-Dtaskmanager.memory.jvm-overhead.min=" + overhead + "m",
                    "-Dtaskmanager.memory.jvm-overhead.max=" + overhead + "m");
        }

        /** The JVM flags matching the properties: heap, direct memory and metaspace limits. */
        List<String> jvmFlags() {
            int heap = frameworkHeap + taskHeap;
            return List.of(
                    "-Xms" + heap + "m",
                    "-Xmx" + heap + "m",
                    "-XX:MaxDirectMemorySize=" + (frameworkOffHeap + taskOffHeap + network) + "m",
                    "-XX:MaxMetaspaceSize=" + metaspace + "m");
        }
    }

    /**
     * Configures and starts a {@link LocalFlinkCluster}. Setters reject bad values at once, with a
     * message that says what to pass instead; {@link #start()} checks the classpath before
     * launching anything.
     */
    public static final class Builder {
        private Path classpathFile;
        private int taskManagers = 1;
        private int slots = 1;
        private int jobManagerHeapMb = 700;
        private int taskHeapMb = 256;
        private Duration startupTimeout = Duration.ofSeconds(120);
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private Path workDirParent = Path.of(System.getProperty("java.io.tmpdir"));
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
            properties.put("parallelism.default", "1");
            properties.put("restart-strategy.type", "fixed-delay");
            properties.put("restart-strategy.fixed-delay.attempts", "3");
            properties.put("restart-strategy.fixed-delay.delay", "1 s");
            // Short heartbeats: a lost TaskManager is noticed in seconds, not in 50.
            properties.put("heartbeat.interval", "2000");
            properties.put("heartbeat.timeout", "8000");
        }

        /**
         * The file listing the cluster's jars, separated by the path separator. Default: {@value
         * #CLASSPATH_FILE} in the servers directory ({@link ServerDistributions#dir()}).
         */
        public Builder classpathFile(Path file) {
            this.classpathFile =
                    Objects.requireNonNull(
                            file,
                            "classpathFile is null: pass the file the build wrote, or do not call"
                                    + " classpathFile() to use "
                                    + ServerDistributions.RELATIVE_DIR
                                    + "/"
                                    + CLASSPATH_FILE);
            return this;
        }

        /** How many TaskManagers, each a JVM of its own: 1 to 8. Default 1. */
        public Builder taskManagers(int n) {
            if (n < 1 || n > 8) {
                throw new IllegalArgumentException(
                        "taskManagers must be 1 to 8, was " + n + "; each is a JVM of its own");
            }
            this.taskManagers = n;
            return this;
        }

        /** Task slots per TaskManager: 1 to 16. Default 1. */
        public Builder slotsPerTaskManager(int slots) {
            if (slots < 1 || slots > 16) {
                throw new IllegalArgumentException(
                        "slotsPerTaskManager must be 1 to 16, was " + slots);
            }
            this.slots = slots;
            return this;
        }

        /** JobManager heap (-Xmx) in MB, 128 to 4096. Default 700. */
        public Builder jobManagerHeapMb(int mb) {
            this.jobManagerHeapMb = BuilderChecks.heapMb(mb, 4096, "512 to 700 is enough");
            return this;
        }

        /**
         * Task heap of each TaskManager ({@code taskmanager.memory.task.heap.size}) in MB, 128 to
         * 4096. Default 256; the JVM's heap is this plus 128 MB of framework heap.
         */
        public Builder taskHeapMb(int mb) {
            this.taskHeapMb = BuilderChecks.heapMb(mb, 4096, "256 is enough for the samples");
            return this;
        }

        /** How long to wait until every TaskManager has registered. Default 120 s. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = BuilderChecks.startupTimeout(timeout, "Duration.ofSeconds(120)");
            return this;
        }

        /** The JDK that runs the JVMs. Default: this JVM's {@code java.home}. */
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
         * Sets one entry of config.yaml, e.g. {@code property("parallelism.default", "2")}. The
         * addresses, ports, slots and temporary directories are managed by LocalFlinkCluster and
         * rejected.
         */
        public Builder property(String key, String value) {
            if (key == null || key.isBlank() || !key.strip().matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException(
                        "property key "
                                + (key == null ? "null" : "\"" + key + "\"")
                                + " is not a Flink option name such as \"parallelism.default\"");
            }
            if (MANAGED_PROPERTIES.contains(key.strip())) {
                throw new IllegalArgumentException(
                        "property \""
                                + key
                                + "\" is set by LocalFlinkCluster itself (loopback addresses on"
                                + " free ports, slots from slotsPerTaskManager(), temporary"
                                + " directories in the work directory) and cannot be changed;"
                                + " read the chosen values from address() and confDir()");
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
         * Starts the JobManager and the TaskManagers and waits until every TaskManager has
         * registered with the JobManager.
         *
         * @throws IllegalStateException if the classpath, the JDK or the work directory parent are
         *     unusable (before anything is launched)
         * @throws ServerStartException if the cluster does not come up; the message names the log
         *     files and quotes their last lines
         */
        public LocalFlinkCluster start() {
            Path file =
                    classpathFile != null
                            ? classpathFile
                            : ServerDistributions.locate().dir().resolve(CLASSPATH_FILE);
            String classpath = readClasspath(file);
            String version = detectVersion(classpath, file);
            checkFiles();
            long t0 = System.nanoTime();
            Path work;
            try {
                work = Files.createTempDirectory(workDirParent, "callqa-flink-");
            } catch (IOException e) {
                throw new ServerStartException(
                        "Cannot create a work directory in " + workDirParent + ": " + e, e);
            }
            Path conf = work.resolve("conf");
            Path logs = work.resolve("log");
            int[] ports = Ports.free(3);
            int rpcPort = ports[0];
            int restPort = ports[1];
            ServerProcess jm = null;
            List<ServerProcess> tms = new ArrayList<>();
            try {
                Files.createDirectories(conf);
                Files.createDirectories(logs);
                Files.createDirectories(work.resolve("tmp"));
                Files.writeString(
                        conf.resolve("config.yaml"),
                        configYaml(rpcPort, restPort, ports[2], work.resolve("tmp")),
                        StandardCharsets.UTF_8);
                Files.writeString(
                        conf.resolve("log4j.properties"), log4jConfig(), StandardCharsets.UTF_8);

                List<String> jmCommand =
                        jvm(javaHome, classpath, conf, logs.resolve("jobmanager.log"), "jm");
                jmCommand.add("-Xms" + Math.min(256, jobManagerHeapMb) + "m");
                jmCommand.add("-Xmx" + jobManagerHeapMb + "m");
                jmCommand.add(
                        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
                jmCommand.add("--configDir");
                jmCommand.add(conf.toString());
                jm =
                        ServerProcess.start(
                                "Flink JobManager",
                                jmCommand,
                                Map.of("FLINK_CONF_DIR", conf.toString()),
                                work,
                                logs.resolve("jobmanager.out"),
                                true);

                TaskManagerMemory memory = TaskManagerMemory.forTaskHeap(taskHeapMb);
                for (int i = 0; i < taskManagers; i++) {
                    List<String> tm =
                            jvm(
                                    javaHome,
                                    classpath,
                                    conf,
                                    logs.resolve("taskmanager-" + i + ".log"),
                                    "tm-" + i);
                    tm.addAll(memory.jvmFlags());
                    tm.add("org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
                    tm.add("--configDir");
                    tm.add(conf.toString());
                    tm.addAll(memory.dynamicProperties(slots));
                    tm.add("-Dtaskmanager.resource-id=callqa-tm-" + i);
                    tms.add(
                            ServerProcess.start(
                                    "Flink TaskManager " + i,
                                    tm,
                                    Map.of("FLINK_CONF_DIR", conf.toString()),
                                    work,
                                    logs.resolve("taskmanager-" + i + ".out"),
                                    false));
                }
                awaitRegistered(jm, tms, restPort, work);
            } catch (IOException | RuntimeException e) {
                tms.forEach(t -> t.stop(Duration.ofSeconds(10)));
                if (jm != null) {
                    jm.stop(Duration.ofSeconds(10));
                }
                ServerFiles.deleteTree(work.resolve("tmp"));
                if (e instanceof ServerStartException sse) {
                    throw sse;
                }
                throw new ServerStartException(
                        "Cannot start the Flink cluster in "
                                + work
                                + ": "
                                + e
                                + "\nLog files: "
                                + logs,
                        e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            LocalFlinkCluster cluster =
                    new LocalFlinkCluster(
                            version, restPort, rpcPort, work, classpath, javaHome, jm, tms, took);
            LOG.log(
                    System.Logger.Level.INFO,
                    String.format(
                            Locale.ROOT,
                            "Started Flink %s at %s with %d TaskManager(s) in %.1f s (pids %s,"
                                    + " work dir %s)",
                            version,
                            cluster.address(),
                            taskManagers,
                            took.toMillis() / 1000.0,
                            cluster.pids(),
                            work));
            return cluster;
        }

        /** The java command up to the heap flags and the main class. */
        static List<String> jvm(
                Path javaHome, String classpath, Path conf, Path logFile, String name) {
            List<String> jvm = new ArrayList<>();
            jvm.add(javaHome.resolve("bin/java").toString());
            for (String pkg : ADD_OPENS) {
                jvm.add("--add-opens=" + pkg + "=ALL-UNNAMED");
            }
            jvm.add("-XX:+UseG1GC");
            jvm.add("-Djava.awt.headless=true");
            jvm.add("-Dlog.file=" + logFile);
            jvm.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
            jvm.add("-Dcallqa.flink.process=" + name);
            jvm.add("-cp");
            jvm.add(classpath);
            return jvm;
        }

        /** The config.yaml text (package-private for tests). */
        String configYaml(int rpcPort, int restPort, int blobPort, Path tmp) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("jobmanager.rpc.address", Ports.LOOPBACK);
            all.put("jobmanager.rpc.port", Integer.toString(rpcPort));
            all.put("jobmanager.bind-host", Ports.LOOPBACK);
            all.put("rest.address", Ports.LOOPBACK);
            all.put("rest.bind-address", Ports.LOOPBACK);
            all.put("rest.port", Integer.toString(restPort));
            all.put("blob.server.port", Integer.toString(blobPort));
            all.put("taskmanager.host", Ports.LOOPBACK);
            all.put("taskmanager.bind-host", Ports.LOOPBACK);
            all.put("taskmanager.numberOfTaskSlots", Integer.toString(slots));
            all.put("io.tmp.dirs", tmp.toString());
            all.putAll(properties);
            StringBuilder yaml = new StringBuilder("# Written by callqa LocalFlinkCluster.\n");
            all.forEach((k, v) -> yaml.append(k).append(": ").append(quote(v)).append('\n'));
            return yaml.toString();
        }

        /** A YAML scalar that stays a string: single-quoted, quotes doubled. */
        private static String quote(String value) {
            return "'" + value.replace("'", "''") + "'";
        }

        private static String log4jConfig() {
            return String.join(
                    "\n",
                    "# Written by callqa LocalFlinkCluster: each JVM logs to its own file"
                            + " (-Dlog.file), never to the console.",
                    "status = warn",
                    "monitorInterval = 0",
                    "appender.file.type = File",
                    "appender.file.name = file",
                    "appender.file.fileName = ${sys:log.file}",
                    "appender.file.layout.type = PatternLayout",
                    "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                    "rootLogger.level = INFO",
                    "rootLogger.appenderRef.file.ref = file",
                    "logger.pekko.name = org.apache.pekko",
                    "logger.pekko.level = WARN",
                    "logger.kafka.name = org.apache.kafka",
                    "logger.kafka.level = WARN",
                    "logger.netty.name = org.apache.flink.shaded.netty4",
                    "logger.netty.level = WARN",
                    "");
        }

        /** The classpath in {@code file}, every entry checked to exist. */
        static String readClasspath(Path file) {
            String fix =
                    "Run `"
                            + BUILD_COMMAND
                            + "` from the repository root, or pass classpathFile() such a file.";
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(
                        "No Flink cluster classpath at "
                                + file
                                + " (it is written by the build). "
                                + fix);
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file + ": " + e + ". " + fix, e);
            }
            List<String> missing = new ArrayList<>();
            for (String entry : text.split(File.pathSeparator)) {
                if (!entry.isBlank() && !Files.isRegularFile(Path.of(entry))) {
                    missing.add(entry);
                }
            }
            if (text.isEmpty() || !missing.isEmpty()) {
                throw new IllegalStateException(
                        "The Flink cluster classpath in "
                                + file
                                + (text.isEmpty()
                                        ? " is empty"
                                        : " names jars that do not exist: " + missing)
                                + ". "
                                + fix);
            }
            return text;
        }

        private static String detectVersion(String classpath, Path file) {
            Matcher m =
                    Pattern.compile("flink-runtime-(\\d+\\.\\d+\\.\\d+[^/:]*)\\.jar")
                            .matcher(classpath);
            if (!m.find()) {
                throw new IllegalStateException(
                        "The Flink cluster classpath in "
                                + file
                                + " has no flink-runtime-<version>.jar. Run `"
                                + BUILD_COMMAND
                                + "` from the repository root.");
            }
            return m.group(1);
        }

        private void checkFiles() {
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
                        "LocalFlinkCluster runs on Linux only (it needs /proc and setsid)");
            }
        }

        private void awaitRegistered(
                ServerProcess jm, List<ServerProcess> tms, int restPort, Path work) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI overview = URI.create("http://" + Ports.LOOPBACK + ":" + restPort + "/overview");
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            int registered = -1;
            while (System.nanoTime() < deadline) {
                if (!jm.isAlive()) {
                    throw failure(
                            "The Flink JobManager exited with code "
                                    + jm.exitCode()
                                    + " before the cluster came up",
                            work);
                }
                for (int i = 0; i < tms.size(); i++) {
                    if (!tms.get(i).isAlive()) {
                        throw failure(
                                "Flink TaskManager "
                                        + i
                                        + " exited with code "
                                        + tms.get(i).exitCode()
                                        + " before it registered",
                                work);
                    }
                }
                registered = registeredTaskManagers(http, overview);
                if (registered >= tms.size()) {
                    return;
                }
                Os.sleep(250);
            }
            throw failure(
                    "The Flink cluster did not come up within "
                            + startupTimeout.toSeconds()
                            + " s ("
                            + (registered < 0
                                    ? "the JobManager's REST port " + restPort + " did not answer"
                                    : registered + " of " + tms.size() + " TaskManagers registered")
                            + ")",
                    work);
        }

        /** The TaskManagers {@code /overview} counts, or -1 while the REST API does not answer. */
        private static int registeredTaskManagers(HttpClient http, URI overview) {
            try {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(overview)
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                Matcher m = TASK_MANAGERS.matcher(r.body());
                return r.statusCode() == 200 && m.find() ? Integer.parseInt(m.group(1)) : -1;
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerStartException("Interrupted while the Flink cluster started", e);
            }
        }

        private ServerStartException failure(String what, Path work) {
            Path logs = work.resolve("log");
            StringBuilder s =
                    new StringBuilder(what)
                            .append(".\nLog files in ")
                            .append(logs)
                            .append(" (the work directory is kept for reading).")
                            .append("\nLast lines of the JobManager log:\n")
                            .append(
                                    ServerFiles.tail(
                                            logs.resolve("jobmanager.log"), LOG_TAIL_LINES))
                            .append("\nJobManager console output:\n")
                            .append(ServerFiles.tail(logs.resolve("jobmanager.out"), 10));
            for (int i = 0; i < taskManagers; i++) {
                s.append("\nLast lines of the log of TaskManager ")
                        .append(i)
                        .append(":\n")
                        .append(ServerFiles.tail(logs.resolve("taskmanager-" + i + ".log"), 20))
                        .append("\nIts console output:\n")
                        .append(ServerFiles.tail(logs.resolve("taskmanager-" + i + ".out"), 10));
            }
            return new ServerStartException(s.toString());
        }
    }
}
