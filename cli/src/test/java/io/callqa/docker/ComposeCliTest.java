package io.callqa.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.cli.CallqaCommand;
import io.callqa.pipeline.JobCommandLine;
import io.callqa.pipeline.asr.VoskModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The callqa verbs, flags and environment variables that {@code docker/compose.yaml} uses exist in
 * the command line, and {@code docker/callqa-cli.txt} lists exactly them, so that a renamed flag
 * breaks this test rather than the stack.
 */
class ComposeCliTest {

    /** The launcher's own variable: {@code bin/callqa} puts it on the java command line. */
    private static final String LAUNCHER_JAVA_OPTS = "CALLQA_JAVA_OPTS";

    /** How one service calls callqa. */
    record Usage(String service, List<String> verb, TreeSet<String> flags, TreeSet<String> env) {

        /** The line {@code docker/callqa-cli.txt} holds for this usage. */
        String line() {
            List<String> parts = new ArrayList<>(verb);
            parts.addAll(flags);
            env.forEach(e -> parts.add("env:" + e));
            return service + ": " + String.join(" ", parts);
        }

        String command() {
            return "`callqa " + String.join(" ", verb) + "`";
        }

        boolean submitsTheJobJar() {
            return verb.equals(List.of(ComposeFile.JOB_JAR));
        }
    }

    @Test
    void theListOfFlagsMatchesTheComposeFile() throws IOException {
        Map<String, Usage> compose = fromCompose(ComposeFile.read());
        Map<String, Usage> listed = fromList();

        assertThat(compose).as("services that run callqa in docker/compose.yaml").isNotEmpty();
        List<String> expected = compose.values().stream().map(Usage::line).sorted().toList();
        List<String> actual = listed.values().stream().map(Usage::line).sorted().toList();
        assertThat(actual)
                .as(
                        "docker/callqa-cli.txt must list what docker/compose.yaml uses; replace its"
                                + " entries with the expected lines")
                .isEqualTo(expected);
    }

