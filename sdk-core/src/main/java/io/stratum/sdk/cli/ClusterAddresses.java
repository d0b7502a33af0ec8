package io.stratum.sdk.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the addresses {@code run} and {@code uninstall} are given ({@code --zookeeper},
 * {@code --mesos}) before anything starts, so that a typo is refused at once rather than retried
 * for ever: each must name a host and a port in range.
 */
final class ClusterAddresses {
    private static final String HOST = "(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)";
    private static final Pattern HOST_PORTS = Pattern.compile(HOST + ":(\\d{1,5})(?:," + HOST + ":(\\d{1,5}))*");
    private static final Pattern PORT = Pattern.compile(":(\\d{1,5})(?=,|$)");
    private static final Pattern ZK_URL = Pattern.compile("zk://(?:[^@/\\s]+@)?([^/\\s]+)/[^\\s]+");
    private static final String MESOS_FORMS = "expected http://HOST:PORT, HOST:PORT or zk://HOST:PORT/PATH";

    private ClusterAddresses() {}

    /** @throws CliException (bad input) unless {@code text} is {@code HOST:PORT[,HOST:PORT...]} */
    static void requireZooKeeper(String text) {
        if (!hostPorts(text)) {
            throw CliException.badInput("--zookeeper: expected HOST:PORT[,HOST:PORT...] with ports 1-65535, got '"
                    + text + "'");
        }
    }

    /**
     * @throws CliException (bad input) unless {@code text} is a Mesos master ({@code http(s)://HOST[:PORT]},
     *                      {@code HOST:PORT}) or the ZooKeeper holding it ({@code zk://HOST:PORT,.../PATH})
     */
    static void requireMesos(String text) {
        if (text.startsWith("zk://")) {
            Matcher zk = ZK_URL.matcher(text);
            if (!zk.matches() || !hostPorts(zk.group(1))) {
                throw CliException.badInput("--mesos: " + MESOS_FORMS + ", got '" + text + "'");
            }
            return;
        }
        if (!text.contains("://")) {
            if (!hostPorts(text) || text.contains(",")) {
                throw CliException.badInput("--mesos: " + MESOS_FORMS + ", got '" + text + "'");
            }
            return;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw CliException.badInput("--mesos: " + MESOS_FORMS + ", got '" + text + "' (" + e.getReason() + ")");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw CliException.badInput("--mesos: " + MESOS_FORMS + ", got '" + text + "'");
        }
    }

    private static boolean hostPorts(String text) {
        if (!HOST_PORTS.matcher(text).matches()) {
            return false;
        }
        Matcher port = PORT.matcher(text);
        while (port.find()) {
            int n = Integer.parseInt(port.group(1));
            if (n < 1 || n > 65_535) {
                return false;
            }
        }
        return true;
    }
}
