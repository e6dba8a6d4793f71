package kz.qorgau.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SmsChannelTest {

    @Test
    void theTemplatesPlaceholdersAreFilledJsonEscaped() {
        var channel = new SmsChannel(
                new SmsProperties(
                        URI.create("http://127.0.0.1:1/sms"),
                        "X-Api-Key",
                        "secret",
                        "{\"to\": \"{{to}}\", \"body\": \"{{text}}\", \"sender\": \"{{from}}\", \"ref\": \"{{id}}\"}",
                        "Info",
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1)),
                Clock.systemUTC());

        String body = channel.body("+77010000001", "Код: \"1\"\\ {{to}}\nжол\u0001", "n-1");

        JsonNode json = JsonMapper.builder().build().readTree(body);
        assertThat(json.get("to").asString()).isEqualTo("+77010000001");
        assertThat(json.get("body").asString()).isEqualTo("Код: \"1\"\\ {{to}}\nжол\u0001");
        assertThat(json.get("sender").asString()).isEqualTo("Info");
        assertThat(json.get("ref").asString()).isEqualTo("n-1");
    }

    @Test
    void aTemplateWithoutTheNumberOrTheTextStopsTheStartAndTheCredentialIsNeverPrinted() {
        assertThatThrownBy(() -> new SmsProperties(
                        null, "Authorization", null, "{\"to\": \"{{to}}\"}", "", Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SmsProperties(
                                null,
                                "Authorization",
                                "Bearer s3cr3t",
                                "{\"to\": \"{{to}}\", \"text\": \"{{text}}\"}",
                                "",
                                Duration.ZERO,
                                Duration.ZERO)
                        .toString())
                .doesNotContain("s3cr3t");
    }
}
