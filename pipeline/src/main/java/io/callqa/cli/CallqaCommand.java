package io.callqa.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code callqa} command line: the root command that holds the verbs. */
@Command(
        name = "callqa",
        mixinStandardHelpOptions = true,
        versionProvider = CallqaVersion.class,
        description = "Contact-center QA and call analytics on Apache Flink.",
        subcommands = {CommandLine.HelpCommand.class})
public final class CallqaCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a verb.");
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** Builds the command line with callqa's exit codes and error handling. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new CallqaCommand());
    }
}
