package io.callqa.pipeline.live;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojo;
import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import io.callqa.audio.LineActivity;
import org.junit.jupiter.api.Test;

/**
 * The live call's keyed state is serialized by Flink's POJO serializer, not by Kryo: faster, and a
 * field added later restores from an older checkpoint (POJO schema evolution).
 */
class LiveStateTypesTest {

    @Test
    void keyedStateTypesArePojos() {
        assertSerializedAsPojoWithoutKryo(LineActivity.class);
        assertSerializedAsPojoWithoutKryo(LiveCall.class);
        assertSerializedAsPojo(ChannelAudio.class);
        assertSerializedAsPojo(HeardUtterance.class);
        assertSerializedAsPojo(LiveUtterance.class);
        assertSerializedAsPojo(SpeakerProsody.class);
    }
}
