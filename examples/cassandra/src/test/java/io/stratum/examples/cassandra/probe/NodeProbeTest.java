package io.stratum.examples.cassandra.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeProbeTest {
    @Test
    void aNormalNodeThatSeesItselfLiveAndServesCqlIsReady() {
        var state = new NodeProbe.NodeState("NORMAL", List.of("127.0.0.2", "127.0.0.3"), true);

        assertThat(state.notReadyReason("127.0.0.2")).isNull();
    }

    @Test
    void aJoiningNodeIsNotReady() {
        var state = new NodeProbe.NodeState("JOINING", List.of("127.0.0.2"), false);

        assertThat(state.notReadyReason("127.0.0.2")).isEqualTo("the node is JOINING, not NORMAL");
    }

    @Test
    void aNodeThatDoesNotSeeItselfLiveIsNotReady() {
        var state = new NodeProbe.NodeState("NORMAL", List.of("127.0.0.3"), true);

        assertThat(state.notReadyReason("127.0.0.2")).contains("does not see itself up");
    }

    @Test
    void aNodeWithoutCqlIsNotReady() {
        var state = new NodeProbe.NodeState("NORMAL", List.of("127.0.0.2"), false);

        assertThat(state.notReadyReason("127.0.0.2")).isEqualTo("the node does not serve CQL yet");
    }
}
