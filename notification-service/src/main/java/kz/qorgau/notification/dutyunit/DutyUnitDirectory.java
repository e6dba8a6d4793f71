package kz.qorgau.notification.dutyunit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.qorgau.notification.notice.EmailAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the duty unit of a district. Configuration mistakes (a district without addresses, an
 * address that does not parse, no fallback) stop start-up instead of losing a notice later.
 */
@Component
class DutyUnitDirectory {

    private static final Logger log = LoggerFactory.getLogger(DutyUnitDirectory.class);

    private final Map<String, List<String>> byDistrict = new LinkedHashMap<>();
    private final List<String> fallback;
    private final Counter fallbacks;

    DutyUnitDirectory(DutyUnitProperties properties, MeterRegistry meters) {
        properties.dutyUnits().forEach((district, addresses) -> {
            String code = normalise(district);
            byDistrict.put(code, checked("qorgau.notification.duty-units.[" + code + "]", addresses));
        });
        this.fallback = checked("qorgau.notification.fallback-duty-unit", properties.fallbackDutyUnit());
        this.fallbacks = Counter.builder("qorgau.duty.units.fallback")
                .description("Orders from districts without a configured duty unit, sent to the fallback unit")
                .register(meters);
    }

    /** The district's duty unit, or the fallback unit when the district is not configured. */
    DutyUnit forDistrict(String district) {
        List<String> addresses = byDistrict.get(normalise(district));
        if (addresses != null) {
            return new DutyUnit(district, addresses, false);
        }
        fallbacks.increment();
        // A district code is not personal data; operators need it to complete the configuration.
        log.warn("No duty unit configured for district {}; notifying the fallback unit", district);
        return new DutyUnit(district, fallback, true);
    }

    private static String normalise(String district) {
        return district.strip().toUpperCase(Locale.ROOT);
    }

    private static List<String> checked(String property, List<String> addresses) {
        List<String> cleaned = EmailAddresses.checked(property, addresses);
        if (cleaned.isEmpty()) {
            throw new IllegalStateException(property + " needs at least one e-mail address");
        }
        return cleaned;
    }
}
