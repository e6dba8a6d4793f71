package kz.qorgau.notification.dutyunit;

import java.util.List;

/**
 * The police duty unit told about a district's orders.
 *
 * @param district the district code it was looked up for
 * @param addresses its e-mail addresses, at least one
 * @param fallback whether the district is not configured and the fallback unit stands in
 */
public record DutyUnit(String district, List<String> addresses, boolean fallback) {

    /** The role code of every duty-unit recipient, in events and metric tags. */
    public static final String ROLE = "DUTY_UNIT";

    public DutyUnit {
        addresses = List.copyOf(addresses);
    }
}
