package io.callqa.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code callqa dashboards}: the OpenSearch and OpenSearch Dashboards side of callqa. */
@Command(
        name = "dashboards",
        mixinStandardHelpOptions = true,
        description = {
            "Prepare OpenSearch (index templates, retention) and OpenSearch Dashboards (index"
                    + " patterns, dashboards) for callqa."
        },
        subcommands = {DashboardsInstallCommand.class, CommandLine.HelpCommand.class})
final class DashboardsCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing a subcommand: callqa dashboards install --help");
    }
}
