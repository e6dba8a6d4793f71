package kz.qorgau.order;

import static kz.qorgau.testsupport.logging.ForgedLogLines.FORGED_LINE;
import static kz.qorgau.testsupport.logging.ForgedLogLines.OTHER_BREAKS;

import java.nio.file.Path;
import java.util.List;
import kz.qorgau.testsupport.logging.ForgedLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A value from a token or a request with CR, LF or other control characters in it cannot forge a log
 * line (docs/adr/0014): the logging patterns the service kit sets (NeutralLogLines, docs/adr/0016)
 * neutralise every message, so no call site can forget.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogLineInjectionTest {

    /** A subject claim as a forger would write it: the rest looks like a line of its own. */
    static final String FORGED_SUBJECT = "demo-officer-a\r\n" + FORGED_LINE + "break-glass revoked";

    @Test
    void controlCharactersInALoggedValueNeverStartALine(CapturedOutput output, @TempDir Path logs) {
        String logFile = ForgedLogLines.logFileAfter(
                logs,
                "order-service",
                () ->
                        // As BreakGlass logs a grant: the token's subject and a district from the request.
                        LoggerFactory.getLogger("kz.qorgau.order.breakglass.BreakGlass")
                                .warn(
                                        "Break-glass grant {} to {} for district {}",
                                        "g-1",
                                        FORGED_SUBJECT,
                                        OTHER_BREAKS));

        ForgedLogLines.assertNoForgedLine(List.of(output.getOut(), logFile), "demo-officer-a\\r\\nFORGED 2026");
    }
}
