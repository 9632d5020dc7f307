package io.callqa.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedServerTest {
    static final class FakeServer implements AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void startsOnceOnFirstUseAndClosesOnce() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        FakeServer fake = new FakeServer();
        SharedServer<FakeServer> shared =
                new SharedServer<>(
                        "Fake",
                        () -> {
                            starts.incrementAndGet();
                            return fake;
                        });
        assertThat(starts).hasValue(0);

        assertThat(shared.get()).isSameAs(fake);
        assertThat(shared.get()).isSameAs(fake);
        assertThat(starts).hasValue(1);

        shared.close();
        assertThat(fake.closes).hasValue(1);
        assertThatThrownBy(shared::get)
                .hasMessage("Fake was already stopped at the end of the run");
    }

    @Test
    void rememberTheStartFailure() {
        AtomicInteger starts = new AtomicInteger();
        SharedServer<FakeServer> shared =
                new SharedServer<>(
                        "Fake",
                        () -> {
                            starts.incrementAndGet();
                            throw new IllegalStateException("no distribution");
                        });

        assertThatThrownBy(shared::get).hasMessage("no distribution");
        assertThatThrownBy(shared::get)
                .hasMessage("Fake failed to start earlier in this run: no distribution")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(starts).hasValue(1);
    }
}
