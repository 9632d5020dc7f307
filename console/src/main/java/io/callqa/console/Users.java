package io.callqa.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The console's users and their roles, read from a users file. One user per line:
 *
 * <pre>
 * # comment
 * NAME:ROLE:pbkdf2-sha256:ITERATIONS:SALT:HASH
 * </pre>
 *
 * NAME is letters, digits and {@code . _ @ -}; ROLE is {@code supervisor}, {@code compliance},
 * {@code floor} or {@code agent} (an agent's NAME is their {@code agent_id}); SALT and HASH are
 * base64 (PBKDF2 with HMAC-SHA256, 256-bit hash). {@link #line(String, Role, char[])} makes such a
 * line. Passwords are never stored.
 */
public final class Users {

    /** The scheme tag in the third field of a line. */
    public static final String SCHEME = "pbkdf2-sha256";

    /** PBKDF2 iterations for new lines (OWASP's 2023 figure for HMAC-SHA256). */
    public static final int ITERATIONS = 600_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    /** One user: name, role and password hash. */
    private record Entry(String name, Role role, int iterations, byte[] salt, byte[] hash) {}

    private final Map<String, Entry> users;
    // A name that is not in the file is checked against this stand-in, at the cost of the
    // file's costliest hash, so the answer takes as long as a wrong password for a real user
    // and does not tell which names exist.
    private final Entry unknown;
    private final AtomicLong hashes = new AtomicLong();
    // PBKDF2 is slow on purpose; a browser sends the password with every request, so a verified
    // password is remembered as a keyed hash (never in clear) until it changes.
    private final byte[] cacheKey = new byte[32];
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    private Users(Map<String, Entry> users) {
        this.users = users;
        RANDOM.nextBytes(cacheKey);
        int iterations =
                users.values().stream().mapToInt(Entry::iterations).max().orElse(ITERATIONS);
        byte[] salt = new byte[16];
        byte[] hash = new byte[32];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        this.unknown = new Entry("", Role.FLOOR, iterations, salt, hash);
    }

    /**
     * Reads a users file.
     *
     * @throws IllegalArgumentException listing every bad line as {@code FILE:LINE: problem}, or
     *     saying that the file is missing or holds no user
     */
    public static Users read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such users file");
        }
        Map<String, Entry> users = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = file + ":" + (i + 1) + ": ";
            String[] f = line.split(":", -1);
            if (f.length != 6) {
                problems.add(
                        at
                                + "expected NAME:ROLE:"
                                + SCHEME
                                + ":ITERATIONS:SALT:HASH (6 fields), got "
                                + f.length
                                + " field(s)");
                continue;
            }
            try {
                if (!NAME.matcher(f[0]).matches()) {
                    throw new IllegalArgumentException(
                            "user name '" + f[0] + "' must be 1-64 letters, digits or . _ @ -");
                }
                if (users.containsKey(f[0])) {
                    throw new IllegalArgumentException("duplicate user '" + f[0] + "'");
                }
                Role role = Role.of(f[1]);
                if (!f[2].equals(SCHEME)) {
                    throw new IllegalArgumentException(
                            "unknown password scheme '" + f[2] + "'; expected " + SCHEME);
                }
                int iterations = iterations(f[3]);
                byte[] salt = base64(f[4], "salt");
                byte[] hash = base64(f[5], "hash");
                users.put(f[0], new Entry(f[0], role, iterations, salt, hash));
            } catch (IllegalArgumentException e) {
                problems.add(at + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException(
                    file + ": holds no user; add lines made with `callqa console --add-user`");
        }
        return new Users(Collections.unmodifiableMap(users));
    }

    private static int iterations(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "iterations must be a whole number of at least 10000, got '" + s + "'");
    }

    private static byte[] base64(String s, String what) {
        try {
            byte[] b = Base64.getDecoder().decode(s);
            if (b.length >= 16) {
                return b;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be base64 of at least 16 bytes");
    }

    /**
     * A users-file line for a new user, with a fresh random salt.
     *
     * @throws IllegalArgumentException if the name is not allowed or the password is shorter than 8
     *     characters
     */
    public static String line(String name, Role role, char[] password) {
        return line(name, role, password, ITERATIONS);
    }

    /** As {@link #line(String, Role, char[])} with {@code iterations} (tests use fewer). */
    static String line(String name, Role role, char[] password, int iterations) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "user name '" + name + "' must be 1-64 letters, digits or . _ @ -");
        }
        if (password.length < 8) {
            throw new IllegalArgumentException(
                    "the password for '" + name + "' must have at least 8 characters");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return String.join(
                ":",
                name,
                role.id(),
                SCHEME,
                Integer.toString(iterations),
                b64.encodeToString(salt),
                b64.encodeToString(pbkdf2(password, salt, iterations)));
    }

    /**
     * Appends {@code line} to the users file, creating it if needed readable and writable by its
     * owner only (mode 0600 where the file system has POSIX permissions): the hashes in it can be
     * attacked offline by whoever reads them.
     */
    public static void append(Path file, String line) throws IOException {
        createPrivate(file);
        Files.writeString(
                file,
                line + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /** Replaces the users file with {@code content}, the file owner-only as for {@link #append}. */
    public static void write(Path file, String content) throws IOException {
        createPrivate(file);
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        Files.writeString(
                file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void createPrivate(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null
                && Files.getFileStore(dir)
                        .supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
    }

    /**
     * A warning to print at start-up if the users file can be read by its group or by others,
     * naming the file and the command that fixes it; empty if only its owner can read it or the
     * file system has no POSIX permissions.
     */
    public static Optional<String> exposure(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        if (!p.contains(PosixFilePermission.GROUP_READ)
                && !p.contains(PosixFilePermission.OTHERS_READ)) {
            return Optional.empty();
        }
        return Optional.of(
                "warning: the users file "
                        + file
                        + " is readable by "
                        + (p.contains(PosixFilePermission.OTHERS_READ) ? "every user" : "its group")
                        + " ("
                        + PosixFilePermissions.toString(p)
                        + "); its password hashes can be attacked offline. Run: chmod 600 "
                        + file);
    }

    /**
     * The user {@code name} with its role if {@code password} is right, else empty. A password
     * verified before is recognised at once ({@link #remembered}); any other attempt costs one full
     * password hash, whether or not the name exists.
     */
    public Optional<User> authenticate(String name, String password) {
        Optional<User> quick = remembered(name, password);
        if (quick.isPresent() || name == null || password == null) {
            return quick;
        }
        Entry e = users.getOrDefault(name, unknown);
        hashes.incrementAndGet();
        boolean right =
                MessageDigest.isEqual(
                        e.hash(), pbkdf2(password.toCharArray(), e.salt(), e.iterations()));
        if (!right || e == unknown) {
            return Optional.empty();
        }
        verified.put(name, keyed(name + '\0' + password));
        return Optional.of(new User(name, e.role()));
    }

    /**
     * The user {@code name} if {@code password} is the one verified last for that name, without
     * hashing it again (a browser sends the password with every request); else empty.
     */
    public Optional<User> remembered(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        Entry e = users.get(name);
        byte[] known = verified.get(name);
        if (e == null
                || known == null
                || !MessageDigest.isEqual(known, keyed(name + '\0' + password))) {
            return Optional.empty();
        }
        return Optional.of(new User(name, e.role()));
    }

    /** How many full password hashes {@link #authenticate} has computed. */
    long hashesComputed() {
        return hashes.get();
    }

    /** How many users the file holds. */
    public int size() {
        return users.size();
    }

    private byte[] keyed(String s) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            return mac.doFinal(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(spec)
                        .getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }

    /**
     * A signed-in user.
     *
     * @param name the user name
     * @param role what the user may do
     */
    public record User(String name, Role role) {}
}
