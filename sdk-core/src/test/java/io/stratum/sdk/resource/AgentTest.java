package io.stratum.sdk.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentTest {

    @Test
    void attributesRenderTheWayConstraintsMatchThem() {
        Agent agent = Agent.of("a1", "h1").withAttribute("rack", "r1").withAttribute("disks", AttributeValue.scalar(4))
                .withAttribute("load", AttributeValue.scalar(2.5))
                .withAttribute("slots", new AttributeValue.Ranges(new ResourceValue.Ranges(List.of(new Range(1, 3),
                        new Range(7, 9)))))
                .withAttribute("tags", new AttributeValue.Items(ResourceValue.items("b", "a")));

        assertThat(agent.attributeText("rack")).isEqualTo("r1");
        assertThat(agent.attributeText("disks")).isEqualTo("4");
        assertThat(agent.attributeText("load")).isEqualTo("2.5");
        assertThat(agent.attributeText("slots")).isEqualTo("[1-3,7-9]");
        assertThat(agent.attributeText("tags")).isEqualTo("{a,b}");
        assertThat(agent.attributeText("missing")).isNull();
    }

    @Test
    void faultDomainIsOptional() {
        Agent agent = Agent.of("a1", "h1");
        assertThat(agent.zone()).isEmpty();
        assertThat(agent.withFaultDomain("us", "us-1a").zone()).contains("us-1a");
        assertThat(agent.withFaultDomain("us", "us-1a").region()).contains("us");
    }

    @Test
    void idAndHostnameAreRequired() {
        assertThatIllegalArgumentException().isThrownBy(() -> Agent.of("", "h"));
        assertThatIllegalArgumentException().isThrownBy(() -> Agent.of("a", " "));
    }
}
