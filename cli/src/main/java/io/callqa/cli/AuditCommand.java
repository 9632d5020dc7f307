package io.callqa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.dashboards.AuditQuery;
import io.callqa.dashboards.ComplianceAudit;
import io.callqa.dashboards.CsvRows;
import io.callqa.pipeline.OpenSearchAccess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code callqa audit}: exports indexed calls for compliance review, one row per rule result, each
 * traceable to the recording, recognizer and rule-pack version behind it. Rows stream to stdout as
 * they are read, so large exports need no memory to speak of.
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Export indexed calls with their rule results and evidence for a compliance audit.",
            "One row per rule result; every row names the source recording (uri, sha256), the"
                    + " speech recognizer and the rule-pack version."
        })
final class AuditCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin OpenSearchOption opensearch;

    @Option(
            names = "--from",
            paramLabel = "DATE",
            required = true,
            description = "First day (2026-11-01) or instant (2026-11-01T09:00:00Z) included.")
    String from;

    @Option(
            names = "--to",
            paramLabel = "DATE",
            required = true,
            description = "Last day included (2026-11-30), or an instant excluded.")
    String to;

    @Option(names = "--rule", paramLabel = "ID", description = "Only this rule's results.")
    String rule;

    @Option(
            names = "--failed",
            description =
                    "Only failed results: of --rule if given, else every failed compliance rule.")
    boolean failed;

    @Option(names = "--agent", paramLabel = "ID", description = "Only this agent's calls.")
    String agent;

    @Option(
            names = "--format",
            paramLabel = "csv|json",
            defaultValue = "csv",
            description = "csv (with a header row) or json (one JSON object per line).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new ParameterException(
                    spec.commandLine(), "--format must be csv or json, got '" + format + "'");
        }
        AuditQuery query;
        try {
            query =
                    new AuditQuery(
                            start(from),
                            end(to),
                            Optional.ofNullable(rule),
                            failed,
                            Optional.ofNullable(agent));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        OpenSearchAccess access = opensearch.access();
        OpenSearchEndpoint.require(access);

        PrintWriter stdout = spec.commandLine().getOut();
        OpenSearchTransport transport = access.open();
        try (RowSink writer = writer(stdout)) {
            new ComplianceAudit(new OpenSearchClient(transport))
                    .export(
                            query,
                            row -> {
                                try {
                                    writer.write(row);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        } finally {
            transport.close();
            stdout.flush();
        }
        return 0;
    }

    /** Where rows go: JSON lines, or CSV escaped as the console's export. */
    private interface RowSink extends AutoCloseable {
        void write(ObjectNode row) throws IOException;

        @Override
        void close() throws IOException;
    }

    private RowSink writer(Writer out) throws IOException {
        if (format.equals("json")) {
            SequenceWriter json =
                    new ObjectMapper().writer().withRootValueSeparator("\n").writeValues(out);
            return new RowSink() {
                @Override
                public void write(ObjectNode row) throws IOException {
                    json.write(row);
                }

                @Override
                public void close() throws IOException {
                    json.close();
                }
            };
        }
        CsvRows csv = ComplianceAudit.csv(out);
        return new RowSink() {
            @Override
            public void write(ObjectNode row) throws IOException {
                csv.write(row);
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }

    private Instant start(String value) {
        return parse(value, "--from", false);
    }

    private Instant end(String value) {
        return parse(value, "--to", true);
    }

    /** A day means its start, or for an inclusive end, the start of the next day. */
    private Instant parse(String value, String flag, boolean endOfDay) {
        try {
            LocalDate day = LocalDate.parse(value);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADay) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new ParameterException(
                        spec.commandLine(),
                        flag
                                + " expects a date like 2026-11-01 or an instant like"
                                + " 2026-11-01T09:00:00Z, got '"
                                + value
                                + "'");
            }
        }
    }
}
