package io.callqa.servers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server running as a child process in a process group of its own (started through {@code
 * setsid}), with its output in a log file, a {@link Watchdog} that stops it if this JVM dies, and a
 * shutdown hook that stops it when this JVM exits normally.
 */
final class ServerProcess {
    private static final System.Logger LOG = System.getLogger(ServerProcess.class.getName());
    private static final int WATCHDOG_GRACE_SECONDS = 10;

    private final String name;
    private final Process process;
    private final Process watchdog;
    private final Thread shutdownHook;

    private ServerProcess(String name, Process process, Process watchdog, Path workDirToDelete) {
        this.name = name;
        this.process = process;
        this.watchdog = watchdog;
        this.shutdownHook =
                new Thread(
                        () -> {
                            stop(Duration.ofSeconds(20));
                            ServerFiles.deleteTree(workDirToDelete);
                        },
                        "callqa-stop-" + name);
    }

    /**
     * Starts {@code command} in a new session, its stdout and stderr appended to {@code
     * consoleLog}.
     *
     * @param name a short name for messages, e.g. "OpenSearch"
     * @param deleteWorkDir whether the shutdown hook and the watchdog delete {@code workingDir}
     *     after stopping the server (they act only if the owner did not stop it first)
     */
    static ServerProcess start(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workingDir,
            Path consoleLog,
            boolean deleteWorkDir) {
        List<String> full = new ArrayList<>();
        full.add(Os.require("setsid", "to give the " + name + " server its own process group"));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(workingDir.toFile());
        pb.environment().putAll(environment);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ServerStartException("Cannot start " + name + " (" + full + "): " + e, e);
        }
        // A child of the JVM is never a process-group leader, so setsid does not fork: the pid
        // we hold is the leader of the server's new process group.
        Path workDirToDelete = deleteWorkDir ? workingDir : null;
        Process watchdog =
                Watchdog.attach(
                        ProcessHandle.current().pid(),
                        process.pid(),
                        WATCHDOG_GRACE_SECONDS,
                        workDirToDelete);
        ServerProcess server = new ServerProcess(name, process, watchdog, workDirToDelete);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        return server;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, if the process has ended. */
    Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /**
     * Stops the whole process tree: SIGTERM to the process group and every descendant, then SIGKILL
     * to whatever is left after {@code grace}. Safe to call more than once, and from the shutdown
     * hook.
     */
    void stop(Duration grace) {
        long pgid = process.pid();
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        if (Os.groupAlive(pgid) || tree.stream().anyMatch(ProcessHandle::isAlive)) {
            Os.signalGroup(pgid, "TERM");
            tree.forEach(ProcessHandle::destroy);
            if (!awaitGone(pgid, tree, grace)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "{0} did not stop within {1} s of SIGTERM; sending SIGKILL",
                        name,
                        grace.toSeconds());
                Os.signalGroup(pgid, "KILL");
                tree.forEach(ProcessHandle::destroyForcibly);
                awaitGone(pgid, tree, Duration.ofSeconds(10));
            }
        }
        watchdog.destroy();
        removeShutdownHook();
    }

    private static boolean awaitGone(long pgid, List<ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (tree.stream().noneMatch(ProcessHandle::isAlive) && !Os.groupAlive(pgid)) {
                return true;
            }
            Os.sleep(100);
        }
        return false;
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook will find the server stopped.
        }
    }
}
