package io.callqa.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code callqa} command line in-process, as a user would type it: its exit code and
 * what it printed on stdout and stderr.
 */
record Invocation(int exit, String out, String err) {

    /** Runs {@code callqa args...}. */
    static Invocation run(String... args) {
        CommandLine cl = CallqaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Invocation(exit, out.toString(), err.toString());
    }
}
