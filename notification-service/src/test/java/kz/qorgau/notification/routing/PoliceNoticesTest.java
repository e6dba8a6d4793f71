package kz.qorgau.notification.routing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.RecipientKind;
import org.junit.jupiter.api.Test;

class PoliceNoticesTest {

    private static final RecipientKind DUTY_UNIT = new RecipientKind() {
        @Override
        public String role() {
            return "DUTY_UNIT";
        }

        @Override
        public List<Recipient> recipients(String district, String policeUnit) {
            return List.of();
        }
    };

    @Test
    void aRoutedRoleThatNoRecipientKindAnswersToStopsTheStart() {
        assertThatThrownBy(() -> new PoliceNotices(
                        List.of(DUTY_UNIT), routing(List.of("DUTY_UNIT", "DISTRICT_INSPECTOR")), null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DISTRICT_INSPECTOR");
        assertThatCode(() -> new PoliceNotices(List.of(DUTY_UNIT), routing(List.of("DUTY_UNIT")), null, null))
                .doesNotThrowAnyException();
    }

    private static RoutingProperties routing(List<String> violationReported) {
        List<String> duty = List.of("DUTY_UNIT");
        return new RoutingProperties(duty, duty, duty, violationReported, duty, duty, duty, duty, duty, duty);
    }
}
