package kz.qorgau.notification.dutyunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DutyUnitDirectoryTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void findsADistrictWhateverTheCaseAndFallsBackForAnUnknownOne() {
        var directory = new DutyUnitDirectory(
                new DutyUnitProperties(
                        Map.of("ALM-BOSTANDYK", List.of(" duty.a@police.example.kz", "duty.b@police.example.kz ")),
                        List.of("duty.national@police.example.kz")),
                meters);

        assertThat(directory.forDistrict("alm-bostandyk"))
                .isEqualTo(new DutyUnit(
                        "alm-bostandyk", List.of("duty.a@police.example.kz", "duty.b@police.example.kz"), false));
        assertThat(directory.forDistrict("KRG-NURA"))
                .isEqualTo(new DutyUnit("KRG-NURA", List.of("duty.national@police.example.kz"), true));
        assertThat(meters.counter("qorgau.duty.units.fallback").count()).isEqualTo(1);
    }

    @Test
    void refusesToStartWithoutAFallbackOrWithAnAddressThatDoesNotParse() {
        assertThatThrownBy(() -> new DutyUnitDirectory(new DutyUnitProperties(Map.of(), List.of()), meters))
                .hasMessageContaining("fallback-duty-unit");
        assertThatThrownBy(() -> new DutyUnitDirectory(
                        new DutyUnitProperties(
                                Map.of("AST-ESIL", List.of("not an address")),
                                List.of("duty.national@police.example.kz")),
                        meters))
                .hasMessageContaining("[AST-ESIL]")
                .hasMessageNotContaining("not an address");
    }
}
