package kz.qorgau.kit.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's ErrorReportValve, writing a problem instead of an HTML page: for what Tomcat refuses before
 * any filter runs (an encoded slash in the path, a header too large, a malformed request), and for any
 * error nothing else has written a body for (docs/adr/0015). Names no server, version or exception.
 */
public final class ProblemReportValve extends ErrorReportValve {

    /** Tomcat makes the host's valve from its class name, so this constructor must stay public. */
    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    /** Puts this valve in place of Tomcat's own on the host of every server the factory makes. */
    public static WebServerFactoryCustomizer<TomcatServletWebServerFactory> onEveryHost() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // The host adds its own ErrorReportValve at start unless one of this class is there already.
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
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
            type = EarlyProblems.REQUEST_TOO_LARGE;
            title = "Request too large";
            detail = "The request is larger than this API accepts.";
        } else if (status >= 500) {
            type = EarlyProblems.INTERNAL_ERROR;
            title = "Internal error";
            detail = "The request could not be completed.";
        } else {
            type = EarlyProblems.REJECTED_REQUEST;
            title = "Request rejected";
            detail = "The request could not be accepted: its path, headers or framing break the rules of"
                    + " HTTP or of this API.";
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(EarlyProblems.problem(status, type, title, detail));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile: nothing left to tell.
        }
    }
}
