package io.callqa.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/** Free loopback ports, and a TCP probe. */
final class Ports {
    static final String LOOPBACK = "127.0.0.1";

    private Ports() {}

    /**
     * Returns {@code count} distinct ports that were free on 127.0.0.1 a moment ago. The server
     * binds them a few seconds later, so another process could take one in between; that shows as
     * an "Address already in use" error in the server log.
     */
    static int[] free(int count) {
        Set<Integer> seen = new HashSet<>();
        int[] ports = new int[count];
        int i = 0;
        while (i < count) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
                socket.setReuseAddress(true);
                int port = socket.getLocalPort();
                if (seen.add(port)) {
                    ports[i++] = port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port on " + LOOPBACK, e);
            }
        }
        return ports;
    }

    /** Whether something accepts TCP connections on 127.0.0.1:port. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
