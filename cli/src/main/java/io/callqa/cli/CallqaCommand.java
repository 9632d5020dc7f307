package io.callqa.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code callqa} command line: the root command that holds the verbs. */
@Command(
        name = "callqa",
        mixinStandardHelpOptions = true,
        versionProvider = CallqaVersion.class,
        description = "Contact-center QA and call analytics on Apache Flink.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            ReplayCommand.class,
            AnalyzeCommand.class,
            FeaturesCommand.class,
            ClassifyCommand.class,
            TrainClassifierCommand.class,
            TrainActsCommand.class,
            AuditCommand.class,
            DashboardsCommand.class,
            ConsoleCommand.class,
            CommandLine.HelpCommand.class
        })
public final class CallqaCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a verb.");
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        CommandLine cl = newCommandLine();
        // JSON lines verbs (classify) promise UTF-8 whatever the platform default is; messages
        // naming Korean files or text need it too.
        cl.setOut(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cl.execute(args));
    }

    /** Builds the command line with callqa's exit codes and error handling. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new CallqaCommand());
        cl.setExecutionExceptionHandler(CallqaCommand::handle);
        return cl;
    }

    /**
     * Expected failures print one line naming the problem and the fix; only an unexpected one shows
     * a stack trace, and only when asked for, because an operator needs the message.
     */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (e instanceof CallqaException ce) {
            err.println("callqa: " + ce.getMessage());
            return ce.exitCode();
        }
        err.println("callqa: unexpected error: " + e);
        if (System.getenv("CALLQA_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set CALLQA_DEBUG=1 for the stack trace)");
        }
        return 1;
    }
}
