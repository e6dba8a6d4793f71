package kz.qorgau.notification.dutyunit;

import static kz.qorgau.testsupport.logging.ForgedLogLines.FORGED_LINE;
import static kz.qorgau.testsupport.logging.ForgedLogLines.OTHER_BREAKS;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kz.qorgau.testsupport.logging.ForgedLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A value from an event or a token with CR, LF or other control characters in it cannot forge a log
 * line (docs/adr/0014): the logging patterns the service kit sets (NeutralLogLines, docs/adr/0016)
 * neutralise every message, so no call site can forget. Only the logging configuration is started, as the
 * service starts it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogLineInjectionTest {

    /** A district as a forged event would carry it: the rest looks like a line of its own. */
    static final String FORGED_DISTRICT = "ALM-X\r\n" + FORGED_LINE + "notice sent";

    @Test
    void controlCharactersInALoggedValueNeverStartALine(CapturedOutput output, @TempDir Path logs) {
        String logFile = ForgedLogLines.logFileAfter(logs, "notification-service", () -> {
            // The district of an OrderIssued event that has no duty unit is logged for operators.
            DutyUnitDirectory directory = new DutyUnitDirectory(
                    new DutyUnitProperties(Map.of(), List.of("duty.national@police.example.kz")),
                    new SimpleMeterRegistry());
            directory.forDistrict(FORGED_DISTRICT);
            directory.forDistrict(OTHER_BREAKS);
        });

        ForgedLogLines.assertNoForgedLine(List.of(output.getOut(), logFile), "ALM-X\\r\\nFORGED 2026");
    }
}
