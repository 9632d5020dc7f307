package io.callqa.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docker/Dockerfile} builds the same shaded jars as the README's build command (same Maven
 * goals, same modules), puts the job jar into the Flink image and the command line's into the
 * callqa image, and runs the callqa image as a non-root user on the Java release and Flink version
 * the build uses.
 */
class DockerfileTest {

    /** Maven flags that change only what Maven prints, never what it builds. */
    private static final Set<String> OUTPUT_ONLY =
            Set.of("-B", "--batch-mode", "-ntp", "--no-transfer-progress", "-q", "--quiet", "-e");

    /** Maven flags that choose which modules are built; each takes a value if marked true. */
    private static final Map<String, Boolean> MODULE_FLAGS =
            Map.of(
                    "-pl", true,
                    "--projects", true,
                    "-f", true,
                    "--file", true,
                    "-rf", true,
                    "--resume-from", true,
                    "-am", false,
                    "--also-make", false,
                    "-amd", false,
                    "-N", false);

    private static final Pattern README_BUILD = Pattern.compile("build it with `(\\./mvnw [^`]+)`");

    /** A Maven invocation taken apart: goals, module selection, and other flags. */
    record MavenCommand(List<String> goals, List<String> modules, Set<String> otherFlags) {

        static MavenCommand parse(String command) {
            List<String> words = new ArrayList<>(Arrays.asList(command.strip().split("\\s+")));
            assertThat(words.get(0)).as("a Maven wrapper call: %s", command).isEqualTo("./mvnw");
            List<String> goals = new ArrayList<>();
            List<String> modules = new ArrayList<>();
            Set<String> other = new TreeSet<>();
            for (int i = 1; i < words.size(); i++) {
                String w = words.get(i);
                if (MODULE_FLAGS.containsKey(w)) {
                    modules.add(MODULE_FLAGS.get(w) ? w + " " + words.get(++i) : w);
                } else if (w.startsWith("-")) {
                    if (!OUTPUT_ONLY.contains(w)) {
                        other.add(w);
                    }
                } else {
                    goals.add(w);
                }
            }
            return new MavenCommand(goals, modules, other);
        }
    }

    @Test
    void buildsTheJarWithTheReadmesMavenGoalsAndModules() throws IOException {
        MavenCommand readme = MavenCommand.parse(readmeBuildCommand());
        List<String> builds =
                stage("build").runs().stream().filter(r -> r.contains("./mvnw")).toList();
        List<String> packaging =
                builds.stream()
                        .filter(
                                r ->
                                        readme.goals().stream()
                                                .allMatch(g -> r.matches(".*\\b" + g + "\\b.*")))
                        .toList();
        assertThat(packaging)
                .as("RUN lines of the build stage that run the README's goals %s", readme.goals())
                .hasSize(1);
        MavenCommand docker =
                MavenCommand.parse(packaging.get(0).replaceFirst("^.*?(\\./mvnw)", "$1"));

        assertThat(docker.goals()).as("Maven goals").isEqualTo(readme.goals());
        assertThat(docker.modules()).as("module selection").isEqualTo(readme.modules());
        assertThat(docker.otherFlags()).as("other Maven flags").isEqualTo(readme.otherFlags());
    }

    @Test
    void theFlinkImageGetsTheJobJarAndTheCallqaImageTheCommandLineJar() throws IOException {
        assertThat(stage("build").lines()).anyMatch(l -> l.equals("WORKDIR /src"));
        assertCopies("flink", shadedJar("pipeline"), "/opt/callqa/callqa-job.jar");
        assertCopies("callqa", shadedJar("cli"), "/opt/callqa/callqa.jar");
    }

