package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentCodecTest {

    @Test
    void plainNamesStayReadable() {
        assertThat(SegmentCodec.encode("hello-0-server_1.x")).isEqualTo("hello-0-server_1.x");
    }

    @Test
    void slashesPercentsAndUnicodeAreEscapedAndComeBack() {
        for (String key : List.of("group/svc", "50%", "héllo wörld", "a%2Fb", ".", "..", "...", "x.y")) {
            String segment = SegmentCodec.encode(key);
            assertThat(PersisterPaths.check("/" + segment)).as(key).isEqualTo("/" + segment);
            assertThat(SegmentCodec.decode(segment)).isEqualTo(key);
        }
        assertThat(SegmentCodec.encode("group/svc")).isEqualTo("group%2Fsvc");
        assertThat(SegmentCodec.encode("a%2Fb")).isNotEqualTo(SegmentCodec.encode("a/b"));
    }

    @Test
    void emptyKeysAreRejected() {
        assertThatThrownBy(() -> SegmentCodec.encode("")).isInstanceOf(IllegalArgumentException.class);
    }
}
