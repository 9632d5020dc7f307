package io.callqa.servers;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Small helpers over the Linux commands that the local servers rely on. */
final class Os {
    private static final List<String> EXTRA_PATH =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private Os() {}

    /** Result of a finished helper command. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Finds an executable on PATH (and the usual sbin directories, which root's PATH may lack). */
    static Optional<Path> which(String name) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_PATH);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #which} but fails with a message naming the missing command. */
    static String require(String name, String purpose) {
        return which(name)
                .map(Path::toString)
                .orElseThrow(
                        () ->
                                new ServerStartException(
                                        "The command '"
                                                + name
                                                + "' was not found on PATH; it is needed "
                                                + purpose
                                                + ". The local servers run on Linux with"
                                                + " util-linux, procps and bash installed."));
    }

    /** Runs a short helper command, waiting at most {@code timeoutSeconds}. */
    static Result run(long timeoutSeconds, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Process p = pb.start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** The effective uid of this JVM. */
    static int uid() {
        try {
            // On Linux /proc/self is owned by the process's effective uid.
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            Result r = run(10, "id", "-u");
            if (r.ok()) {
                return Integer.parseInt(r.output().strip());
            }
            throw new ServerStartException(
                    "Cannot tell which user this JVM runs as: " + r.output());
        }
    }

    /** Whether this JVM runs as root. */
    static boolean isRoot() {
        return uid() == 0;
    }

    /**
     * Makes sure the unprivileged system user exists, creating it with useradd if absent. Safe when
     * several JVMs on the machine race to create it.
     */
    static void ensureSystemUser(String user) {
        if (run(10, "id", "-u", user).ok()) {
            return;
        }
        String useradd = require("useradd", "to create the unprivileged user '" + user + "'");
        Result last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            last =
                    run(
                            30,
                            useradd,
                            "--system",
                            "--no-create-home",
                            "--shell",
                            "/usr/sbin/nologin",
                            user);
            // 9 = the user already exists (another JVM won the race).
            if (last.ok() || last.exitCode() == 9 || run(10, "id", "-u", user).ok()) {
                return;
            }
            sleep(200L * (attempt + 1)); // 10 = /etc/passwd locked by a concurrent useradd
        }
        throw new ServerStartException(
                "OpenSearch refuses to run as root, and creating the system user '"
                        + user
                        + "' failed: "
                        + last.output()
                        + ". Create it yourself (useradd --system --no-create-home --shell"
                        + " /usr/sbin/nologin "
                        + user
                        + ") or run the tests as a non-root user.");
    }

    /** Recursively gives a directory to a user. */
    static void chown(Path dir, String user) {
        Result r =
                run(
                        120,
                        require("chown", "to hand the work directory to " + user),
                        "-R",
                        user + ":" + user,
                        dir.toString());
        if (!r.ok()) {
            throw new ServerStartException(
                    "chown -R " + user + " " + dir + " failed: " + r.output());
        }
    }

    /** Sends a signal to every process of a process group; false if the group is empty. */
    static boolean signalGroup(long pgid, String signal) {
        return run(
                        10,
                        require("kill", "to stop the server's process group"),
                        "-s",
                        signal,
                        "--",
                        "-" + pgid)
                .ok();
    }

    /** Whether any process of the group is alive. */
    static boolean groupAlive(long pgid) {
        return signalGroup(pgid, "0");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
