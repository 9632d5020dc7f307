package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.console.Role;
import io.callqa.console.Users;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConsoleCommandTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cl = CallqaCommand.newCommandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            return new Run(cl.execute(args), out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void addUserAppendsAHashedLineThatSignsIn(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("users.txt");
        Run r =
                run(
                        "s3cret-pass\n",
                        "console",
                        "--users",
                        file.toString(),
                        "--add-user",
                        "maria:supervisor");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Added maria (supervisor) to " + file + "\n");
        assertThat(Files.readString(file)).doesNotContain("s3cret-pass");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Users.read(file).authenticate("maria", "s3cret-pass"))
                .contains(new Users.User("maria", Role.SUPERVISOR));

        Run again =
                run(
                        "other-pass\n",
                        "console",
                        "--users",
                        file.toString(),
                        "--add-user",
                        "maria:floor");
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.err())
                .isEqualTo(
                        "callqa: "
                                + file
                                + ": already has a user 'maria'; edit the file to remove it\n");
    }

    @Test
    void badUsageSaysWhatToPass(@TempDir Path tmp) {
        Run noUsers = run("", "console");
        assertThat(noUsers.exit()).isEqualTo(2);
        assertThat(noUsers.err())
                .contains(
                        "Give --users FILE; create one with `callqa console --users FILE --add-user"
                                + " NAME:ROLE`.");
        Run badRole =
                run(
                        "password1\n",
                        "console",
                        "--users",
                        tmp.resolve("u").toString(),
                        "--add-user",
                        "x:boss");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err())
                .contains("unknown role 'boss'; expected one of supervisor, compliance, floor");
        Run noRole = run("", "console", "--users", tmp.resolve("u").toString(), "--add-user", "x");
        assertThat(noRole.err())
                .contains("--add-user expects NAME:ROLE, e.g. maria:supervisor, got 'x'");
    }

    @Test
    void aBadUsersFileIsBadInputNamingTheFileAndLine(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("users.txt"), "maria:boss\n");
        Run r = run("", "console", "--users", file.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(
                        "callqa: "
                                + file
                                + ":1: expected NAME:ROLE:pbkdf2-sha256:ITERATIONS:SALT:HASH (6"
                                + " fields), got 2 field(s)\n");
        Run missing = run("", "console", "--users", tmp.resolve("none").toString());
        assertThat(missing.err())
                .isEqualTo("callqa: " + tmp.resolve("none") + ": no such users file\n");
    }

    @Test
    void theDemoUsersAreOnePerRoleWithTheirPrintedPasswords(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("demo-users.txt");
        Map<String, String> passwords = ConsoleCommand.writeDemoUsers(file, "a-104");
        assertThat(passwords).containsOnlyKeys("supervisor", "compliance", "floor", "a-104");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Users users = Users.read(file);
        passwords.forEach(
                (name, pw) ->
                        assertThat(users.authenticate(name, pw).orElseThrow().role().id())
                                .isEqualTo(name.equals("a-104") ? "agent" : name));
    }

    @Test
    void startingWithAUsersFileOthersCanReadWarns(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("users.txt");
        ConsoleCommand.writeDemoUsers(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        // No OpenSearch answers: the console stops right after the warning.
        Run r =
                run(
                        "",
                        "console",
                        "--users",
                        file.toString(),
                        "--opensearch",
                        "http://127.0.0.1:" + closed);
        assertThat(r.exit()).isNotZero();
        assertThat(r.err())
                .startsWith("warning: the users file " + file + " is readable by every user")
                .contains("chmod 600 " + file);
    }
}
