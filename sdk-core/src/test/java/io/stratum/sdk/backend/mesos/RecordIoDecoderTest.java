package io.stratum.sdk.backend.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordIoDecoderTest {
    private final RecordIoDecoder decoder = new RecordIoDecoder(1 << 20);

    @Test
    void decodesRecordsOneAfterAnother() throws IOException {
        List<String> records = feed("5\nhello3\nabc", 1000);

        assertThat(records).containsExactly("hello", "abc");
        assertThat(decoder.atBoundary()).isTrue();
    }

    @Test
    void keepsItsPlaceWhenChunksCutLengthsNewlinesAndRecords() throws IOException {
        String stream = "12\n{\"type\":\"A\"}\n10\n0123456789";
        for (int size = 1; size <= stream.length(); size++) {
            RecordIoDecoder fresh = new RecordIoDecoder(100);
            List<String> records = new ArrayList<>();
            byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i += size) {
                fresh.decode(ByteBuffer.wrap(bytes, i, Math.min(size, bytes.length - i)))
                        .forEach(r -> records.add(new String(r, StandardCharsets.UTF_8)));
            }
            assertThat(records).as("chunks of %d bytes", size).containsExactly("{\"type\":\"A\"}", "0123456789");
        }
    }

    @Test
    void decodesALargeRecordArrivingInManyChunks() throws IOException {
        String big = "x".repeat(700_000);
        List<String> records = feed(big.length() + "\n" + big, 8192);

        assertThat(records).hasSize(1);
        assertThat(records.get(0)).hasSize(700_000);
    }

    @Test
    void countsLengthsInBytesNotCharacters() throws IOException {
        String text = "zoë"; // 4 bytes in UTF-8
        assertThat(feed("4\n" + text + "1\n!", 2)).containsExactly(text, "!");
    }

    @Test
    void skipsEmptyLinesAndEmptyRecords() throws IOException {
        assertThat(feed("\n0\n\n2\nok", 3)).containsExactly("ok");
    }

    @Test
    void saysWhenTheStreamEndsInsideARecord() throws IOException {
        feed("10\nabc", 100);

        assertThat(decoder.atBoundary()).isFalse();
    }

    @Test
    void rejectsALengthBeyondTheLimitBeforeBufferingIt() {
        RecordIoDecoder small = new RecordIoDecoder(1000);

        assertThatThrownBy(() -> small.decode(ascii("1001\n")))
                .isInstanceOf(IOException.class)
                .hasMessage("malformed RecordIO stream: a record of 1001+ bytes exceeds the limit of 1000 bytes");
    }

    @Test
    void rejectsAbsurdLengthsAndStaysFailed() {
        assertThatThrownBy(() -> decoder.decode(ascii("99999999999999999999999\n")))
                .hasMessageContaining("exceeds the limit");
        assertThatThrownBy(() -> decoder.decode(ascii("2\nok"))).hasMessageContaining("exceeds the limit");
    }

    @Test
    void rejectsALengthThatIsNotANumber() {
        assertThatThrownBy(() -> decoder.decode(ascii("{\"type\":\"HEARTBEAT\"}")))
                .hasMessage("malformed RecordIO stream: expected a record length (ASCII digits and a newline),"
                        + " got byte 0x7b after 0 digits");
    }

    private List<String> feed(String stream, int chunk) throws IOException {
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            decoder.decode(ByteBuffer.wrap(bytes, i, Math.min(chunk, bytes.length - i)))
                    .forEach(r -> records.add(new String(r, StandardCharsets.UTF_8)));
        }
        return records;
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
