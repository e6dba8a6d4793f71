package kz.qorgau.notification.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.notification.notice.Occurrence;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is told of what ({@code qorgau.notification.routing.*}): for each occurrence of an order's life, the
 * recipient kinds by role code, in order. A role no recipient kind answers to stops the start. A kind with nobody
 * configured for the order's district or unit (an inspector, an issuing unit) adds no notice; the duty unit always
 * has someone (its fallback).
 *
 * @param orderIssued an order was issued
 * @param serviceFailed an attempt to serve it failed
 * @param serviceOverdue it is still unserved when service was due
 * @param violationReported a violation was reported: the most urgent path
 * @param arrestStarted an arrest for a violation started
 * @param arrestEnded it ended
 * @param checkOverdue a compliance check is overdue
 * @param expiryApproaching the order's term is about to end (the 30-day cliff)
 * @param personCheckHit a person check found the offender, or a protected person, of the order (docs/adr/0028)
 * @param victimRequestedHelp a victim's verified contact answered HELP (docs/adr/0036)
 * @param riskRaised a re-assessment raised the order's risk level to HIGH or EXTREME (docs/adr/0039)
 */
@ConfigurationProperties("qorgau.notification.routing")
public record RoutingProperties(
        @DefaultValue("DUTY_UNIT") List<String> orderIssued,
        @DefaultValue({"ISSUING_UNIT", "DISTRICT_INSPECTOR"}) List<String> serviceFailed,
        @DefaultValue({"DUTY_UNIT", "ISSUING_UNIT", "DISTRICT_INSPECTOR"}) List<String> serviceOverdue,
        @DefaultValue({"DUTY_UNIT", "ISSUING_UNIT", "DISTRICT_INSPECTOR"}) List<String> violationReported,
        @DefaultValue({"DUTY_UNIT", "DISTRICT_INSPECTOR"}) List<String> arrestStarted,
        @DefaultValue({"DUTY_UNIT", "DISTRICT_INSPECTOR"}) List<String> arrestEnded,
        @DefaultValue({"ISSUING_UNIT", "DISTRICT_INSPECTOR"}) List<String> checkOverdue,
        @DefaultValue({"ISSUING_UNIT", "DISTRICT_INSPECTOR"}) List<String> expiryApproaching,
        @DefaultValue("ISSUING_UNIT") List<String> personCheckHit,
        @DefaultValue("DUTY_UNIT") List<String> victimRequestedHelp,
        @DefaultValue({"DUTY_UNIT", "DISTRICT_INSPECTOR"}) List<String> riskRaised) {

    /** The roles told of each occurrence. */
    Map<Occurrence, List<String>> byOccurrence() {
        Map<Occurrence, List<String>> routes = new EnumMap<>(Occurrence.class);
        routes.put(Occurrence.ORDER_ISSUED, orderIssued);
        routes.put(Occurrence.SERVICE_FAILED, serviceFailed);
        routes.put(Occurrence.SERVICE_OVERDUE, serviceOverdue);
        routes.put(Occurrence.VIOLATION_REPORTED, violationReported);
        routes.put(Occurrence.ARREST_STARTED, arrestStarted);
        routes.put(Occurrence.ARREST_ENDED, arrestEnded);
        routes.put(Occurrence.CHECK_OVERDUE, checkOverdue);
        routes.put(Occurrence.EXPIRY_APPROACHING, expiryApproaching);
        routes.put(Occurrence.PERSON_CHECK_HIT, personCheckHit);
        routes.put(Occurrence.VICTIM_REQUESTED_HELP, victimRequestedHelp);
        routes.put(Occurrence.RISK_RAISED, riskRaised);
        return routes;
    }
}
