package io.stratum.examples.cassandra.probe;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A node's readiness check: the node is ready when it reports itself up and normal in the ring
 * ({@code UN} in {@code nodetool status}) and serves CQL. Run by the node task's readiness check
 * ({@code cassandra-node.sh probe}) on the node's own JDK with only the JDK's classes: a JMX read
 * of Cassandra's {@code StorageService} takes ~0.5 s where {@code nodetool status} takes ~1.8 s.
 *
 * <p>Arguments: the JMX host and port, and the node's address. Exit 0 when ready; 1, with the
 * reason on stderr, when not (JMX not up yet, still joining, not live, CQL not started).
 */
public final class NodeProbe {
    private static final String STORAGE_SERVICE = "org.apache.cassandra.db:type=StorageService";

    private NodeProbe() {}

    /** The node's state as the probe sees it. */
    record NodeState(String operationMode, List<String> liveNodes, boolean nativeTransportRunning) {
        /** @return why the node at {@code address} is not ready, or null when it is */
        String notReadyReason(String address) {
            if (!"NORMAL".equals(operationMode)) {
                return "the node is " + operationMode + ", not NORMAL";
            }
            if (!liveNodes.contains(address)) {
                return "the node does not see itself up: live nodes " + liveNodes;
            }
            if (!nativeTransportRunning) {
                return "the node does not serve CQL yet";
            }
            return null;
        }
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: NodeProbe JMX_HOST JMX_PORT NODE_ADDRESS");
            System.exit(2);
        }
        String reason;
        try {
            reason = read(args[0], Integer.parseInt(args[1])).notReadyReason(args[2]);
        } catch (IOException e) {
            reason = "no JMX at " + args[0] + ":" + args[1] + " yet (" + e.getMessage() + ")";
        } catch (JMException | RuntimeException e) {
            reason = "cannot read the node's state: " + e;
        }
        if (reason != null) {
            System.err.println("not ready: " + reason);
            System.exit(1);
        }
        System.out.println("UN, serving CQL");
    }

    /** @return the node's state read over JMX at {@code host:port} */
    static NodeState read(String host, int port) throws IOException, JMException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + host + ":" + port + "/jmxrmi");
        try (JMXConnector connector = JMXConnectorFactory.connect(url, Map.of())) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName storage = new ObjectName(STORAGE_SERVICE);
            String mode = String.valueOf(server.getAttribute(storage, "OperationMode"));
            List<?> live = (List<?>) server.getAttribute(storage, "LiveNodes");
            boolean cql = Boolean.TRUE.equals(server.getAttribute(storage, "NativeTransportRunning"));
            return new NodeState(mode, live.stream().map(String::valueOf).toList(), cql);
        }
    }
}
