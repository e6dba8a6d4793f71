package kz.qorgau.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
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

    @Test
    void perUnitGivesEachKindsMillisecondsPerUnitAndTheirSumWithTheNote() {
        Map<String, Double> used = new LinkedHashMap<>();
        used.put("broker", 1.0);
        used.put("postgresql", 0.5);

        assertThat(CpuTime.perUnit("part", "CPU per order", used, 100, "busy"))
                .extracting(Measurement::name, Measurement::value, Measurement::note)
                .containsExactly(
                        tuple("CPU per order: broker", 10.0, ""),
                        tuple("CPU per order: postgresql", 5.0, ""),
                        tuple("CPU per order, all", 15.0, "busy"));
        assertThat(CpuTime.perUnit("part", "CPU per order", used, 0, "busy")).isEmpty();
    }

    @Test
    void busyIsTheShareOfTheMachinesCpuSecondsThatWereNotIdle() {
        int cores = Runtime.getRuntime().availableProcessors();

        assertThat(CpuTime.busy(new double[] {10, 100}, new double[] {10 + 30.0 * cores, 100 + 60.0 * cores}, "then"))
                .isEqualTo("machine busy 50 % of 60 s, then");
        assertThat(CpuTime.busy(new double[] {10, 100}, new double[] {10, 100}, "then"))
                .isEmpty();
    }
}
