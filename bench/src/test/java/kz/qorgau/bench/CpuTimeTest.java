package kz.qorgau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

    @Test
    void readsUserAndSystemTicksEvenWhenTheCommandNameHoldsSpacesAndBrackets() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 123 0 0 0 1500 250 7 9 20 0 42 0 100 0";

        assertThat(CpuTime.ofStat(stat)).isEqualTo(1750);
    }

    @Test
    void thisProcessHasUsedSomeCpuAndTheMachineMore() {
        double[] machine = CpuTime.machine();

        assertThat(CpuTime.cpuSeconds(ProcessHandle.current().pid())).isPositive();
        assertThat(machine[0]).isPositive().isLessThanOrEqualTo(machine[1]);
    }

    @Test
    void betweenKeepsWhatEachKindUsedAndLeavesOutWhatUsedNothing() {
        Map<String, Double> used = CpuTime.between(
                Map.of("order-service", 10.0, "postgresql", 4.0), Map.of("order-service", 12.5, "postgresql", 4.0));

        assertThat(used).containsExactly(Map.entry("order-service", 2.5));
    }
}
