package kz.qorgau.order.requirements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.Ban;
import kz.qorgau.events.LegalBasis;

/** Special requirements as stored; the offender opened from its sealed column. */
record SpecialRequirements(
        UUID id,
        UUID orderId,
        String administrativeCase,
        String district,
        String court,
        String caseNumber,
        LocalDate decisionDate,
        Instant effectiveFrom,
        Instant validUntil,
        int termMonths,
        RequirementsStatus status,
        List<Ban> bans,
        RequirementsOffender offender,
        LegalBasis legalBasis,
        String imposedBy,
        Instant recordedAt,
        ReportingSchedule schedule,
        Instant scheduleRecordedAt,
        int version) {

    String orderIdText() {
        return orderId == null ? null : orderId.toString();
    }
}
