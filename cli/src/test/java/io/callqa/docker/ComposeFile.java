package io.callqa.docker;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker/compose.yaml} as the tests see it: its services, and for each service that runs
 * callqa, the arguments it gives the callqa command line.
 *
 * <p>A service runs callqa in one of two ways: it uses the callqa image with the image's entry
 * point ({@code bin/callqa}), so its {@code command} is the callqa arguments; or its command names
 * the job jar ({@code .../callqa-job.jar}), as {@code flink run} does, and the job's arguments
 * follow it. For the job jar the arguments start with {@link #JOB_JAR}, standing for the verb.
 */
final class ComposeFile {

    /** The job jar's file name, the first of the arguments of a service that submits it. */
    static final String JOB_JAR = "callqa-job.jar";

    /** The repository root: Surefire runs the cli module's tests in {@code cli/}. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");
    static final Path ENV_EXAMPLE = ROOT.resolve("docker/.env.example");
    static final Path CLI_LIST = ROOT.resolve("docker/callqa-cli.txt");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, Map<String, Object>> services;
    private final String text;

    private ComposeFile(String text, Map<String, Map<String, Object>> services) {
        this.text = text;
        this.services = services;
    }

    /** Reads and parses the compose file. */
    @SuppressWarnings("unchecked")
    static ComposeFile read() throws IOException {
        String text = Files.readString(COMPOSE, StandardCharsets.UTF_8);
        // SafeConstructor: plain maps and lists, no Java types from the file; anchors and merge
        // keys (<<: *callqa-image) are resolved by snakeyaml as compose resolves them.
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> root;
        try (Reader in = Files.newBufferedReader(COMPOSE, StandardCharsets.UTF_8)) {
            root = yaml.load(in);
        }
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        ((Map<String, Object>) root.get("services"))
                .forEach((name, body) -> services.put(name, (Map<String, Object>) body));
        return new ComposeFile(text, services);
    }

    Map<String, Map<String, Object>> services() {
        return services;
    }

    /** The names of the variables the file interpolates ({@code ${NAME...}}). */
    List<String> variables() {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The service's {@code environment} as a map (compose allows a map or NAME=VALUE items). */
    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object e = service.get("environment");
        if (e instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (e instanceof List<?> list) {
            for (Object item : (List<Object>) list) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return env;
    }

    /**
     * The arguments {@code service} passes to the callqa command line, or empty if it does not run
     * callqa.
     *
     * @throws IllegalStateException if it runs callqa with a command given as one string, whose
     *     flags could not be checked
     */
    Optional<List<String>> callqaArguments(String name) {
        Map<String, Object> service = services.get(name);
        Object command = service.get("command");
        boolean callqaImage = usesCallqaImage(service) && service.get("entrypoint") == null;
        if (command instanceof String && (callqaImage || ((String) command).contains(".jar"))) {
            throw new IllegalStateException(
                    "service "
                            + name
                            + ": give `command` as a YAML list, one argument per item, so that its"
                            + " callqa flags can be checked");
        }
        if (!(command instanceof List<?> list)) {
            return Optional.empty();
        }
        List<String> args = list.stream().map(String::valueOf).toList();
        if (callqaImage) {
            return Optional.of(args);
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).endsWith("/" + JOB_JAR)) {
                List<String> job = new ArrayList<>(List.of(JOB_JAR));
                job.addAll(args.subList(i + 1, args.size()));
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static boolean usesCallqaImage(Map<String, Object> service) {
        Object build = service.get("build");
        if (build instanceof Map<?, ?> b
                && "callqa".equals(((Map<String, Object>) b).get("target"))) {
            return true;
        }
        Object image = service.get("image");
        return image != null && String.valueOf(image).startsWith("callqa:");
    }
}
