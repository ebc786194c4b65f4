package io.firebreak.standalone.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class StoreFileTest {

    private final StoreFile file = new StoreFile(Map.of());

    @Test
    void everyCheckpointSerializesIntoTheOneBufferItKeeps() {
        WriteBuffer first = file.getWriteBuffer();
        assertThat(first.capacity()).isGreaterThanOrEqualTo(StoreFile.BUFFER_BYTES);
        first.put(new byte[100]);
        file.releaseWriteBuffer(first);

        WriteBuffer second = file.getWriteBuffer();
        assertThat(second).isSameAs(first);
        assertThat(second.position()).as("cleared for the next chunk").isZero();
    }

    @Test
    void aChunkBiggerThanTheBufferGrowsItForThatChunkAlone() {
        WriteBuffer buffer = file.getWriteBuffer();
        buffer.put(new byte[StoreFile.BUFFER_BYTES + 1]);
        assertThat(buffer.capacity()).isGreaterThan(StoreFile.BUFFER_BYTES);
        file.releaseWriteBuffer(buffer);

        assertThat(file.getWriteBuffer().capacity()).isEqualTo(StoreFile.BUFFER_BYTES);
    }

    @Test
    void aSecondCheckpointMeanwhileGetsABufferOfItsOwn() {
        WriteBuffer first = file.getWriteBuffer();
        WriteBuffer second = file.getWriteBuffer();
        assertThat(second).isNotSameAs(first);
        file.releaseWriteBuffer(first);
        file.releaseWriteBuffer(second);
        assertThat(file.getWriteBuffer()).isSameAs(first);
    }
}
