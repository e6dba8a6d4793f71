package kz.qorgau.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The body limit decides from the declared length, or from what a chunked body brings, never reading more. */
class RequestBodyLimitFilterTest {

    static final int LIMIT = 16;

    final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT);
    final MockHttpServletResponse response = new MockHttpServletResponse();
    final MockFilterChain chain = new MockFilterChain();

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedUnread() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/orders");
        request.setContent(new byte[LIMIT + 1]);

        filter.doFilter(request, response, chain);

        assertTooLarge();
        assertThat(request.getInputStream().read())
                .as("the body is left unread")
                .isZero();
    }

    @Test
    void aDeclaredLengthWithinTheLimitPassesUntouched() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/orders");
        request.setContent(new byte[LIMIT]);

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyBeyondTheLimitIsRefused() throws Exception {
        filter.doFilter(chunked(new byte[LIMIT + 1]), response, chain);

        assertTooLarge();
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheApplicationWhole() throws Exception {
        byte[] body = "{\"district\":\"ALM\"}".substring(0, LIMIT).getBytes();

        filter.doFilter(chunked(body), response, chain);

        HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
        assertThat(passed).isNotNull();
        assertThat(passed.getContentLengthLong()).isEqualTo(LIMIT);
        assertThat(passed.getInputStream().readAllBytes()).isEqualTo(body);
    }

    @Test
    void aBodyOfUnknownLengthThatIsNotChunkedPassesUntouched() throws Exception {
        MockHttpServletRequest request = unknownLength(new byte[0]);

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private void assertTooLarge() throws Exception {
        assertThat(chain.getRequest()).as("the chain never runs").isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"type\":\"urn:qorgau:problem:request-too-large\"")
                .contains("\"status\":413")
                .contains("(" + LIMIT + " bytes)");
    }

    /** As Tomcat presents a chunked body: no declared length, a Transfer-Encoding header. */
    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = unknownLength(Arrays.copyOf(body, body.length));
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }

    private static MockHttpServletRequest unknownLength(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/orders") {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(body);
        return request;
    }
}