    /** Where the build stage finds the jar that the shade plugin of {@code module} writes. */
    private static String shadedJar(String module) throws IOException {
        String pom = Files.readString(ComposeFile.ROOT.resolve(module + "/pom.xml"));
        Matcher out =
                Pattern.compile("<outputFile>\\$\\{project.build.directory}/([^<]+)</outputFile>")
                        .matcher(pom);
        assertThat(out.find()).as("the shade plugin's outputFile in %s/pom.xml", module).isTrue();
        return "/src/" + module + "/target/" + out.group(1);
    }

    private static void assertCopies(String target, String jar, String to) throws IOException {
        assertThat(stage(target).lines())
                .as("stage %s copies %s from the build stage to %s", target, jar, to)
                .anyMatch(
                        l ->
                                l.matches(
                                        "COPY --from=build (--chown=\\S+ )?"
                                                + Pattern.quote(jar)
                                                + " "
                                                + Pattern.quote(to)));
    }

    @Test
    void theCallqaImageRunsAsAnUnprivilegedUser() throws IOException {
        Stage callqa = stage("callqa");
        List<String> users = callqa.lines().stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).as("USER lines of the callqa stage").isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("USER root", "USER 0");
        assertThat(dockerfile().get(dockerfile().size() - 1).name())
                .as("the last stage is the default image of docker build")
                .isEqualTo("callqa");
    }

    @Test
    void imagesUseTheJavaReleaseAndFlinkVersionTheBuildPins() throws IOException {
        Map<String, String> pom = ComposeFileTest.PomVersions.read();
        String root = Files.readString(ComposeFile.ROOT.resolve("pom.xml"));
        Matcher release =
                Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>")
                        .matcher(root);
        assertThat(release.find()).isTrue();
        Map<String, String> args = args();
        assertThat(args.get("JDK_IMAGE")).isEqualTo("eclipse-temurin:" + release.group(1) + "-jdk");
        assertThat(args.get("JRE_IMAGE")).isEqualTo("eclipse-temurin:" + release.group(1) + "-jre");
        assertThat(args.get("FLINK_IMAGE"))
                .isEqualTo("flink:" + pom.get("flink.version") + "-java" + release.group(1));
    }

    /** The README's build command, from "`bin/callqa` runs ... (build it with `./mvnw ...`)". */
    static String readmeBuildCommand() throws IOException {
        String readme =
                Files.readString(ComposeFile.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher m = README_BUILD.matcher(readme);
        assertThat(m.find()).as("README.md says \"build it with `./mvnw ...`\"").isTrue();
        return m.group(1);
    }

    /** One stage of the Dockerfile: its name and its instructions, continuation lines joined. */
    record Stage(String name, List<String> lines) {
        List<String> runs() {
            return lines.stream()
                    .filter(l -> l.startsWith("RUN "))
                    .map(l -> l.substring(4))
                    .toList();
        }
    }

    static Stage stage(String name) throws IOException {
        return dockerfile().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("docker/Dockerfile has no stage " + name));
    }

    /** The ARG defaults declared before the first stage. */
    static Map<String, String> args() throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        for (String line : instructions()) {
            if (line.startsWith("FROM ")) {
                break;
            }
            Matcher m = Pattern.compile("ARG (\\w+)=(\\S+)").matcher(line);
            if (m.matches()) {
                args.put(m.group(1), m.group(2));
            }
        }
        return args;
    }

    static List<Stage> dockerfile() throws IOException {
        List<Stage> stages = new ArrayList<>();
        Pattern from = Pattern.compile("FROM \\S+ AS (\\w+)", Pattern.CASE_INSENSITIVE);
        for (String line : instructions()) {
            Matcher m = from.matcher(line);
            if (m.matches()) {
                stages.add(new Stage(m.group(1), new ArrayList<>()));
            } else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).lines().add(line);
            }
        }
        return stages;
    }

    /** Instructions with comments dropped and backslash-continued lines joined. */
    private static List<String> instructions() throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(ComposeFile.ROOT.resolve("docker/Dockerfile"))) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            out.add(current.toString().replaceAll("\\s+", " ").strip());
            current.setLength(0);
        }
        return out;
    }
}
