package io.stratum.hadoop;

import io.stratum.sdk.discovery.PodAddress;
import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiHandler;
import io.stratum.sdk.http.ApiRequest;
import io.stratum.sdk.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The configuration an HDFS client needs to use the service, as the DC/OS service served it
 * ({@code /v1/endpoints/hdfs-site.xml}, {@code /v1/endpoints/core-site.xml}): the nameservice, both
 * name nodes' RPC and HTTP addresses, the failover proxy provider, and
 * {@code dfs.client.use.datanode.hostname} (data nodes are known by their agent's address; on one
 * machine their connections all come from 127.0.0.1). Save both in a folder and point
 * {@code HADOOP_CONF_DIR} (or {@code hdfs --config}) at it. Immutable.
 *
 * @param nameservice the nameservice's name (fixed for the service's life)
 */
record ClientConfig(String nameservice) {
    /** The client's {@code hdfs-site.xml}. */
    static final String HDFS_SITE_ROUTE = "/v1/endpoints/hdfs-site.xml";
    /** The client's {@code core-site.xml}. */
    static final String CORE_SITE_ROUTE = "/v1/endpoints/core-site.xml";

    /** The files served. */
    enum File { HDFS_SITE, CORE_SITE }

    ClientConfig {
        Objects.requireNonNull(nameservice, "nameservice");
    }

    /**
     * @param file which file the route serves
     * @return the route's handler: the file as {@code application/xml}; for {@code hdfs-site.xml}, from
     *     the name nodes placed now ({@link ApiRequest#discovery()}), 503 while both are not
     */
    ApiHandler route(File file) {
        return request -> xml(file == File.CORE_SITE ? coreSite() : hdfsSite(request.discovery()));
    }

    private static ApiResponse xml(String text) {
        return ApiResponse.raw(200, "application/xml", text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param names the name pod's placed instances
     * @return the client's {@code hdfs-site.xml}
     * @throws ApiException (503) if the two name nodes are not both placed with their ports
     */
    String hdfsSite(List<PodAddress> names) {
        List<PodAddress> sorted = names.stream().filter(a -> a.podType().equals(Hdfs.NAME))
                .sorted(Comparator.comparingInt(PodAddress::index)).toList();
        if (sorted.size() != Hdfs.NAME_NODES
                || sorted.stream().anyMatch(a -> !a.ports().containsKey("name-rpc") || !a.ports().containsKey("name-http"))) {
            throw new ApiException(503, "path", "the name nodes are not placed yet (placed: "
                    + sorted.stream().map(PodAddress::name).toList() + ")");
        }
        StringBuilder xml = new StringBuilder(header("hdfs-site.xml"));
        property(xml, "dfs.nameservices", nameservice);
        property(xml, "dfs.ha.namenodes." + nameservice, HdfsEnvironment.nameNodeId(0) + "," + HdfsEnvironment.nameNodeId(1));
        for (PodAddress name : sorted) {
            String id = HdfsEnvironment.nameNodeId(name.index());
            property(xml, "dfs.namenode.rpc-address." + nameservice + "." + id, name.endpoint("name-rpc"));
            property(xml, "dfs.namenode.http-address." + nameservice + "." + id, name.endpoint("name-http"));
        }
        property(xml, "dfs.client.failover.proxy.provider." + nameservice,
                "org.apache.hadoop.hdfs.server.namenode.ha.ConfiguredFailoverProxyProvider");
        property(xml, "dfs.client.use.datanode.hostname", "true");
        return xml.append("</configuration>\n").toString();
    }

    /** @return the client's {@code core-site.xml} */
    String coreSite() {
        StringBuilder xml = new StringBuilder(header("core-site.xml"));
        property(xml, "fs.defaultFS", "hdfs://" + nameservice);
        return xml.append("</configuration>\n").toString();
    }

    private static String header(String file) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- An HDFS client's " + file
                + ", served by the Stratum HDFS service. -->\n<configuration>\n";
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("  <property>\n    <name>").append(escape(name)).append("</name>\n    <value>")
                .append(escape(value)).append("</value>\n  </property>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