    @Test
    void everyVerbFlagAndVariableTheStackUsesExists() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Usage usage : fromCompose(ComposeFile.read()).values()) {
            problems.addAll(check(usage));
        }
        assertThat(problems)
                .as(
                        "callqa verbs, flags and variables used by docker/compose.yaml that the"
                                + " command line lacks (listed in docker/callqa-cli.txt)")
                .isEmpty();
    }

    @Test
    void servicesThatDoNotRunTheCommandLineSetOnlyVariablesTheJobReads() throws IOException {
        ComposeFile compose = ComposeFile.read();
        List<String> problems = new ArrayList<>();
        compose.services()
                .forEach(
                        (name, service) -> {
                            if (compose.callqaArguments(name).isPresent()) {
                                return;
                            }
                            for (String var : ComposeFile.environment(service).keySet()) {
                                if (var.startsWith("CALLQA_") && !var.equals(VoskModels.ENV)) {
                                    problems.add(
                                            "service "
                                                    + name
                                                    + " sets "
                                                    + var
                                                    + ", which nothing in it reads");
                                }
                            }
                        });
        assertThat(problems).isEmpty();
    }

    @Test
    void aMissingFlagIsReportedWithItsServiceAndVerb() {
        Usage usage =
                new Usage(
                        "job-submit",
                        List.of("run"),
                        new TreeSet<>(List.of("--input", "--no-such-flag")),
                        new TreeSet<>());
        assertThat(check(usage))
                .containsExactly("service job-submit: `callqa run` has no option --no-such-flag");

        Usage job =
                new Usage(
                        "job-submit",
                        List.of(ComposeFile.JOB_JAR),
                        new TreeSet<>(List.of("--input", "--no-such-flag")),
                        new TreeSet<>(List.of("CALLQA_OPENSEARCH_PASSWORD", "CALLQA_NOTHING")));
        assertThat(check(job))
                .containsExactly(
                        "service job-submit: the job jar (io.callqa.pipeline.JobCommandLine) has no"
                                + " option --no-such-flag",
                        "service job-submit: the job jar never reads CALLQA_NOTHING");

        Usage verb =
                new Usage(
                        "x",
                        List.of("no-such-verb"),
                        new TreeSet<>(List.of("--port")),
                        new TreeSet<>());
        assertThat(check(verb))
                .singleElement()
                .asString()
                .startsWith("service x: `callqa no-such-verb` does not exist")
                .contains("unchecked flags: --port");
    }

    /** Everything in {@code usage} that the callqa command line (or the job jar) does not have. */
    static List<String> check(Usage usage) {
        if (usage.submitsTheJobJar()) {
            return checkJob(usage);
        }
        List<String> problems = new ArrayList<>();
        CommandLine cl = CallqaCommand.newCommandLine();
        List<String> path = new ArrayList<>(List.of("callqa"));
        for (String word : usage.verb()) {
            CommandLine sub = cl.getSubcommands().get(word);
            if (sub == null) {
                problems.add(
                        "service "
                                + usage.service()
                                + ": "
                                + usage.command()
                                + " does not exist ("
                                + String.join(" ", path)
                                + " has "
                                + new TreeSet<>(cl.getSubcommands().keySet())
                                + "); unchecked flags: "
                                + String.join(" ", usage.flags())
                                + (usage.env().isEmpty()
                                        ? ""
                                        : "; unchecked variables: "
                                                + String.join(" ", usage.env())));
                return problems;
            }
            cl = sub;
            path.add(word);
        }
        CommandSpec spec = cl.getCommandSpec();
        for (String flag : usage.flags()) {
            if (spec.findOption(flag) == null) {
                problems.add(
                        "service "
                                + usage.service()
                                + ": "
                                + usage.command()
                                + " has no option "
                                + flag);
            }
        }
        for (String var : usage.env()) {
            if (var.equals(VoskModels.ENV)) {
                continue;
            }
            if (var.equals("CALLQA_OPENSEARCH_PASSWORD")) {
                // The password is read from the environment only (never an option, so it never
                // shows in ps); the commands that sign in to OpenSearch take --opensearch-user.
                if (spec.findOption("--opensearch-user") == null) {
                    problems.add(
                            "service "
                                    + usage.service()
                                    + ": "
                                    + usage.command()
                                    + " does not sign in to OpenSearch, so it never reads "
                                    + var);
                }
                continue;
            }
            if (var.equals(LAUNCHER_JAVA_OPTS)) {
                if (!launcherReads(var)) {
                    problems.add(
                            "service " + usage.service() + ": bin/callqa does not read " + var);
                }
                continue;
            }
            if (envDefaultOf(spec, var).isEmpty()) {
                problems.add(
                        "service "
                                + usage.service()
                                + ": no option of "
                                + usage.command()
                                + " takes its default from "
                                + var
                                + " (an option with defaultValue \"${env:"
                                + var
                                + "}\")");
            }
        }
        return problems;
    }

    /** Everything in {@code usage} that the job jar's entry point does not take or read. */
    static List<String> checkJob(Usage usage) {
        List<String> problems = new ArrayList<>();
        for (String flag : usage.flags()) {
            if (!JobCommandLine.FLAGS.containsKey(flag)) {
                problems.add(
                        "service "
                                + usage.service()
                                + ": the job jar ("
                                + JobCommandLine.class.getName()
                                + ") has no option "
                                + flag);
            }
        }
        for (String var : usage.env()) {
            if (!var.equals(VoskModels.ENV)
                    && !var.equals(JobCommandLine.PASSWORD_ENV)
                    && !var.equals(JobCommandLine.WEBHOOK_SECRET_ENV)) {
                problems.add("service " + usage.service() + ": the job jar never reads " + var);
            }
        }
        return problems;
    }

    private static boolean launcherReads(String var) {
        try {
            return Files.readString(ComposeFile.ROOT.resolve("bin/callqa"), StandardCharsets.UTF_8)
                    .contains("${" + var);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The option of {@code spec} whose default value is read from the variable {@code var}. */
    private static Optional<OptionSpec> envDefaultOf(CommandSpec spec, String var) {
        // Without interpolation the default is the annotation's text, not the variable's value.
        Boolean before = spec.interpolateVariables();
        spec.interpolateVariables(false);
        try {
            return spec.options().stream()
                    .filter(
                            o ->
                                    o.defaultValue() != null
                                            && o.defaultValue().contains("${env:" + var + "}"))
                    .findFirst();
        } finally {
            spec.interpolateVariables(before);
        }
    }

    /** The callqa usages in the compose file, by service. */
    static Map<String, Usage> fromCompose(ComposeFile compose) {
        Map<String, Usage> usages = new LinkedHashMap<>();
        for (String name : compose.services().keySet()) {
            Optional<List<String>> args = compose.callqaArguments(name);
            if (args.isEmpty()) {
                continue;
            }
            List<String> verb = new ArrayList<>();
            TreeSet<String> flags = new TreeSet<>();
            for (String arg : args.get()) {
                if (arg.startsWith("-")) {
                    int eq = arg.indexOf('=');
                    flags.add(eq < 0 ? arg : arg.substring(0, eq));
                } else if (flags.isEmpty()) {
                    verb.add(arg);
                }
            }
            TreeSet<String> env = new TreeSet<>();
            ComposeFile.environment(compose.services().get(name)).keySet().stream()
                    .filter(k -> k.startsWith("CALLQA_"))
                    .forEach(env::add);
            usages.put(name, new Usage(name, verb, flags, env));
        }
        return usages;
    }

    /** The usages listed in {@code docker/callqa-cli.txt}, by service. */
    static Map<String, Usage> fromList() throws IOException {
        Map<String, Usage> usages = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(ComposeFile.CLI_LIST, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            assertThat(colon)
                    .as("docker/callqa-cli.txt:%d: expected SERVICE: VERB... FLAG...", lineNo)
                    .isPositive();
            String service = line.substring(0, colon).strip();
            List<String> verb = new ArrayList<>();
            TreeSet<String> flags = new TreeSet<>();
            TreeSet<String> env = new TreeSet<>();
            for (String word : Arrays.asList(line.substring(colon + 1).strip().split("\\s+"))) {
                if (word.startsWith("env:")) {
                    env.add(word.substring(4));
                } else if (word.startsWith("-")) {
                    flags.add(word);
                } else {
                    verb.add(word);
                }
            }
            usages.put(service, new Usage(service, verb, flags, env));
        }
        return usages;
    }
}
