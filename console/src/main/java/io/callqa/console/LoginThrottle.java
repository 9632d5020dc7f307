package io.callqa.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: after {@link #FREE_ATTEMPTS} failed sign-ins from one client
 * address, or for one user name, each further attempt must wait, the wait doubling with every
 * failure from one second up to {@link #MAX_WAIT_MS}. An attempt counts as a failure from the
 * moment it is admitted until it succeeds, so a burst of parallel guesses gets only the free
 * attempts through, not one password hash per request. A success clears both counts.
 *
 * <p>Memory is bounded: each of the two tables (addresses, names) keeps at most {@link
 * #MAX_ENTRIES} entries and forgets the least recently seen first; names are kept apart from
 * addresses so that a spray of made-up names cannot push an address out.
 */
final class LoginThrottle {

    /** Failed attempts allowed before any wait. */
    static final int FREE_ATTEMPTS = 5;

    /** The longest wait: 15 minutes. */
    static final long MAX_WAIT_MS = 15 * 60 * 1000L;

    /** Entries per table. */
    static final int MAX_ENTRIES = 10_000;

    private static final long FIRST_WAIT_MS = 1000;

    /** Failures so far and the time before which no attempt is admitted. */
    private record Count(int failures, long until) {}

    private final LongSupplier clock;
    private final Map<String, Count> addresses = table();
    private final Map<String, Count> names = table();

    /** A throttle on the wall clock. */
    LoginThrottle() {
        this(System::currentTimeMillis);
    }

    /** A throttle on {@code clock} (milliseconds), for tests. */
    LoginThrottle(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Admits a password attempt for {@code name} from {@code address}, counting it as failed until
     * {@link #succeeded}: returns 0, or the milliseconds to wait before trying again (the attempt
     * is then not admitted and not counted).
     */
    synchronized long admit(String address, String name) {
        long now = clock.getAsLong();
        long wait = Math.max(waitOf(addresses.get(address), now), waitOf(names.get(name), now));
        if (wait > 0) {
            return wait;
        }
        count(addresses, address, now);
        count(names, name, now);
        return 0;
    }

    /** The attempt admitted for {@code name} from {@code address} had the right password. */
    synchronized void succeeded(String address, String name) {
        addresses.remove(address);
        names.remove(name);
    }

    /** How many addresses and names the throttle remembers. */
    synchronized int size() {
        return addresses.size() + names.size();
    }

    private static long waitOf(Count c, long now) {
        return c == null ? 0 : Math.max(0, c.until() - now);
    }

    private static void count(Map<String, Count> table, String key, long now) {
        Count c = table.get(key);
        int failures = c == null ? 1 : c.failures() + 1;
        long until = 0;
        if (failures >= FREE_ATTEMPTS) {
            int doublings = Math.min(failures - FREE_ATTEMPTS, 30);
            until = now + Math.min(MAX_WAIT_MS, FIRST_WAIT_MS << doublings);
        }
        table.put(key, new Count(failures, until));
    }

    private static Map<String, Count> table() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }
}
