package io.callqa.pipeline.asr;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Shares one expensive, closeable value per key among many users, and closes it when the last user
 * is done. Used for Vosk models: a model takes hundreds of MB of native memory, so every subtask of
 * a task manager shares one, and one owner frees it exactly once.
 *
 * @param <K> the key, e.g. a model directory
 * @param <V> the shared value
 */
public final class RefCountedCache<K, V extends AutoCloseable> {

    private final Function<K, V> loader;
    private final Map<K, Entry<V>> entries = new HashMap<>();

    RefCountedCache(Function<K, V> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** Returns a lease on the value for {@code key}, loading it if no one holds it yet. */
    synchronized Lease<V> acquire(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            e = new Entry<>(loader.apply(key));
            entries.put(key, e);
        }
        e.users++;
        return new Lease<>(this, key, e.value);
    }

    /** Number of keys currently loaded; for tests and metrics. */
    synchronized int loaded() {
        return entries.size();
    }

    private synchronized void release(K key) throws Exception {
        Entry<V> e = entries.get(key);
        if (e != null && --e.users == 0) {
            entries.remove(key);
            e.value.close();
        }
    }

    private static final class Entry<V> {
        final V value;
        int users;

        Entry(V value) {
            this.value = value;
        }
    }

    /** One user's hold on a shared value; closing it twice releases it once. */
    public static final class Lease<V extends AutoCloseable> implements AutoCloseable {
        private final RefCountedCache<?, V> cache;
        private final Object key;
        private final V value;
        private final AtomicBoolean released = new AtomicBoolean();

        private <K> Lease(RefCountedCache<K, V> cache, K key, V value) {
            this.cache = cache;
            this.key = key;
            this.value = value;
        }

        public V value() {
            if (released.get()) {
                throw new IllegalStateException("lease already released");
            }
            return value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void close() throws Exception {
            if (released.compareAndSet(false, true)) {
                ((RefCountedCache<Object, V>) cache).release(key);
            }
        }
    }
}
