package kz.qorgau.testsupport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawHttpTest {

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void anAnswerWithALengthIsCompleteWithItsLastByte() {
        String head = "HTTP/1.1 413 \r\nContent-Type: application/problem+json\r\nContent-Length: 11\r\n\r\n";

        assertThat(RawHttp.complete(bytes(head + "{\"status\":"))).isFalse();
        assertThat(RawHttp.complete(bytes(head + "{\"status\":4"))).isTrue();
        assertThat(RawHttp.parse(bytes(head + "{\"status\":4")))
                .isEqualTo(new RawHttp.Answer(
                        413,
                        java.util.Map.of("content-type", "application/problem+json", "content-length", "11"),
                        "{\"status\":4"));
    }

    @Test
    void aChunkedAnswerIsCompleteWithItsLastChunkAndIsDechunked() {
        String head = "HTTP/1.1 413 \r\nTransfer-Encoding: chunked\r\n\r\n";

        assertThat(RawHttp.complete(bytes(head + "5\r\nhello\r\n"))).isFalse();
        assertThat(RawHttp.complete(bytes(head + "5\r\nhello\r\n3\r\n!!!\r\n0\r\n\r\n")))
                .isTrue();
        assertThat(RawHttp.parse(bytes(head + "5\r\nhello\r\n3\r\n!!!\r\n0\r\n\r\n"))
                        .body())
                .isEqualTo("hello!!!");
        assertThat(RawHttp.complete(bytes("HTTP/1.1 413 \r\nContent-Ty"))).isFalse();
    }
}
