package kz.qorgau.kit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import kz.qorgau.kit.problem.Problems;
import org.springframework.http.MediaType;

/**
 * Problem details (RFC 9457) written before Spring MVC runs: by the first filter, by Spring Security's
 * firewall and by Tomcat's error report valve, where no message converter is at hand; of the same
 * vocabulary ({@link Problems}) as every other problem. Bodies are made of constants only: nothing of the
 * refused request is echoed.
 */
public final class EarlyProblems {

    public static final String REQUEST_TOO_LARGE = Problems.REQUEST_TOO_LARGE.toString();
    public static final String REJECTED_REQUEST = Problems.REJECTED_REQUEST.toString();
    public static final String INTERNAL_ERROR = Problems.INTERNAL_ERROR.toString();

    private EarlyProblems() {}

    /** A problem body; every argument is a constant of ours, so nothing needs escaping. */
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
}
