package io.callqa.pipeline.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordSizeGuardTest {

    @Test
    void passesDocumentsWithinTheLimit() {
        DocumentRequest doc = DocumentRequest.index("calls", "c-1", "{\"text\":\"네\"}");
        RecordSizeGuard<String> guard =
                new RecordSizeGuard<>(new DocumentConverterAdapter<String>(s -> doc), 1000);

        assertThat(guard.apply("anything", null)).isSameAs(doc);
    }

    @Test
    void namesTheDocumentAndTheSettingWhenOneIsTooLarge() {
        RecordSizeGuard<String> guard =
                new RecordSizeGuard<>(
                        new DocumentConverterAdapter<String>(
                                s ->
                                        DocumentRequest.index(
                                                "calls", "c-big", "{\"t\":\"" + s + "\"}")),
                        100);

        assertThatThrownBy(() -> guard.apply("x".repeat(200), null))
                .isInstanceOf(OpenSearchSinkException.class)
                .hasMessageStartingWith("OpenSearch sink: document 'c-big' for index 'calls' is ")
                .hasMessageContaining("more than maxRecordSizeInBytes (100)")
                .hasMessageContaining("setMaxRecordSizeInBytes");
    }

    @Test
    void saysWhenTheConverterReturnsNull() {
        RecordSizeGuard<String> guard =
                new RecordSizeGuard<>(new DocumentConverterAdapter<String>(s -> null), 100);

        assertThatThrownBy(() -> guard.apply("x", null))
                .hasMessage(
                        "OpenSearch sink: the document converter returned null for an element of"
                                + " type java.lang.String");
    }
}
