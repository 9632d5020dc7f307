package io.callqa.cli;

import io.callqa.console.ConsoleServer;
import io.callqa.console.Role;
import io.callqa.console.Users;
import io.callqa.dashboards.IndexTemplates;
import io.callqa.pipeline.OpenSearchAccess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opensearch.client.transport.OpenSearchTransport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code callqa console}: the supervisor web console over an OpenSearch, until Ctrl+C. With {@code
 * --add-user NAME:ROLE} it instead adds a user to the users file, reading the password from the
 * terminal (or one line of standard input).
 */
@Command(
        name = "console",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the supervisor web console (calls, reviews, live alerts, aggregates) over an"
                    + " OpenSearch.",
            "Users sign in with basic auth from --users FILE; add one with --add-user NAME:ROLE"
                    + " (roles: supervisor, compliance, floor, agent; an agent's NAME is their"
                    + " agent_id)."
        })
final class ConsoleCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin OpenSearchOption opensearch;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8088",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description =
                    "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0"
                            + " for every interface).")
    String bind;

    @Option(
            names = "--users",
            paramLabel = "FILE",
            description = "Users file: one NAME:ROLE:pbkdf2-sha256:ITERATIONS:SALT:HASH per line.")
    Path users;

    @Option(
            names = "--audio-dir",
            paramLabel = "DIR",
            description =
                    "A directory whose WAV recordings may be played (repeatable); recordings"
                            + " elsewhere are never served.")
    List<Path> audioDirs = new ArrayList<>();

    @Option(
            names = "--add-user",
            paramLabel = "NAME:ROLE",
            description = "Add a user to --users FILE (password from the terminal) and exit.")
    String addUser;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (users == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Give --users FILE; create one with `callqa console --users FILE --add-user"
                            + " NAME:ROLE`.");
        }
        if (addUser != null) {
            addUser(out);
            return 0;
        }
        Users accounts = readUsers(users);
        Users.exposure(users)
                .ifPresent(
                        w -> {
                            spec.commandLine().getErr().println(w);
                            spec.commandLine().getErr().flush();
                        });
        OpenSearchAccess access = opensearch.access();
        OpenSearchEndpoint.require(access);
        OpenSearchTransport transport = access.open();
        ConsoleServer console;
        try {
            // Reviews and acknowledgements need the reviews and alerts mappings in place.
            IndexTemplates.install(transport);
            console = start(transport, accounts, bind, port, audioDirs);
        } catch (RuntimeException | IOException e) {
            transport.close();
            throw e;
        }
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    console.close();
                                    try {
                                        transport.close();
                                    } catch (IOException e) {
                                        // Shutting down anyway.
                                    }
                                },
                                "stop-console"));
        out.printf(
                "callqa console at %s over %s (%d user(s)); Ctrl+C stops it.%n",
                console.url(), opensearch.url, accounts.size());
        out.flush();
        Thread.currentThread().join();
        return 0;
    }

    /** Reads a users file, turning its problems into a bad-input failure naming the file. */
    static Users readUsers(Path file) {
        try {
            return Users.read(file);
        } catch (IllegalArgumentException e) {
            throw CallqaException.badInput(e.getMessage());
        } catch (IOException e) {
            throw CallqaException.badInput(file + ": cannot be read: " + e.getMessage());
        }
    }

    /** Starts a console; a bad address, port or directory is a bad-input failure. */
    static ConsoleServer start(
            OpenSearchTransport transport, Users users, String bind, int port, List<Path> audio)
            throws IOException {
        ConsoleServer.Builder b;
        try {
            b = ConsoleServer.builder().opensearch(transport).users(users).bind(bind).port(port);
            for (Path dir : audio) {
                b.audioDir(dir);
            }
        } catch (IllegalArgumentException e) {
            throw CallqaException.badInput(e.getMessage());
        }
        try {
            return b.start();
        } catch (BindException e) {
            throw CallqaException.badInput(
                    "cannot listen on "
                            + bind
                            + ":"
                            + port
                            + " ("
                            + e.getMessage()
                            + "); pass another --port, or 0 for any free one");
        }
    }

    private void addUser(PrintWriter out) throws IOException {
        String[] nr = addUser.split(":", 2);
        if (nr.length != 2) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--add-user expects NAME:ROLE, e.g. maria:supervisor, got '" + addUser + "'");
        }
        if (Files.exists(users)) {
            for (String l : Files.readAllLines(users, StandardCharsets.UTF_8)) {
                if (l.startsWith(nr[0] + ":")) {
                    throw CallqaException.badInput(
                            users
                                    + ": already has a user '"
                                    + nr[0]
                                    + "'; edit the file to remove it");
                }
            }
        }
        char[] password = readPassword(nr[0]);
        String line;
        try {
            line = Users.line(nr[0], Role.of(nr[1]), password);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } finally {
            java.util.Arrays.fill(password, ' ');
        }
        Users.append(users, line);
        out.println("Added " + nr[0] + " (" + nr[1] + ") to " + users);
        out.flush();
    }

    private static char[] readPassword(String name) throws IOException {
        if (System.console() != null) {
            char[] p = System.console().readPassword("Password for %s: ", name);
            if (p != null) {
                return p;
            }
        }
        String line =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                        .readLine();
        if (line == null) {
            throw CallqaException.badInput(
                    "no password given for " + name + " (type it, or pipe one line on stdin)");
        }
        return line.toCharArray();
    }

    /**
     * A users file with one user per role and fresh random passwords, for the demo; returns the
     * passwords by user name. Each user is named after their role, but the agent, who is named
     * {@code agentId} so that their own calls' agent views are theirs.
     */
    static Map<String, String> writeDemoUsers(Path file, String agentId) throws IOException {
        SecureRandom random = new SecureRandom();
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Map<String, String> passwords = new LinkedHashMap<>();
        StringBuilder lines = new StringBuilder("# callqa demo console users (generated)\n");
        for (Role r : Role.values()) {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                p.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = r == Role.AGENT ? agentId : r.id();
            passwords.put(name, p.toString());
            lines.append(Users.line(name, r, p.toString().toCharArray())).append('\n');
        }
        Users.write(file, lines.toString());
        return passwords;
    }

    /** As {@link #writeDemoUsers(Path, String)}, with the agent named {@code agent}. */
    static Map<String, String> writeDemoUsers(Path file) throws IOException {
        return writeDemoUsers(file, Role.AGENT.id());
    }

    /** The console's address with credentials, as printed for the demo. */
    static String demoBanner(URI url, Map<String, String> passwords) {
        StringBuilder b = new StringBuilder("Supervisor console: " + url + "\n  sign in as");
        passwords.forEach((user, pw) -> b.append("  ").append(user).append(" / ").append(pw));
        return b.toString();
    }
}
