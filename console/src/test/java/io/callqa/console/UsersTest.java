package io.callqa.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersTest {

    @Test
    void aLineMadeForAUserSignsInWithItsPasswordOnly(@TempDir Path tmp) throws Exception {
        String line = Users.line("maria", Role.SUPERVISOR, "correct horse".toCharArray());
        assertThat(line)
                .startsWith("maria:supervisor:pbkdf2-sha256:600000:")
                .doesNotContain("correct");
        Path file = tmp.resolve("users");
        Files.writeString(file, "# users\n\n" + line + "\n", StandardCharsets.UTF_8);
        Users users = Users.read(file);
        assertThat(users.authenticate("maria", "correct horse"))
                .contains(new Users.User("maria", Role.SUPERVISOR));
        // Twice: the second check takes the remembered path and must agree.
        assertThat(users.authenticate("maria", "correct horse")).isPresent();
        assertThat(users.authenticate("maria", "correct hors")).isEmpty();
        assertThat(users.authenticate("mario", "correct horse")).isEmpty();
        assertThat(users.authenticate("maria", null)).isEmpty();
    }

    @Test
    void twoLinesForOnePasswordDifferInTheirSalt() {
        assertThat(Users.line("a", Role.FLOOR, "password1".toCharArray()))
                .isNotEqualTo(Users.line("a", Role.FLOOR, "password1".toCharArray()));
    }

    @Test
    void everyBadLineIsReportedWithFileAndLine(@TempDir Path tmp) throws Exception {
        String good = Users.line("ok", Role.FLOOR, "password1".toCharArray());
        Path file = tmp.resolve("users");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        good,
                        "only:two",
                        good.replace("ok:floor", "ok:floor"),
                        good.replace("ok:floor", "x:boss"),
                        good.replace("pbkdf2-sha256", "md5").replace("ok:", "y:"),
                        good.replace(":600000:", ":10:").replace("ok:", "z:"),
                        "bad name:floor:pbkdf2-sha256:600000:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAA=="),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Users.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        String.join(
                                "\n",
                                file
                                        + ":2: expected"
                                        + " NAME:ROLE:pbkdf2-sha256:ITERATIONS:SALT:HASH (6"
                                        + " fields), got 2 field(s)",
                                file + ":3: duplicate user 'ok'",
                                file
                                        + ":4: unknown role 'boss'; expected one of supervisor,"
                                        + " compliance, floor, agent",
                                file + ":5: unknown password scheme 'md5'; expected pbkdf2-sha256",
                                file
                                        + ":6: iterations must be a whole number of at least 10000,"
                                        + " got '10'",
                                file
                                        + ":7: user name 'bad name' must be 1-64 letters, digits or"
                                        + " . _ @ -"));
    }

    @Test
    void aMissingOrEmptyFileSaysSo(@TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> Users.read(tmp.resolve("nope")))
                .hasMessage(tmp.resolve("nope") + ": no such users file");
        Path empty = Files.writeString(tmp.resolve("empty"), "# nobody\n");
        assertThatThrownBy(() -> Users.read(empty))
                .hasMessage(
                        empty + ": holds no user; add lines made with `callqa console --add-user`");
    }

    @Test
    void newLinesNeedAGoodNameAndPassword() {
        assertThatThrownBy(() -> Users.line("a:b", Role.FLOOR, "password1".toCharArray()))
                .hasMessage("user name 'a:b' must be 1-64 letters, digits or . _ @ -");
        assertThatThrownBy(() -> Users.line("a", Role.FLOOR, "short".toCharArray()))
                .hasMessage("the password for 'a' must have at least 8 characters");
    }

    @Test
    void rolesGrantWhatTheReadmeSays() {
        assertThat(
                        Role.SUPERVISOR.readsCalls()
                                && Role.SUPERVISOR.reviews()
                                && Role.SUPERVISOR.acknowledges()
                                && Role.SUPERVISOR.exports())
                .isTrue();
        assertThat(Role.COMPLIANCE.readsCalls() && Role.COMPLIANCE.exports()).isTrue();
        assertThat(Role.COMPLIANCE.reviews() || Role.COMPLIANCE.acknowledges()).isFalse();
        assertThat(Role.FLOOR.acknowledges()).isTrue();
        assertThat(Role.FLOOR.readsCalls() || Role.FLOOR.reviews() || Role.FLOOR.exports())
                .isFalse();
    }

    @Test
    void anUnknownNameCostsOneFullHashLikeAWrongPassword(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("users");
        Files.writeString(
                file,
                Users.line("maria", Role.SUPERVISOR, "correct horse".toCharArray(), 20_000) + "\n",
                StandardCharsets.UTF_8);
        Users users = Users.read(file);
        long before = users.hashesComputed();
        assertThat(users.authenticate("nobody", "correct horse")).isEmpty();
        assertThat(users.hashesComputed()).isEqualTo(before + 1);
        assertThat(users.authenticate("maria", "wrong horse")).isEmpty();
        assertThat(users.hashesComputed()).isEqualTo(before + 2);
        // The stand-in is as costly as the file's hash: compare medians of the two paths, in
        // the same run, against each other (never against a fixed time).
        long[] unknown = new long[7];
        long[] known = new long[7];
        for (int i = 0; i < unknown.length; i++) {
            long t0 = System.nanoTime();
            users.authenticate("nobody" + i, "wrong horse");
            long t1 = System.nanoTime();
            users.authenticate("maria", "wrong horse " + i);
            known[i] = System.nanoTime() - t1;
            unknown[i] = t1 - t0;
        }
        java.util.Arrays.sort(unknown);
        java.util.Arrays.sort(known);
        assertThat((double) unknown[3]).isGreaterThan(known[3] / 3.0);
    }

    @Test
    void aUsersFileIsCreatedForItsOwnerOnly(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("users");
        Users.append(file, Users.line("maria", Role.SUPERVISOR, "password1".toCharArray(), 10_000));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Users.exposure(file)).isEmpty();
        Users.append(file, Users.line("jun", Role.FLOOR, "password2".toCharArray(), 10_000));
        assertThat(Users.read(file).size()).isEqualTo(2);

        Path demo = tmp.resolve("demo-users");
        Files.writeString(demo, "old\n");
        Files.setPosixFilePermissions(demo, PosixFilePermissions.fromString("rw-r--r--"));
        Users.write(demo, Users.line("a", Role.FLOOR, "password1".toCharArray(), 10_000) + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(demo)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(demo)).doesNotContain("old");
    }

    @Test
    void aUsersFileOthersCanReadIsWarnedAbout(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("users");
        Files.writeString(file, Users.line("a", Role.FLOOR, "password1".toCharArray(), 10_000));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Users.exposure(file))
                .hasValueSatisfying(
                        w ->
                                assertThat(w)
                                        .contains(file.toString())
                                        .contains("readable by every user")
                                        .contains("chmod 600 " + file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(Users.exposure(file)).hasValueSatisfying(w -> assertThat(w).contains("group"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(Users.exposure(file)).isEmpty();
    }
}
