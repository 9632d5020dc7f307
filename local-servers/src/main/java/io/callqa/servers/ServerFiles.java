package io.callqa.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** File helpers for the servers' work directories. */
final class ServerFiles {
    private ServerFiles() {}

    /** The last {@code lines} lines of a text file, or a note saying why there are none. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(" + file + " does not exist)";
        }
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.newBufferedReader(file, StandardCharsets.UTF_8).lines()) {
            all.forEach(
                    line -> {
                        last.addLast(line);
                        if (last.size() > lines) {
                            last.removeFirst();
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
        if (last.isEmpty()) {
            return "(" + file + " is empty)";
        }
        return last.stream().map(l -> "    " + l).collect(Collectors.joining("\n"));
    }

    /** Whether a text file contains a string (false if it does not exist yet). */
    static boolean contains(Path file, String text) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Stream<String> all = Files.newBufferedReader(file, StandardCharsets.UTF_8).lines()) {
            return all.anyMatch(line -> line.contains(text));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Copies a directory tree, keeping permissions (executable scripts stay executable). */
    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(
                from,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                            throws IOException {
                        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        Files.copy(
                                file,
                                to.resolve(from.relativize(file).toString()),
                                StandardCopyOption.COPY_ATTRIBUTES);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /** Deletes a directory tree if it exists; best effort, never throws. */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(
                    root,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            Files.deleteIfExists(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e)
                                throws IOException {
                            Files.deleteIfExists(dir);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            System.getLogger(ServerFiles.class.getName())
                    .log(System.Logger.Level.WARNING, "Could not delete " + root + ": " + e);
        }
    }
}
