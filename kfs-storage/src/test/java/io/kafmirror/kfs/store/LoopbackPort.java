package io.kafmirror.kfs.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1 for servers the tests start. */
final class LoopbackPort {

    private LoopbackPort() {
    }

    /** A port free right now; another process may take it before ours binds, which tests accept. */
    static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
