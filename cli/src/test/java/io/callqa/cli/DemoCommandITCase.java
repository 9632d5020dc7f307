package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code callqa demo} as a user runs it, against the shared real OpenSearch node. */
@ExtendWith(OpenSearchExtension.class)
class DemoCommandITCase {

    @Test
    void indexesTheSamplesAndPrintsOneRowPerCall(OpenSearchNode node) throws IOException {
        List<String> callIds;
        try (Stream<Path> files = Files.list(Path.of("..", "samples"))) {
            callIds =
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".json"))
                            .map(n -> n.substring(0, n.length() - ".json".length()))
                            .sorted()
                            .toList();
        }
        CommandLine cl = CallqaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int exit =
                cl.execute(
                        "demo",
                        "--samples",
                        Path.of("..", "samples").toString(),
                        "--opensearch",
                        node.httpUri().toString(),
                        "--exit");

        assertThat(exit).as(err.toString()).isZero();
        List<String> rows =
                out.toString()
                        .lines()
                        .filter(l -> l.startsWith("s-"))
                        .map(l -> l.split("\\s+")[0])
                        .toList();
        assertThat(rows).containsExactlyElementsOf(callIds);
        assertThat(out.toString())
                .contains(callIds.size() + " call(s) in callqa-calls, 0 rejected input(s)")
                .contains("Browse the calls: curl '" + node.httpUri())
                .containsPattern(
                        "Supervisor console: http://127\\.0\\.0\\.1:\\d+\n"
                            + "  sign in as  supervisor / \\S{12}  compliance / \\S{12}  floor /"
                            + " \\S{12}");
    }
}
