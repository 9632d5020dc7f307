package io.callqa.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(now::get);

    @Test
    void afterFiveFailuresEachAttemptWaitsTwiceAsLongUpToTheCap() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThat(throttle.admit("10.0.0.1", "maria")).isZero();
        }
        assertThat(throttle.admit("10.0.0.1", "maria")).isEqualTo(1000);
        long expected = 1000;
        for (int i = 0; i < 20; i++) {
            now.addAndGet(throttle.admit("10.0.0.1", "maria"));
            assertThat(throttle.admit("10.0.0.1", "maria")).isZero();
            expected = Math.min(expected * 2, LoginThrottle.MAX_WAIT_MS);
            assertThat(throttle.admit("10.0.0.1", "maria")).isEqualTo(expected);
        }
        assertThat(expected).isEqualTo(LoginThrottle.MAX_WAIT_MS);
    }

    @Test
    void theAddressAndTheNameAreEachThrottled() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThat(throttle.admit("10.0.0.1", "user" + i)).isZero();
        }
        // The address is spent, whatever name it tries next.
        assertThat(throttle.admit("10.0.0.1", "someone-else")).isPositive();
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThat(throttle.admit("10.0.1." + i, "jun")).isZero();
        }
        // The name is spent, from whatever address.
        assertThat(throttle.admit("10.0.2.1", "jun")).isPositive();
        assertThat(throttle.admit("10.0.2.1", "another")).isZero();
    }

    @Test
    void aSuccessClearsTheCounts() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 1; i++) {
            throttle.admit("10.0.0.1", "maria");
        }
        throttle.succeeded("10.0.0.1", "maria");
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThat(throttle.admit("10.0.0.1", "maria")).isZero();
        }
        assertThat(throttle.admit("10.0.0.1", "maria")).isPositive();
    }

    @Test
    void memoryStaysBoundedUnderASprayOfAddressesAndNames() {
        for (int i = 0; i < 100_000; i++) {
            throttle.admit("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "n" + i);
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(2 * LoginThrottle.MAX_ENTRIES);
    }
}
