package kz.qorgau.audit;

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
 * A value from an event's header with CR, LF or other control characters in it cannot forge a log line
 * (docs/adr/0014): the logging patterns the service kit sets (NeutralLogLines, docs/adr/0016) neutralise
 * every message, so no call site can forget.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogLineInjectionTest {

    /** A value from an event's header as a forger would write it: the rest looks like a line of its own. */
    static final String FORGED_TYPE = "kz.qorgau.order.issued.v9\r\n" + FORGED_LINE + "Audit trail intact";

    @Test
    void controlCharactersInALoggedValueNeverStartALine(CapturedOutput output, @TempDir Path logs) {
        String logFile = ForgedLogLines.logFileAfter(
                logs,
                "audit-service",
                () ->
                        // Through the service's own logger, as a refused record's reason would be logged.
                        LoggerFactory.getLogger("kz.qorgau.audit.platform.AuditKafkaConfiguration")
                                .warn(
                                        "qorgau.orders-0@7 is not a valid Qorgau event: unknown type {} from {}",
                                        FORGED_TYPE,
                                        OTHER_BREAKS));

        ForgedLogLines.assertNoForgedLine(List.of(output.getOut(), logFile), "v9\\r\\nFORGED 2026");
    }
}
