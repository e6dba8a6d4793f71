package kz.qorgau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonCheckAtScaleTest {

    @Test
    void generatedRowsCopyTheTemplateButTheirIdentityIndexesAndCiphertexts() {
        String sql = PersonCheckAtScale.insertStatement(
                List.of("id", "order_number", "district", "offender_sealed", "offender_iin_index", "issued_at"));

        assertThat(sql)
                .startsWith("INSERT INTO protective_order (id, order_number, district, offender_sealed,"
                        + " offender_iin_index, issued_at) SELECT gen_random_uuid(), 'BENCH-' || g, t.district,")
                .contains("sha256(convert_to('offender-' || g, 'UTF8'))")
                .contains("'" + PersonCheckAtScale.SEALED_PLACEHOLDER + "'::jsonb")
                .endsWith(
                        "t.issued_at FROM protective_order t, generate_series(?::bigint, ?::bigint) g WHERE t.id = ?");
    }

    @Test
    void testIinsAreValidAndVaried() {
        TestIins iins = new TestIins(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String iin = iins.next();
            assertThat(iin).hasSize(12).containsOnlyDigits();
            assertThat(TestIins.checkDigit(iin)).isEqualTo(iin.charAt(11) - '0');
            assertThat(iin.charAt(6)).isBetween('3', '6');
            seen.add(iin);
        }
        assertThat(seen).hasSizeGreaterThan(9_990);
        // The README's valid test IIN: the same check digit as order-service's Iin computes.
        assertThat(TestIins.checkDigit("850703300127")).isEqualTo(7);
    }
}
