package io.stratum.sdk.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactStoreTest {
    private final ArtifactStore store = new ArtifactStore(URI.create("http://10.0.0.5:8080/"));

    @Test
    void publishedFilesAreFoundByTaskAndNameAtTheirUrls() {
        List<URI> urls = store.publish("web-0-server__a1", List.of(artifact("conf", "conf/a.yml", "a: 1"),
                artifact("log", "log.xml", "<log/>")));

        assertThat(urls).containsExactly(URI.create("http://10.0.0.5:8080/v1/artifacts/web-0-server__a1/conf"),
                URI.create("http://10.0.0.5:8080/v1/artifacts/web-0-server__a1/log"));
        assertThat(store.list("web-0-server__a1")).extracting(ArtifactStore.Artifact::name).containsExactly("conf", "log");
        assertThat(new String(store.get("web-0-server__a1", "log").orElseThrow().content(), StandardCharsets.UTF_8))
                .isEqualTo("<log/>");
        assertThat(store.get("web-0-server__a1", "other")).isEmpty();
        assertThat(store.list("web-1-server__b2")).isEmpty();
    }

    @Test
    void namesAreEncodedInTheUrl() {
        assertThat(store.uri("t 1", "a/b")).isEqualTo(URI.create("http://10.0.0.5:8080/v1/artifacts/t%201/a%2Fb"));
    }

    @Test
    void publishingAgainReplacesAndRemovingForgets() {
        store.publish("t", List.of(artifact("a", "a", "1")));
        store.publish("t", List.of(artifact("b", "b", "2")));
        assertThat(store.list("t")).extracting(ArtifactStore.Artifact::name).containsExactly("b");

        store.remove("t");

        assertThat(store.taskIds()).isEmpty();
    }

    @Test
    void contentCannotBeChangedFromOutside() {
        byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
        store.publish("t", List.of(new ArtifactStore.Artifact("a", "a", bytes)));
        bytes[0] = 'y';
        store.get("t", "a").orElseThrow().content()[0] = 'z';

        assertThat(store.get("t", "a").orElseThrow().content()).containsExactly('x');
    }

    @Test
    void refusesDuplicateNamesAndUrlsAgentsCannotFetch() {
        assertThatThrownBy(() -> store.publish("t", List.of(artifact("a", "a", "1"), artifact("a", "b", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two artifacts named a for task t");
        assertThat(store.taskIds()).isEmpty();
        assertThatThrownBy(() -> new ArtifactStore(URI.create("file:///tmp")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)://HOST[:PORT]");
    }

    private static ArtifactStore.Artifact artifact(String name, String dest, String text) {
        return new ArtifactStore.Artifact(name, dest, text.getBytes(StandardCharsets.UTF_8));
    }
}
