package io.kafmirror.app.offline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Permission;
import java.util.regex.Pattern;

/**
 * A JVM-wide guard, installed with {@code -Djava.security.manager=io.kafmirror.app.offline.LoopbackOnlyGuard}, that
 * refuses every connection and every name lookup that is not to this machine's loopback, and prints each refusal on
 * stderr after {@link #MARK}. Every socket of the JDK (blocking, NIO, datagram) and every host name lookup asks the
 * security manager first, so nothing the program or its libraries do can reach the network unseen. All other
 * permissions are granted: the guard checks one thing.
 */
public final class LoopbackOnlyGuard extends SecurityManager {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** What starts a refusal's line on stderr. */
    public static final String MARK = "LOOPBACK-ONLY GUARD refused ";

    @Override
    public void checkPermission(Permission perm) {
        // Everything but the network is out of scope.
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // Everything but the network is out of scope.
    }

    @Override
    public void checkConnect(String host, int port) {
        if (!loopback(host)) {
            String what = (port == -1 ? "a lookup of " : "a connection to ") + host + (port == -1 ? "" : ":" + port);
            System.err.println(MARK + what + " from " + java.util.Arrays.stream(new Throwable().getStackTrace()).skip(1)
                    .filter(f -> !f.getClassName().startsWith("java.")).limit(6).map(StackTraceElement::toString).toList());
            throw new SecurityException("kaf-mirror's offline test refused " + what + ": only loopback is allowed");
        }
    }

    @Override
    public void checkConnect(String host, int port, Object context) {
        checkConnect(host, port);
    }

    @Override
    public void checkMulticast(InetAddress address) {
        checkConnect(address.getHostAddress(), 0);
    }

    @Override
    public void checkAccept(String host, int port) {
        checkConnect(host, port);
    }

    private static boolean loopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost") || IPV4.matcher(bare).matches() && bare.startsWith("127.")) {
            return true;
        }
        // Only a literal IPv6 address is parsed: parsing a name would look it up, and ask this guard again.
        if (!IPV6.matcher(bare).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
