package io.callqa.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void formulaTriggersGetAnApostropheAndNumbersStay() {
        assertThat(CsvRows.neutralised("=HYPERLINK(\"http://x.invalid\",\"y\")"))
                .isEqualTo("'=HYPERLINK(\"http://x.invalid\",\"y\")");
        assertThat(CsvRows.neutralised("+1+cmd|' /C calc'!A0")).startsWith("'+");
        assertThat(CsvRows.neutralised("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvRows.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvRows.neutralised("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvRows.neutralised("\r=1+1")).isEqualTo("'\r=1+1");
        assertThat(CsvRows.neutralised("-0.25")).isEqualTo("-0.25");
        assertThat(CsvRows.neutralised("42")).isEqualTo("42");
        assertThat(CsvRows.neutralised("agent-7")).isEqualTo("agent-7");
        assertThat(CsvRows.neutralised("상담원 =1")).isEqualTo("상담원 =1");
        assertThat(CsvRows.neutralised("")).isEmpty();
    }

    @Test
    void auditRowsAreQuotedAndNeutralisedInEveryColumn() throws Exception {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("call_id", "c-1");
        row.put("agent_id", "=HYPERLINK(\"http://x.invalid\",\"click\")");
        row.put("team", "\tteam");
        row.put("queue", "\r=1");
        row.put("description", "says \"hello\", then\nleaves");
        row.put("evidence", "@cmd");
        row.put("passed", "false");
        StringWriter out = new StringWriter();
        try (CsvRows csv = ComplianceAudit.csv(out)) {
            csv.write(row);
        }
        List<Map<String, String>> back = read(out.toString());
        assertThat(back).hasSize(1);
        Map<String, String> r = back.get(0);
        assertThat(r.keySet()).containsExactlyElementsOf(ComplianceAudit.COLUMNS);
        assertThat(r.get("agent_id")).isEqualTo("'=HYPERLINK(\"http://x.invalid\",\"click\")");
        assertThat(r.get("team")).isEqualTo("'\tteam");
        assertThat(r.get("queue")).isEqualTo("'\r=1");
        assertThat(r.get("evidence")).isEqualTo("'@cmd");
        assertThat(r.get("description")).isEqualTo("says \"hello\", then\nleaves");
        assertThat(r.get("passed")).isEqualTo("false");
        assertThat(r.get("rule_id")).isEmpty();
    }

    @Test
    void missingColumnsAreEmptyCells() throws Exception {
        StringWriter out = new StringWriter();
        try (CsvRows csv = new CsvRows(out, List.of("a", "b"))) {
            csv.write(Map.of("a", "1"));
        }
        assertThat(out.toString()).startsWith("a,b\n1,\n");
    }

    private static List<Map<String, String>> read(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> it =
                new CsvMapper()
                        .readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(csv)) {
            return it.readAll();
        }
    }
}
