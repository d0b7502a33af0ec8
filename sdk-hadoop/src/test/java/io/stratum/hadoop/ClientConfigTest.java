package io.stratum.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.discovery.PodAddress;
import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiRequest;
import io.stratum.sdk.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientConfigTest {
    private static final ApiRequest GET = new ApiRequest("GET", ClientConfig.HDFS_SITE_ROUTE, Map.of(), Map.of(), null);
    private static final List<PodAddress> NAMES = List.of(
            new PodAddress("name", 1, "127.0.0.3", Map.of("name-rpc", 9001L, "name-http", 9002L)),
            new PodAddress("name", 0, "127.0.0.2", Map.of("name-rpc", 9001L, "name-http", 9002L)));

    @Test
    void theClientsHdfsSiteNamesBothNameNodesAndTheFailoverProvider() {
        String xml = new ClientConfig("hdfs").hdfsSite(NAMES);

        assertThat(xml)
                .contains("<name>dfs.nameservices</name>\n    <value>hdfs</value>")
                .contains("<name>dfs.ha.namenodes.hdfs</name>\n    <value>name-0-node,name-1-node</value>")
                .contains("<name>dfs.namenode.rpc-address.hdfs.name-0-node</name>\n    <value>127.0.0.2:9001</value>")
                .contains("<name>dfs.namenode.http-address.hdfs.name-1-node</name>\n    <value>127.0.0.3:9002</value>")
                .contains("<name>dfs.client.failover.proxy.provider.hdfs</name>\n    <value>"
                        + "org.apache.hadoop.hdfs.server.namenode.ha.ConfiguredFailoverProxyProvider</value>")
                .contains("<name>dfs.client.use.datanode.hostname</name>\n    <value>true</value>");
        assertThat(xml.indexOf("name-0-node</name>")).isLessThan(xml.indexOf("name-1-node</name>"));
    }

    @Test
    void theRouteServesTheFileAsXml() {
        ApiResponse response = new ClientConfig("hdfs").route(ClientConfig.File.HDFS_SITE)
                .handle(GET.withDiscovery(NAMES));

        assertThat(response.status()).isEqualTo(200);
        ApiResponse.Raw body = (ApiResponse.Raw) response.body();
        assertThat(body.contentType()).isEqualTo("application/xml");
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).contains("127.0.0.3:9001");
    }

    @Test
    void coreSiteNamesTheNameserviceAsTheDefaultFileSystem() {
        ApiResponse response = new ClientConfig("hdfs").route(ClientConfig.File.CORE_SITE).handle(GET);

        assertThat(new String(((ApiResponse.Raw) response.body()).bytes(), StandardCharsets.UTF_8))
                .contains("<name>fs.defaultFS</name>\n    <value>hdfs://hdfs</value>");
    }

    @Test
    void beforeTheNameNodesArePlacedTheRouteAnswers503() {
        assertThatThrownBy(() -> new ClientConfig("hdfs").route(ClientConfig.File.HDFS_SITE).handle(GET))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("the name nodes are not placed yet (placed: [])");
    }

    @Test
    void withOneNameNodePlacedTheRouteAnswers503() {
        assertThatThrownBy(() -> new ClientConfig("hdfs").hdfsSite(NAMES.subList(0, 1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("the name nodes are not placed yet (placed: [name-1])");
    }
}
