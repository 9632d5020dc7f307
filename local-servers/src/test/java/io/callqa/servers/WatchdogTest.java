package io.callqa.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogTest {
    private Process parent;
    private Process server;
    private List<ProcessHandle> serverTree = List.of();

    @AfterEach
    void cleanUp() {
        if (parent != null) {
            parent.destroyForcibly();
        }
        if (server != null) {
            Os.signalGroup(server.pid(), "KILL");
        }
        serverTree.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void stopsTheServerTreeWhenTheParentIsKilled(@TempDir Path tmp) throws Exception {
        Path workDir = Files.createDirectories(tmp.resolve("callqa-dummy/data"));
        Files.writeString(workDir.resolve("segment"), "x");
        parent = new ProcessBuilder("sleep", "600").start();
        server = startDummyServer();
        Process watchdog = Watchdog.attach(parent.pid(), server.pid(), 2, workDir.getParent());

        Thread.sleep(1500); // the watchdog keeps the server alive while the parent lives
        assertThat(server.isAlive()).isTrue();
        assertThat(serverTree).allMatch(ProcessHandle::isAlive);

        parent.destroyForcibly(); // SIGKILL: no shutdown hook could run

        assertWithin(Duration.ofSeconds(5), () -> !server.isAlive());
        assertWithin(
                Duration.ofSeconds(5), () -> serverTree.stream().noneMatch(ProcessHandle::isAlive));
        assertWithin(Duration.ofSeconds(5), () -> !Os.groupAlive(server.pid()));
        assertWithin(Duration.ofSeconds(5), () -> !watchdog.isAlive());
        assertThat(workDir.getParent()).doesNotExist(); // the orphan's work dir is deleted
    }

    @Test
    void exitsByItselfWhenTheServerStops(@TempDir Path tmp) throws Exception {
        parent = new ProcessBuilder("sleep", "600").start();
        server = startDummyServer();
        Process watchdog = Watchdog.attach(parent.pid(), server.pid(), 2, tmp);

        Os.signalGroup(server.pid(), "KILL");

        assertWithin(Duration.ofSeconds(5), () -> !watchdog.isAlive());
        assertThat(parent.isAlive()).isTrue();
        assertThat(tmp).exists(); // the owner, still alive, cleans up its own work dir
    }

    @Test
    void serverProcessStopEndsTheWholeTree(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("console.log");
        ServerProcess p =
                ServerProcess.start(
                        "dummy",
                        List.of("bash", "-c", "echo started; sleep 600 & sleep 600 & wait"),
                        Map.of(),
                        dir,
                        log,
                        false);
        assertWithin(
                Duration.ofSeconds(5),
                () -> ProcessHandle.of(p.pid()).get().descendants().count() == 2);
        serverTree = ProcessHandle.of(p.pid()).get().descendants().toList();

        p.stop(Duration.ofSeconds(5));

        assertThat(p.isAlive()).isFalse();
        assertThat(serverTree).noneMatch(ProcessHandle::isAlive);
        assertThat(Os.groupAlive(p.pid())).isFalse();
        assertThat(Files.readString(log)).contains("started"); // output goes to the log file
    }

    private Process startDummyServer() throws Exception {
        // Like a real server: its own process group (setsid), with children of its own.
        Process p =
                new ProcessBuilder("setsid", "bash", "-c", "sleep 600 & sleep 600 & wait")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        assertWithin(Duration.ofSeconds(5), () -> p.descendants().count() == 2);
        serverTree = p.descendants().toList();
        return p;
    }

    private static void assertWithin(Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition within " + timeout).isTrue();
    }
}
