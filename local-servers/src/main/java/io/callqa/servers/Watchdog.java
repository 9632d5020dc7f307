package io.callqa.servers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A tiny bash loop, in a session of its own, that stops a server's whole process group once the JVM
 * that started it is gone, even when that JVM was killed with SIGKILL and had no chance to run its
 * shutdown hooks. It exits by itself as soon as the server's group is empty.
 */
final class Watchdog {
    /** The name the watchdog shows in {@code ps} ($0 of the bash script). */
    static final String PROCESS_NAME = "callqa-watchdog";

    // $1 = pid of the parent JVM, $2 = process group of the server, $3 = grace seconds,
    // $4 = the server's work directory to delete once it is stopped (may be empty).
    // A zombie parent (dead but not yet reaped) counts as gone: /proc/PID/stat state Z or X.
    private static final String SCRIPT =
            """
            parent=$1; group=$2; grace=$3; workdir=$4
            alive() {
              local stat
              read -r stat < /proc/$1/stat 2>/dev/null || return 1
              stat=${stat##*) }
              case ${stat%% *} in Z|X) return 1;; esac
              return 0
            }
            cleanup() {
              if [ -n "$workdir" ]; then rm -rf -- "$workdir"; fi
              exit 0
            }
            while alive "$parent"; do
              kill -0 -- "-$group" 2>/dev/null || exit 0
              sleep 1
            done
            kill -TERM -- "-$group" 2>/dev/null || cleanup
            i=0
            while [ $i -lt $((grace * 5)) ]; do
              kill -0 -- "-$group" 2>/dev/null || cleanup
              sleep 0.2
              i=$((i + 1))
            done
            kill -KILL -- "-$group" 2>/dev/null
            sleep 0.5
            cleanup
            """;

    private Watchdog() {}

    /**
     * Starts a watchdog.
     *
     * @param parentPid the process whose death triggers the stop (normally this JVM)
     * @param serverGroup the process group id of the server (its leader's pid, as started by
     *     setsid)
     * @param graceSeconds how long to wait after SIGTERM before SIGKILL
     * @param workDir the server's work directory, deleted after the watchdog stopped the server;
     *     null to delete nothing
     * @return the watchdog process
     */
    static Process attach(long parentPid, long serverGroup, int graceSeconds, Path workDir) {
        String setsid = Os.require("setsid", "to run the server watchdog in its own session");
        String bash = Os.require("bash", "to run the server watchdog");
        ProcessBuilder pb =
                new ProcessBuilder(
                        setsid,
                        bash,
                        "-c",
                        SCRIPT,
                        PROCESS_NAME,
                        Long.toString(parentPid),
                        Long.toString(serverGroup),
                        Integer.toString(graceSeconds),
                        workDir == null ? "" : workDir.toAbsolutePath().toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new ServerStartException("Cannot start the server watchdog: " + e, e);
        }
    }
}
