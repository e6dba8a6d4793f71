package kz.qorgau.notification.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hostile or broken requests get an RFC 9457 problem ({@code application/problem+json}) like every
 * other refusal, never Tomcat's HTML page or a 500, and never use up more than they must
 * (docs/adr/0015):
 *
 * <ul>
 *   <li>a body above {@code qorgau.http.max-request-body} is refused 413 by the first filter, before
 *       authentication and before Jackson, whether it announces its length or comes chunked;
 *   <li>what Tomcat refuses before the application (an encoded slash in the path, a header too large, a
 *       malformed request line) is written by {@link ProblemReportValve} in place of Tomcat's
 *       ErrorReportValve;
 *   <li>what Spring Security's firewall refuses ({@code ..;}, {@code %2e}, control characters) is a 400
 *       problem from the {@link RequestRejectedHandler}.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class HostileInput {

    static final String REQUEST_TOO_LARGE = "urn:qorgau:problem:request-too-large";
    static final String REJECTED_REQUEST = "urn:qorgau:problem:rejected-request";
    static final String INTERNAL_ERROR = "urn:qorgau:problem:internal-error";

    /** Before everything else, Spring Security's filter chain included. */
    static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(HttpProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter((int) properties.maxRequestBody().toBytes()));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // The host adds its own ErrorReportValve at start unless one of this class is there already.
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> write(
                response,
                HttpStatus.BAD_REQUEST.value(),
                REJECTED_REQUEST,
                "Request rejected",
                "The request's path or headers are not allowed.");
    }

    /** A problem body made of constants only: nothing of the request is echoed. */
    static String problem(int status, String type, String title, String detail) {
        return "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\"}";
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem(status, type, title, detail));
        response.flushBuffer();
    }

    /**
     * Reads a request body only up to the limit: a declared length above it is refused unread; a chunked
     * body is read into memory up to the limit (64 KiB by default) and refused as soon as it goes beyond.
     * Tomcat then discards what is left, up to its own {@code max-swallow-size}.
     */
    static final class RequestBodyLimitFilter extends OncePerRequestFilter {

        private final int limit;

        RequestBodyLimitFilter(int limit) {
            this.limit = limit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long declared = request.getContentLengthLong();
            if (declared > limit) {
                tooLarge(response);
                return;
            }
            if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
                // A declared length within the limit: Tomcat never reads beyond it.
                chain.doFilter(request, response);
                return;
            }
            byte[] body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                tooLarge(response);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
        }

        private void tooLarge(HttpServletResponse response) throws IOException {
            write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE.value(),
                    REQUEST_TOO_LARGE,
                    "Request body too large",
                    "The request body is larger than this API accepts (" + limit + " bytes).");
        }
    }

    /** A request whose body has been read already, within the limit. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /**
     * Tomcat's ErrorReportValve, writing a problem instead of an HTML page: for what Tomcat refuses before
     * any filter runs (an encoded slash in the path, a header too large, a malformed request), and for any
     * error nothing else has written a body for. Names no server, version or exception.
     */
    public static final class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String type;
            String title;
            String detail;
            if (status == HttpStatus.CONTENT_TOO_LARGE.value()) {
                type = REQUEST_TOO_LARGE;
                title = "Request too large";
                detail = "The request is larger than this API accepts.";
            } else if (status >= 500) {
                type = INTERNAL_ERROR;
                title = "Internal error";
                detail = "The request could not be completed.";
            } else {
                type = REJECTED_REQUEST;
                title = "Request rejected";
                detail = "The request could not be accepted: its path, headers or framing break the rules of"
                        + " HTTP or of this API.";
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(problem(status, type, title, detail));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the response was committed meanwhile: nothing left to tell.
            }
        }
    }
}
