package io.callqa.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.dashboards.CsvRows;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CallListPageTest {

    @Test
    void theExportNeutralisesFormulaCellsAndKeepsNumbers() throws Exception {
        ObjectNode call = new ObjectMapper().createObjectNode();
        call.put("call_id", "c-1");
        call.put("agent_id", "=HYPERLINK(\"http://x.invalid\",\"click\")");
        call.put("team", "\t=1+1");
        call.put("language", "\r@x");
        call.putObject("emotion").putObject("customer").put("max_arousal", -0.25);
        StringWriter out = new StringWriter();
        try (CsvRows csv = CallListPage.csv(out)) {
            csv.write(CallListPage.csvRow(call));
        }
        String text = out.toString();
        assertThat(text)
                .contains("\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\"")
                .contains("'\t=1+1")
                .contains("\"'\r@x\"")
                .contains(",-0.250,");
    }
}
