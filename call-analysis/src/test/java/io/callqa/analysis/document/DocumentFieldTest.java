package io.callqa.analysis.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentFieldTest {

    @Test
    void aNestedFieldIsNamedByItsLastSegmentAndQueriedByItsPath() {
        DocumentField f = new DocumentField("qa.results.rule_id");

        assertThat(f.path()).isEqualTo("qa.results.rule_id");
        assertThat(f.name()).isEqualTo("rule_id");
        assertThat(f).hasToString("qa.results.rule_id");
    }

    @Test
    void aFieldReadsOutOfADocumentByItsPointer() throws Exception {
        var doc =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree("{\"qa\":{\"score\":87},\"@timestamp\":\"t\"}");
        assertThat(CallFields.QA_SCORE.pointer()).isEqualTo("/qa/score");
        assertThat(doc.at(CallFields.QA_SCORE.pointer()).asInt()).isEqualTo(87);
        assertThat(doc.at(AlertFields.TIMESTAMP.pointer()).asText()).isEqualTo("t");
    }

    @Test
    void aTopLevelFieldIsItsOwnName() {
        assertThat(new DocumentField("@timestamp").name()).isEqualTo("@timestamp");
        assertThat(CallFields.CALL_ID.name()).isEqualTo(CallFields.CALL_ID.path());
    }

    @Test
    void aChildExtendsThePathAndIsNamedByTheChild() {
        DocumentField max = CallFields.EMOTION_CUSTOMER.child(CallFields.MAX_AROUSAL);

        assertThat(max.path()).isEqualTo("emotion.customer.max_arousal");
        assertThat(max.name()).isEqualTo("max_arousal");
        assertThat(max).isEqualTo(new DocumentField("emotion.customer.max_arousal"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", ".qa", "qa.", ".", "qa..score"})
    void aPathThatNamesNoFieldIsRejectedWithWhatWasGiven(String path) {
        assertThatThrownBy(() -> new DocumentField(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "document field: expected a dotted path such as qa.score, got '"
                                + path
                                + "'");
    }

    @Test
    void aChildWithoutANameIsRejected() {
        assertThatThrownBy(() -> CallFields.QA.child(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("document field: expected a dotted path such as qa.score, got 'qa.'");
    }
}
