package io.callqa.pipeline.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefCountedCacheTest {

    /** A stand-in for a native model that records its life cycle. */
    private static final class Resource implements AutoCloseable {
        final String key;
        int closes;

        Resource(String key) {
            this.key = key;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private final List<Resource> loaded = new ArrayList<>();
    private final RefCountedCache<String, Resource> cache =
            new RefCountedCache<>(
                    k -> {
                        Resource r = new Resource(k);
                        loaded.add(r);
                        return r;
                    });

    @Test
    void loadsOncePerKeyAndClosesWhenTheLastUserLeaves() throws Exception {
        var a = cache.acquire("en");
        var b = cache.acquire("en");
        var c = cache.acquire("ko");
        assertThat(loaded).extracting(r -> r.key).containsExactly("en", "ko");
        assertThat(a.value()).isSameAs(b.value());

        a.close();
        assertThat(loaded.get(0).closes).isZero();
        b.close();
        assertThat(loaded.get(0).closes).isEqualTo(1);
        assertThat(cache.loaded()).isEqualTo(1);
        c.close();
        assertThat(cache.loaded()).isZero();
    }

    @Test
    void closingALeaseTwiceReleasesItOnceSoTheValueIsNeverFreedTwice() throws Exception {
        var a = cache.acquire("en");
        var b = cache.acquire("en");
        a.close();
        a.close();
        assertThat(loaded.get(0).closes).isZero();
        b.close();
        assertThat(loaded.get(0).closes).isEqualTo(1);
        assertThatThrownBy(a::value).hasMessage("lease already released");
    }

    @Test
    void aKeyIsLoadedAgainAfterItWasReleased() throws Exception {
        cache.acquire("en").close();
        cache.acquire("en").close();
        assertThat(loaded).hasSize(2).allSatisfy(r -> assertThat(r.closes).isEqualTo(1));
    }
}
