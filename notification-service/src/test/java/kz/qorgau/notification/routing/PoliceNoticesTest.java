package kz.qorgau.notification.routing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.RecipientKind;
import org.junit.jupiter.api.Test;

class PoliceNoticesTest {

    private static final RecipientKind DUTY_UNIT = new RecipientKind() {
        @Override
        public String role() {
            return "DUTY_UNIT";
        }

        @Override
        public List<NoticeDraft> orderIssued(EventEnvelope<OrderIssued> event) {
            return List.of();
        }
    };

    @Test
    void aRoutedRoleThatNoRecipientKindAnswersToStopsTheStart() {
        assertThatThrownBy(() -> new PoliceNotices(
                        List.of(DUTY_UNIT), new RoutingProperties(List.of("DUTY_UNIT", "DISTRICT_INSPECTOR")), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DISTRICT_INSPECTOR");
        assertThatCode(() -> new PoliceNotices(List.of(DUTY_UNIT), new RoutingProperties(List.of("DUTY_UNIT")), null))
                .doesNotThrowAnyException();
    }
}
