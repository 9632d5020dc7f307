package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.analysis.document.AlertDocument;
import io.callqa.analysis.document.CallDocument;
import io.callqa.analysis.document.IndexNames;
import io.callqa.pipeline.analysis.DeadLetter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where each kind of record is indexed: retention drops whole days of alerts and errors. */
class CallqaIndicesTest {

    @Test
    void anAlertGoesToTheDayOfItsMomentInTheCall() {
        AlertDocument a =
                new AlertDocument(
                        "c1:pii-spoken",
                        "c1",
                        Instant.parse("2026-11-05T23:59:30Z"),
                        "{\"alert_id\":\"c1:pii-spoken\",\"@timestamp\":\"2026-11-05T23:59:30Z\"}");
        var request = CallqaIndices.alerts().toDocument(a);
        assertThat(request.index()).isEqualTo("callqa-alerts-2026.11.05");
        assertThat(request.id()).isEqualTo("c1:pii-spoken");
        // The same alert again (a replay) lands in the same index under the same id.
        assertThat(CallqaIndices.alerts().toDocument(a).index()).isEqualTo(request.index());
        assertThat(request.index()).matches(IndexNames.ALERTS_ALL.replace("*", ".*"));
    }

    @Test
    void anUndatedAlertGoesToTheDayItIsIndexed() {
        AlertDocument a = new AlertDocument("c2:anger", "c2", null, "{\"alert_id\":\"c2:anger\"}");
        String today = CallqaIndices.daily(IndexNames.ALERTS, Instant.now());
        assertThat(CallqaIndices.alerts().toDocument(a).index()).isEqualTo(today);
    }

    @Test
    void aDeadLetterGoesToTheDayItWasRejected() {
        DeadLetter d =
                new DeadLetter(
                        "file:/in/x.json",
                        "transcript",
                        "x.json: empty input",
                        null,
                        Instant.parse("2026-01-02T00:00:01Z").toEpochMilli());
        var request = CallqaIndices.errors().toDocument(d);
        assertThat(request.index()).isEqualTo("callqa-errors-2026.01.02");
        assertThat(request.id()).isEqualTo(d.id());
    }

    @Test
    void callsStayInOneIndexUnderTheirCallId() {
        var request = CallqaIndices.calls().toDocument(new CallDocument("c3", "{}"));
        assertThat(request.index()).isEqualTo("callqa-calls");
        assertThat(request.id()).isEqualTo("c3");
    }
}
