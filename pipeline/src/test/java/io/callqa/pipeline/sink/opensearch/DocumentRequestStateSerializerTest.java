package io.callqa.pipeline.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class DocumentRequestStateSerializerTest {

    private final DocumentRequestStateSerializer serializer = new DocumentRequestStateSerializer();

    @Test
    void roundTripKeepsEveryFieldIncludingKoreanText() throws Exception {
        DocumentRequest korean =
                DocumentRequest.index(
                        "callqa-transcripts-한국",
                        "통화-0001:세그먼트-3",
                        "{\"text\":\"안녕하세요, 고객센터입니다. 무엇을 도와드릴까요?\",\"score\":0.93}");
        DocumentRequest plain = DocumentRequest.index("calls", "c-2", "{\"agent\":\"a-17\"}");
        DocumentRequest empty = DocumentRequest.index("calls", "c-3", new byte[0]);

        BufferedRequestState<DocumentRequest> restored = roundTrip(korean, plain, empty);

        List<DocumentRequest> entries =
                restored.getBufferedRequestEntries().stream()
                        .map(RequestEntryWrapper::getRequestEntry)
                        .collect(Collectors.toList());
        assertThat(entries).containsExactly(korean, plain, empty);
        DocumentRequest back = entries.get(0);
        assertThat(back.index()).isEqualTo("callqa-transcripts-한국");
        assertThat(back.id()).isEqualTo("통화-0001:세그먼트-3");
        assertThat(new String(back.source(), StandardCharsets.UTF_8))
                .isEqualTo("{\"text\":\"안녕하세요, 고객센터입니다. 무엇을 도와드릴까요?\",\"score\":0.93}");
        assertThat(back.operation()).isEqualTo(DocumentRequest.Operation.INDEX);
        assertThat(restored.getBufferedRequestEntries().get(0).getSize())
                .isEqualTo(korean.sizeInBytes());
    }

    @Test
    void roundTripOfLargeSourceAndEmptyState() throws Exception {
        byte[] big = new byte[200_000];
        java.util.Arrays.fill(big, (byte) 'a');
        DocumentRequest large = DocumentRequest.index("calls", "big", big);

        assertThat(roundTrip(large).getBufferedRequestEntries().get(0).getRequestEntry())
                .isEqualTo(large);
        assertThat(roundTrip().getBufferedRequestEntries()).isEmpty();
    }

    private BufferedRequestState<DocumentRequest> roundTrip(DocumentRequest... requests)
            throws Exception {
        List<RequestEntryWrapper<DocumentRequest>> entries = new ArrayList<>();
        for (DocumentRequest request : requests) {
            entries.add(new RequestEntryWrapper<>(request, request.sizeInBytes()));
        }
        byte[] bytes = serializer.serialize(new BufferedRequestState<>(entries));
        return serializer.deserialize(serializer.getVersion(), bytes);
    }
}
