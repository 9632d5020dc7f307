package io.callqa.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server started at most once per test run, on first use, and kept in the root {@link
 * ExtensionContext.Store}: JUnit closes it (it is {@link AutoCloseable}) when the run ends. A start
 * failure is remembered, so later test classes fail at once with the same cause instead of waiting
 * for another timeout.
 */
final class SharedServer<T extends AutoCloseable> implements AutoCloseable {
    private final String name;
    private final Supplier<T> starter;
    private T server;
    private RuntimeException failure;
    private boolean closed;

    SharedServer(String name, Supplier<T> starter) {
        this.name = name;
        this.starter = starter;
    }

    /** The server shared by every test of this run, started now if this is its first use. */
    @SuppressWarnings("unchecked")
    static <T extends AutoCloseable> T get(
            ExtensionContext context, Class<?> owner, String name, Supplier<T> starter) {
        ExtensionContext.Store store =
                context.getRoot().getStore(ExtensionContext.Namespace.create(owner));
        SharedServer<T> shared =
                store.getOrComputeIfAbsent(
                        name, key -> new SharedServer<>(name, starter), SharedServer.class);
        return shared.get();
    }

    synchronized T get() {
        if (closed) {
            throw new IllegalStateException(name + " was already stopped at the end of the run");
        }
        if (failure != null) {
            throw new IllegalStateException(
                    name + " failed to start earlier in this run: " + failure.getMessage(),
                    failure);
        }
        if (server == null) {
            try {
                server = starter.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return server;
    }

    @Override
    public synchronized void close() throws Exception {
        closed = true;
        if (server != null) {
            server.close();
        }
    }
}
