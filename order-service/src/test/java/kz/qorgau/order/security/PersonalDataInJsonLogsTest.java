package kz.qorgau.order.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same trace and scan with Spring Boot's structured logging on (ECS JSON, as
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} selects it): personal data stay out of the JSON lines too, and
 * the request's lines carry its trace id.
 */
@TestPropertySource(properties = "logging.structured.format.console=ecs")
class PersonalDataInJsonLogsTest extends PersonalDataInLogsTest {

    @Override
    void assertFormat(List<String> lines) {
        JsonMapper json = JsonMapper.builder().build();
        List<String> logLines =
                lines.stream().filter(line -> line.startsWith("{")).toList();
        assertThat(logLines).as("structured lines").hasSizeGreaterThan(50);
        logLines.forEach(
                line -> assertThat(json.readTree(line).has("@timestamp")).isTrue());
        // Micrometer Tracing's MDC keys, which Boot's ECS format writes as fields.
        assertThat(logLines).as("lines with a trace id").anySatisfy(line -> assertThat(
                        json.readTree(line).has("traceId"))
                .isTrue());
    }
}
